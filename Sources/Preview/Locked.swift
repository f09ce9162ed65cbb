import Foundation

/// A value shared between the watcher thread and request tasks, guarded by a lock held only for
/// the copy in or out (never across a build or a socket write).
///
/// `Synchronization.Mutex` would do, but it needs macOS 15 and the package supports macOS 13.
final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    /// Reads or mutates the value under the lock; keep `body` short.
    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }

    var current: Value { withLock { $0 } }
}
