#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The open connections, each with the moment it must have made progress by.
///
/// A client that opens a connection and then sends nothing, or stops halfway through a request, or stops
/// reading a response, would otherwise hold a task and a descriptor forever. The listener's reaper cancels
/// connections past their deadline; cancelling wakes a read or write suspended in the socket pool.
/// Live-reload streams have no deadline while they stream: heartbeats notice closed tabs instead.
final class ConnectionRegistry: Sendable {
    /// Beyond this many open connections new ones are closed at once, so descriptors cannot run out.
    static let capacity = 1_024

    private struct Entry {
        var task: Task<Void, Never>?
        var deadline: ContinuousClock.Instant?
        /// The client socket's descriptor, shut down when the deadline passes.
        var descriptor: Int32?
    }

    private struct State {
        var nextID = 0
        var entries: [Int: Entry] = [:]
    }

    private let state = Locked(State())

    var count: Int { state.withLock { $0.entries.count } }

    /// Registers a new connection with a first deadline; nil when at capacity.
    func admit(deadline: ContinuousClock.Instant) -> Int? {
        state.withLock { state in
            guard state.entries.count < Self.capacity else { return nil }
            state.nextID += 1
            state.entries[state.nextID] = Entry(task: nil, deadline: deadline)
            return state.nextID
        }
    }

    /// Records the task serving `id` and its socket, unless it already finished (then there is nothing to cancel).
    func attach(_ id: Int, task: Task<Void, Never>, descriptor: Int32) {
        state.withLock { state in
            guard state.entries[id] != nil else { return }
            state.entries[id]?.task = task
            state.entries[id]?.descriptor = descriptor
        }
    }

    func setDeadline(_ id: Int, _ deadline: ContinuousClock.Instant?) {
        state.withLock { $0.entries[id]?.deadline = deadline }
    }

    func remove(_ id: Int) {
        state.withLock { _ = $0.entries.removeValue(forKey: id) }
    }

    /// Cancels every connection whose deadline has passed.
    /// Cancels every connection whose deadline has passed, and shuts its socket down.
    ///
    /// Cancelling alone relies on the socket pool noticing; `shutdown` (unlike `close`, which could free the
    /// descriptor for reuse while it is still being polled) makes the pending read return end-of-file at
    /// once, so a stalled client is let go even when the machine is busy. It runs under the lock, so it
    /// cannot race the connection's own close, which removes the entry first.
    func cancelExpired(now: ContinuousClock.Instant) {
        let expired = state.withLock { state in
            state.entries.values.compactMap { entry -> Task<Void, Never>? in
                guard entry.deadline.map({ $0 < now }) == true else { return nil }
                if let descriptor = entry.descriptor { _ = shutdown(descriptor, Int32(SHUT_RDWR)) }
                return entry.task
            }
        }
        for task in expired { task.cancel() }
    }

    func cancelAll() {
        let tasks = state.withLock { $0.entries.values.compactMap(\.task) }
        for task in tasks { task.cancel() }
    }
}
