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
