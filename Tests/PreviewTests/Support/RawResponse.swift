import Foundation

/// A parsed HTTP/1.1 response read off a `LoopbackConnection`.
struct RawResponse: Sendable {
    var status: Int
    /// Header names lowercased.
    var headers: [String: String]
    var body: Data

    var text: String { String(decoding: body, as: UTF8.self) }

    /// Parses a complete response (the connection was closed after it); nil for anything else.
    init?(_ data: Data) {
        let separator = Data("\r\n\r\n".utf8)
        guard let end = data.range(of: separator) else { return nil }
        let head = String(decoding: data[data.startIndex..<end.lowerBound], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { return nil }
        self.status = status
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        self.headers = headers
        self.body = Data(data[end.upperBound...])
    }

    /// Sends `request` byte for byte on a new connection and reads the whole answer.
    static func exchange(port: UInt16, _ request: String) async -> RawResponse? {
        await offThread {
            guard let connection = LoopbackConnection(port: port) else { return nil }
            connection.send(request)
            return RawResponse(connection.receiveAll())
        }
    }

    /// Sends one request with `Connection: close` and reads the whole answer.
    static func fetch(port: UInt16, _ target: String, method: String = "GET", headers: [String: String] = [:]) async -> RawResponse? {
        var request = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        request += "\r\n"
        let bytes = request
        return await offThread {
            guard let connection = LoopbackConnection(port: port) else { return nil }
            connection.send(bytes)
            return RawResponse(connection.receiveAll())
        }
    }
}
