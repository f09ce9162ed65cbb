import FlyingSocks
import Foundation

/// Serves the requests of one client connection, one after another (HTTP/1.1 keep-alive).
struct Connection: Sendable {
    let id: Int
    /// How long the client may take to send a request head, or to read a response.
    let timeout: Duration
    let socket: AsyncSocket
    let handler: PreviewRequestHandler
    let events: EventHub
    let registry: ConnectionRegistry

    func run() async {
        defer {
            // Remove first: once the entry is gone the reaper can no longer shut this descriptor down,
            // so closing it (and the number being reused) is safe.
            registry.remove(id)
            try? socket.close()
        }
        var reader = HeadReader()
        while !Task.isCancelled {
            registry.setDeadline(id, .now + timeout)
            let outcome: HeadReader.Outcome
            do {
                outcome = try await reader.next(from: socket)
            } catch {
                return
            }
            let request: Request
            switch outcome {
            case .closed: return
            case .malformed: return await refuse(400)
            case .uriTooLong: return await refuse(414)
            case .headTooLarge: return await refuse(431)
            case .head(let head): request = head
            }
            if request.headers["transfer-encoding"] != nil || (request.headers["content-length"].map { $0 != "0" } ?? false) {
                // A static preview has no use for request bodies; refusing them avoids any framing ambiguity.
                return await refuse(413)
            }
            let response = handler.respond(to: request)
            if case .eventStream(let version) = response.body { return await stream(response, version: version) }
            let keepAlive = request.wantsKeepAlive
            do { try await send(response, keepAlive: keepAlive) } catch { return }
            if !keepAlive { return }
        }
    }

    /// Writes the head and the body: in one write when small; a large body after the head, piece by piece, each
    /// from its own buffer (the sockets are `TCP_NODELAY`, so no piece waits for the last one's acknowledgement).
    private func send(_ response: Response, keepAlive: Bool) async throws {
        var bytes = response.head(keepAlive: keepAlive)
        let pieces = response.omitsBody ? [] : response.bodyPieces
        if pieces.reduce(0, { $0 + $1.count }) <= 64 * 1024 {
            for piece in pieces { bytes.append(piece) }
            try await socket.write(bytes)
            return
        }
        try await socket.write(bytes)
        for piece in pieces where !piece.isEmpty { try await socket.write(piece) }
    }

    /// Answers a request that cannot be served, then closes: after a framing error the next byte is unknowable.
    private func refuse(_ status: Int) async {
        let response = Response.text(status, "\(status) \(Response.reason(status))\n")
        var bytes = response.head(keepAlive: false)
        if case .bytes(let data) = response.body { bytes.append(data) }
        try? await socket.write(bytes)
    }

    /// Writes events as they come until the client leaves or the server stops.
    ///
    /// A browser sends nothing more on an event stream, so the socket is also read meanwhile: the read ends
    /// (end of file, or an error) the moment the client goes away, and the stream is closed then, instead of
    /// at the next event or heartbeat, up to `heartbeatInterval` later.
    private func stream(_ response: Response, version: String) async {
        let (subscriber, stream) = events.subscribe(version: version)
        defer { events.unsubscribe(subscriber) }
        do {
            try await socket.write(response.head(keepAlive: false))
        } catch {
            return
        }
        registry.setDeadline(id, nil)
        await withTaskGroup(of: Void.self) { group in
            group.addTask { [socket, registry, id, timeout] in
                do {
                    for await event in stream {
                        registry.setDeadline(id, .now + timeout)
                        try await socket.write(event)
                        registry.setDeadline(id, nil)
                    }
                } catch {
                    return
                }
            }
            group.addTask { [socket] in
                while !Task.isCancelled {
                    do {
                        _ = try await socket.read(atMost: 512)
                    } catch {
                        return
                    }
                }
            }
            await group.next()
            group.cancelAll()
            events.unsubscribe(subscriber)
        }
    }
}
