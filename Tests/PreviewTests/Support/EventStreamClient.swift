import Foundation

/// Reads a live-reload event stream the way `EventSource` does, one `event:`/`data:` block at a time.
final class EventStreamClient: @unchecked Sendable {
    private let connection: LoopbackConnection
    private var buffer = ""

    /// Opens the stream; nil when the server does not answer with a response head.
    static func open(port: UInt16) async -> EventStreamClient? {
        await offThread {
            guard let connection = LoopbackConnection(port: port, timeout: 1) else { return nil }
            connection.send("GET /__build-site/events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
            let client = EventStreamClient(connection: connection)
            return client.readHead() ? client : nil
        }
    }

    private init(connection: LoopbackConnection) {
        self.connection = connection
    }

    private func readHead() -> Bool {
        for _ in 0..<10 {
            if buffer.contains("\r\n\r\n") { break }
            guard let chunk = connection.receive() else { continue }
            buffer += String(decoding: chunk, as: UTF8.self)
        }
        guard let end = buffer.range(of: "\r\n\r\n"), buffer.hasPrefix("HTTP/1.1 200") else { return false }
        buffer = String(buffer[end.upperBound...])
        return true
    }

    /// Waits (up to `timeout`) for the next event named `name`; returns its data. Chunk-size lines of
    /// the chunked encoding are skipped: they are hex digits alone on a line, never `event:` or `data:`.
    func next(_ name: String, timeout: TimeInterval = 10) async -> String? {
        await offThread { [self] in
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                while let end = buffer.range(of: "\n\n") ?? buffer.range(of: "\r\n\r\n") {
                    let block = buffer[..<end.lowerBound]
                    buffer = String(buffer[end.upperBound...])
                    var event: String?
                    var data: String?
                    for line in block.split(whereSeparator: \.isNewline) {
                        if line.hasPrefix("event: ") { event = String(line.dropFirst(7)) }
                        if line.hasPrefix("data: ") { data = String(line.dropFirst(6)) }
                    }
                    if event == name { return data ?? "" }
                }
                if let chunk = connection.receive() { buffer += String(decoding: chunk, as: UTF8.self) }
            }
            return nil
        }
    }
}
