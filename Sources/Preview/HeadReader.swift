import FlyingSocks

/// Reads request heads off one connection, in linear time and within fixed limits.
///
/// This exists because FlyingFox 0.27.1's own request decoder re-scans the whole line for every byte it
/// reads (`Sequence.suffix` on the growing buffer), so one 64 KB header costs seconds of CPU, and it has no
/// size limit at all. Here each byte is looked at a bounded number of times and a head may not exceed
/// `maximumHead`; leftover bytes (a pipelined next request) stay buffered for the next call.
struct HeadReader {
    /// A request line longer than this is answered 414: no page of a static site has such a URL.
    static let maximumRequestLine = 8 * 1024
    /// A head larger than this is answered 431.
    static let maximumHead = 32 * 1024

    enum Outcome: Equatable {
        case head(Request)
        /// The client closed the connection between requests.
        case closed
        case malformed
        case uriTooLong
        case headTooLarge
    }

    private var buffer: [UInt8] = []

    /// The next request head, reading from `socket` as needed.
    mutating func next(from socket: AsyncSocket) async throws -> Outcome {
        var scanned = 0
        while true {
            dropLeadingLineBreaks()
            if let (headEnd, next) = findHeadEnd(from: scanned) {
                let outcome = Request.parse(buffer[..<headEnd]).map(Outcome.head) ?? .malformed
                buffer.removeFirst(next)
                return outcome
            }
            if !buffer.prefix(Self.maximumRequestLine).contains(10), buffer.count > Self.maximumRequestLine {
                return .uriTooLong
            }
            if buffer.count > Self.maximumHead { return .headTooLarge }
            scanned = max(0, buffer.count - 2)
            let chunk: [UInt8]
            do {
                chunk = try await socket.read(atMost: 4096)
            } catch SocketError.disconnected {
                return buffer.isEmpty ? .closed : .malformed
            }
            buffer.append(contentsOf: chunk)
        }
    }

    /// RFC 9112 asks servers to ignore empty lines before a request line (some clients send a stray CRLF).
    private mutating func dropLeadingLineBreaks() {
        let count = buffer.prefix { $0 == 10 || $0 == 13 }.count
        if count > 0 { buffer.removeFirst(count) }
    }

    /// The end of the head (`\r\n\r\n`, or a bare `\n\n`): where the head's bytes stop, and where the next request starts.
    private func findHeadEnd(from start: Int) -> (head: Int, next: Int)? {
        var index = start
        while index < buffer.count {
            if buffer[index] == 10 {
                if index + 1 < buffer.count, buffer[index + 1] == 10 { return (index, index + 2) }
                if index + 2 < buffer.count, buffer[index + 1] == 13, buffer[index + 2] == 10 { return (index, index + 3) }
            }
            index += 1
        }
        return nil
    }
}
