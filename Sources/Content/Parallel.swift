import Foundation

/// `map` over all cores, results in input order.
enum Parallel {
    static func map<Input: Sendable, Output: Sendable>(_ items: [Input], _ transform: @Sendable (Input) -> Output) -> [Output] {
        let results = Slots<Output>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { position in
            results.set(position, transform(items[position]))
        }
        return results.take()
    }

    /// Two pieces of work at once, on two cores, each result where it belongs.
    static func both<First: Sendable, Second: Sendable>(_ first: @Sendable () -> First,
                                                        _ second: @Sendable () -> Second) -> (First, Second) {
        let firsts = Slots<First>(count: 1)
        let seconds = Slots<Second>(count: 1)
        DispatchQueue.concurrentPerform(iterations: 2) { position in
            if position == 0 { firsts.set(0, first()) } else { seconds.set(0, second()) }
        }
        return (firsts.take()[0], seconds.take()[0])
    }

    /// `map` over all cores whose transform may also change each element in place: elements are
    /// edited where they lie, so an element's own arrays stay uniquely referenced (no copy-on-write
    /// copies, and nothing left over to free one by one afterwards).
    static func map<Element: Sendable, Output: Sendable>(updating items: inout [Element],
                                                         _ transform: @Sendable (inout Element) -> Output) -> [Output] {
        let results = Slots<Output>(count: items.count)
        items.withUnsafeMutableBufferPointer { buffer in
            // Each iteration touches only its own element.
            nonisolated(unsafe) let buffer = buffer
            DispatchQueue.concurrentPerform(iterations: buffer.count) { position in
                results.set(position, transform(&buffer[position]))
            }
        }
        return results.take()
    }

    /// Write-once slots shared by the workers, in raw memory: each position is written by exactly one
    /// iteration, so the writes need no lock (an array's copy-on-write check would itself race), and
    /// `take()`, after `concurrentPerform` has returned, moves the values out without copying them.
    private final class Slots<Value: Sendable>: @unchecked Sendable {
        private let storage: UnsafeMutablePointer<Value>
        private let count: Int
        private var taken = false

        init(count: Int) {
            self.count = count
            storage = .allocate(capacity: count)
        }

        deinit {
            if !taken { storage.deinitialize(count: count) }
            storage.deallocate()
        }

        func set(_ position: Int, _ value: Value) {
            (storage + position).initialize(to: value)
        }

        /// Every value, in order; called once, after every position was set.
        func take() -> [Value] {
            taken = true
            return Array(unsafeUninitializedCapacity: count) { buffer, initialized in
                if let base = buffer.baseAddress { base.moveInitialize(from: storage, count: count) }
                initialized = count
            }
        }
    }
}
