/// The head of one HTTP/1.x request, as the preview needs it (bodies are never accepted).
struct Request: Sendable, Equatable {
    var method: String
    /// The request target exactly as sent, still percent-encoded: `/timeline/?x=1`.
    var target: String
    var version: String
    /// Field names lowercased; repeated fields joined with ", " as RFC 9110 allows.
    var headers: [String: String]

    /// The target without its query string.
    var path: String {
        target.firstIndex(of: "?").map { String(target[..<$0]) } ?? target
    }

    /// HTTP/1.1 keeps the connection unless told `close`; HTTP/1.0 closes unless told `keep-alive`.
    var wantsKeepAlive: Bool {
        let tokens = (headers["connection"] ?? "").lowercased().split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }
        return version == "HTTP/1.1" ? !tokens.contains("close") : tokens.contains("keep-alive")
    }

    /// Parses the bytes of a head (request line and fields, without the blank line that ends it).
    /// Returns nil for anything malformed: the connection then gets a 400 and is closed.
    static func parse<Bytes: Collection<UInt8>>(_ head: Bytes) -> Request? {
        let text = String(decoding: head, as: UTF8.self)
        // "\r\n" is a single Character in Swift, so split on both forms rather than on "\n" alone.
        var lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }.map { line in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        guard !lines.isEmpty else { return nil }
        let requestLine = lines.removeFirst().split(separator: " ", omittingEmptySubsequences: false)
        guard requestLine.count == 3, isToken(requestLine[0]), !requestLine[1].isEmpty,
              requestLine[2] == "HTTP/1.1" || requestLine[2] == "HTTP/1.0" else { return nil }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":"), isToken(line[..<colon]) else { return nil }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers[name] = headers[name].map { $0 + ", " + value } ?? value
        }
        return Request(method: String(requestLine[0]), target: String(requestLine[1]),
                       version: String(requestLine[2]), headers: headers)
    }

    /// RFC 9110 token characters; rejects spaces, obs-fold continuation lines and control bytes.
    private static func isToken(_ text: Substring) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || "!#$%&'*+-.^_`|~".unicodeScalars.contains(scalar))
        }
    }
}
