import FlyingSocks
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns `--host` and `--port` into a socket address.
///
/// Only IP addresses (and `localhost`) are accepted: resolving a name could pick a public interface,
/// and the preview must listen on loopback unless asked otherwise in so many words.
enum ListenAddress {
    static func make(host: String, port: UInt16) throws(PreviewError) -> any SocketAddress {
        let literal = host == "localhost" ? "127.0.0.1" : host
        do {
            if literal.contains(":") {
                return try sockaddr_in6.inet6(ip6: literal, port: port)
            }
            return try sockaddr_in.inet(ip4: literal, port: port)
        } catch {
            throw PreviewError("--host must be an IP address such as 127.0.0.1 or ::1, not '\(host)'")
        }
    }

    /// The URL a browser should open for a bound address.
    static func url(for address: Socket.Address) -> String? {
        switch address {
        case .ip4(let ip, let port):
            return "http://\(ip == "0.0.0.0" ? "127.0.0.1" : ip):\(port)/"
        case .ip6(let ip, let port):
            return "http://[\(ip == "::" ? "::1" : ip)]:\(port)/"
        case .unix:
            return nil
        }
    }
}
