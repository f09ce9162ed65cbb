import FlyingSocks

/// What `serve` says about who can see the preview, once it is listening.
public enum NetworkExposure {
    /// Whether `host` (as given to `--host`) keeps the preview on this machine.
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// The lines to print for a server listening on `bound` when `--host` was `host`: none for loopback;
    /// else the real listening address, the addresses others can use, and a one-line warning.
    static func notice(host: String, bound: Socket.Address) -> [String] {
        guard !isLoopback(host) else { return [] }
        let listening: String
        let port: UInt16
        switch bound {
        case .ip4(let ip, let boundPort): (listening, port) = ("\(ip):\(boundPort)", boundPort)
        case .ip6(let ip, let boundPort): (listening, port) = ("[\(ip)]:\(boundPort)", boundPort)
        case .unix: return []
        }
        var urls: [String]
        switch bound {
        case .ip4("0.0.0.0", _), .ip6("::", _):
            urls = HostCheck.interfaceAddresses().filter { !isLoopback($0) && $0 != "[::1]" }.map { "http://\($0):\(port)/" }
        default:
            urls = [ListenAddress.url(for: bound)].compactMap { $0 }
        }
        if urls.isEmpty { urls = ["(no network address found)"] }
        return ["Listening on \(listening): \(urls.joined(separator: " "))",
                "warning: the preview, drafts included, is visible to every machine that can reach this address; "
                    + "use --host 127.0.0.1 to keep it on this one"]
    }
}
