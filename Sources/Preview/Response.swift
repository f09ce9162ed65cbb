import Foundation

/// What the preview answers: a status, header fields in order, and either bytes or the live-reload stream.
struct Response: Sendable {
    enum Body: Sendable {
        case bytes(Data)
        /// Bytes in pieces, sent one after the other: a page with the live-reload script put in is its text
        /// before the script, the script and the rest, each a view of its buffer rather than a copy (ten
        /// megabytes for the 10,000-event timeline, on every request a reloading tab makes).
        case pieces([Data])
        /// Server-Sent Events until the client leaves or the server stops; the stream starts at `version`.
        case eventStream(version: String)
    }

    var status: Int
    var headers: [(name: String, value: String)] = []
    var body: Body
    /// HEAD and 304 answers carry the `Content-Length` GET would, but no bytes.
    var omitsBody = false

    init(status: Int, contentType: String, body: Body) {
        self.status = status
        self.body = body
        self["Content-Type"] = contentType
        // `no-cache` means "revalidate every time": with ETags that costs one cheap 304 per unchanged file,
        // and an edited file is never served stale from the browser cache.
        self["Cache-Control"] = "no-cache"
        self["X-Content-Type-Options"] = "nosniff"
    }

    /// A short plain-text answer (errors, redirects).
    static func text(_ status: Int, _ text: String) -> Response {
        Response(status: status, contentType: ContentType.forPath("x.txt"), body: .bytes(Data(text.utf8)))
    }

    /// How many bytes the body has; nil for an event stream.
    var byteCount: Int? {
        switch body {
        case .bytes(let data): data.count
        case .pieces(let pieces): pieces.reduce(0) { $0 + $1.count }
        case .eventStream: nil
        }
    }

    /// The body's bytes in the order they are sent; none for an event stream.
    var bodyPieces: [Data] {
        switch body {
        case .bytes(let data): [data]
        case .pieces(let pieces): pieces
        case .eventStream: []
        }
    }

    subscript(name: String) -> String? {
        get { headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value }
        set {
            headers.removeAll { $0.name.caseInsensitiveCompare(name) == .orderedSame }
            if let newValue { headers.append((name, newValue)) }
        }
    }

    /// The status line and fields, ending with the blank line; adds `Content-Length` and `Connection`.
    func head(keepAlive: Bool) -> Data {
        var text = "HTTP/1.1 \(status) \(Self.reason(status))\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        if let count = byteCount, self["Content-Length"] == nil {
            text += "Content-Length: \(count)\r\n"
        }
        let persistent = keepAlive && byteCount != nil
        text += persistent ? "Connection: keep-alive\r\n" : "Connection: close\r\n"
        text += "\r\n"
        return Data(text.utf8)
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 301: "Moved Permanently"
        case 304: "Not Modified"
        case 400: "Bad Request"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 413: "Content Too Large"
        case 414: "URI Too Long"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }
}
