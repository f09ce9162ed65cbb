import Foundation

/// Fans live-reload events out to every open event stream.
///
/// Sending never waits for a client: each stream buffers a few events and drops the oldest, so a stalled
/// browser tab cannot hold up a rebuild or the other tabs.
final class EventHub: Sendable {
    private struct State {
        var nextID = 0
        var subscribers: [Int: AsyncStream<Data>.Continuation] = [:]
        var isClosed = false
    }

    private let state = Locked(State())

    /// Open streams, for tests and the shutdown log.
    var subscriberCount: Int { state.withLock { $0.subscribers.count } }

    /// A new stream that starts with a `hello` event carrying `version`, so a page served before the latest
    /// change can tell it is stale. `retry` makes `EventSource` reconnect quickly after a restart.
    /// The caller must `unsubscribe` the returned id when its connection ends.
    func subscribe(version: String) -> (id: Int, events: AsyncStream<Data>) {
        let (stream, continuation) = AsyncStream<Data>.makeStream(bufferingPolicy: .bufferingNewest(16))
        continuation.yield(Data("retry: 500\nevent: hello\ndata: \(version)\n\n".utf8))
        let id = state.withLock { state -> Int in
            state.nextID += 1
            if state.isClosed {
                continuation.finish()
            } else {
                state.subscribers[state.nextID] = continuation
            }
            return state.nextID
        }
        return (id, stream)
    }

    func unsubscribe(_ id: Int) {
        let continuation = state.withLock { $0.subscribers.removeValue(forKey: id) }
        continuation?.finish()
    }

    /// Sends `event` with `data` to every open stream.
    func send(event: String, data: String) {
        broadcast(Data("event: \(event)\ndata: \(data)\n\n".utf8))
    }

    /// A comment line: browsers ignore it, but writing it is how a closed tab's connection gets noticed and freed.
    func sendHeartbeat() {
        broadcast(Data(": keep-alive\n\n".utf8))
    }

    /// Ends every stream and refuses new ones; used when the server stops.
    func close() {
        let subscribers = state.withLock { state in
            state.isClosed = true
            defer { state.subscribers = [:] }
            return state.subscribers
        }
        for continuation in subscribers.values { continuation.finish() }
    }

    private func broadcast(_ data: Data) {
        let subscribers = state.withLock { $0.subscribers }
        for continuation in subscribers.values { continuation.yield(data) }
    }
}
