import Foundation

extension Array where Element: Sendable {
    /// Maps on all cores, keeping the order of the input. Used for parsing and rendering pages,
    /// which are independent of each other once the content set is loaded.
    func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        if count < 2 { return map(transform) }
        let results = ResultSlots<T>(count: count)
        self.withUnsafeBufferPointer { elements in
            nonisolated(unsafe) let elements = elements
            DispatchQueue.concurrentPerform(iterations: count) { index in
                results.store(transform(elements[index]), at: index)
            }
        }
        return results.values()
    }
}

extension Array where Element: Sendable {
    /// Like `concurrentMap`, with a value of its own for each worker thread (made by `makeState` on that
    /// thread), for work that reads a large structure which must not be shared between cores.
    /// Workers take the next element as they finish one, so a few large elements do not hold up the rest.
    func concurrentMap<State, T: Sendable>(perWorker makeState: @Sendable () -> State,
                                           _ transform: @Sendable (inout State, Element) -> T) -> [T] {
        let workers = Swift.max(1, Swift.min(ProcessInfo.processInfo.activeProcessorCount, count))
        let results = ResultSlots<T>(count: count)
        let next = SharedCounter()
        self.withUnsafeBufferPointer { elements in
            nonisolated(unsafe) let elements = elements
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                var state = makeState()
                while true {
                    let index = next.take()
                    guard index < elements.count else { return }
                    results.store(transform(&state, elements[index]), at: index)
                }
            }
        }
        return results.values()
    }
}

/// Hands out 0, 1, 2, … to whichever thread asks next.
private final class SharedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func take() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value - 1
    }
}

/// Write-once slots, one per index: each index is written by exactly one iteration, so no lock is needed
/// for the writes; `values()` runs after `concurrentPerform` has returned. Raw memory rather than an
/// Array, whose copy-on-write checks would themselves race.
private final class ResultSlots<T>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<T?>
    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }
    deinit {
        slots.deinitialize()
        slots.deallocate()
    }
    func store(_ value: T, at index: Int) { slots[index] = value }
    func values() -> [T] { slots.compactMap { $0 } }
}
