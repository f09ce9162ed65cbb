import Foundation

/// `map` over all cores, results in input order.
enum Parallel {
    static func map<Input: Sendable, Output: Sendable>(_ items: [Input], _ transform: @Sendable (Input) -> Output) -> [Output] {
        let results = Slots<Output>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { position in
            results.set(position, transform(items[position]))
        }
        return results.values
    }

    /// Write-once slots shared by the workers; a lock keeps the array's storage consistent.
    private final class Slots<Value: Sendable>: @unchecked Sendable {
        private var storage: [Value?]
        private let lock = NSLock()

        init(count: Int) { storage = Array(repeating: nil, count: count) }

        func set(_ position: Int, _ value: Value) {
            lock.lock()
            storage[position] = value
            lock.unlock()
        }

        var values: [Value] {
            lock.lock()
            defer { lock.unlock() }
            return storage.compactMap { $0 }
        }
    }
}
