import FlyingSocks
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `Host` header values the preview answers to: its own address, with its port, and nothing else.
///
/// DNS rebinding: a web page on `evil.example` resolves its own name to 127.0.0.1 after loading, and its
/// scripts can then read the preview (drafts included) as "same origin". The one thing such a request cannot
/// hide is its `Host: evil.example:8000`. So a request is served only when its Host names the preview:
/// `localhost`, `127.0.0.1`, `[::1]`, the address it listens on, or, when listening on every interface
/// (`0.0.0.0`, `::`), one of the machine's own addresses; always with the listening port (a Host without
/// one means port 80). HTTP/1.0 requests without a Host are served (no browser sends them).
final class HostCheck: Sendable {
    private let allowed = Locked<Set<String>>([])

    /// Records the address the server is bound to; before that, every Host is refused.
    func allow(bound address: Socket.Address) {
        let (ip, port): (String, UInt16)
        switch address {
        case .ip4(let address, let boundPort): (ip, port) = (address, boundPort)
        case .ip6(let address, let boundPort): (ip, port) = ("[\(address)]", boundPort)
        case .unix: return
        }
        var names: Set<String> = ["localhost", "127.0.0.1", "[::1]", ip.lowercased()]
        if ip == "0.0.0.0" || ip == "[::]" { names.formUnion(Self.interfaceAddresses()) }
        var values = Set(names.map { "\($0):\(port)" })
        if port == 80 { values.formUnion(names) }
        allowed.withLock { $0 = values }
    }

    /// Whether a request with this `Host` header (nil: none) may be served.
    func permits(host: String?, version: String) -> Bool {
        guard let host else { return version == "HTTP/1.0" }
        return allowed.current.contains(host.lowercased())
    }

    /// The machine's own IP addresses (`[…]` around IPv6 ones), as a browser on the network writes them.
    static func interfaceAddresses() -> [String] {
        var first: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&first) == 0 else { return [] }
        defer { freeifaddrs(first) }
        var addresses: [String] = []
        var cursor = first
        while let entry = cursor {
            defer { cursor = entry.pointee.ifa_next }
            guard let address = entry.pointee.ifa_addr else { continue }
            var buffer = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            let family = Int32(address.pointee.sa_family)
            guard family == AF_INET || family == AF_INET6 else { continue }
            let length = socklen_t(family == AF_INET ? MemoryLayout<sockaddr_in>.size : MemoryLayout<sockaddr_in6>.size)
            guard getnameinfo(address, length, &buffer, socklen_t(buffer.count), nil, 0, NI_NUMERICHOST) == 0 else { continue }
            let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            // A link-local IPv6 address carries its zone (`%eth0`), which a Host header cannot.
            guard !text.contains("%") else { continue }
            addresses.append(family == AF_INET6 ? "[\(text)]" : text)
        }
        return addresses
    }
}
