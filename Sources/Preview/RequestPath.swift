import Foundation

/// Maps a request path to a key of the in-memory site (`BuiltSite.files`), or to nothing.
///
/// The path is percent-decoded exactly once, segment by segment, and any segment that could
/// step outside the site is refused instead of being "cleaned up": `..` and `.` (also as `%2e%2e`),
/// an encoded slash or a backslash inside a segment, NUL and other control characters, empty
/// segments (`//etc/passwd`) and targets that are not origin-form paths. Refusing is safer than
/// normalising because there is no second decoder downstream to disagree with.
/// The site lives in memory, so a key can only ever name a file the build produced; no symlink
/// on disk is ever followed.
enum RequestPath {
    /// A request path that names a place inside the site.
    struct Resolved: Equatable, Sendable {
        /// The file key to look up, e.g. `timeline/index.html` for `/timeline/`.
        var key: String
        /// The request ended in `/`, so `key` already names that folder's `index.html`.
        var isDirectory: Bool
    }

    /// Resolves the raw, still percent-encoded path of a request target (no query string).
    static func resolve(_ rawPath: String) -> Resolved? {
        guard rawPath.hasPrefix("/") else { return nil }
        var segments = rawPath.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        let isDirectory = segments.last?.isEmpty ?? true
        if isDirectory, !segments.isEmpty { segments.removeLast() }
        var decoded: [String] = []
        for segment in segments {
            guard let name = decode(segment) else { return nil }
            decoded.append(name)
        }
        let joined = decoded.joined(separator: "/")
        if isDirectory {
            return Resolved(key: joined.isEmpty ? "index.html" : joined + "/index.html", isDirectory: true)
        }
        return Resolved(key: joined, isDirectory: false)
    }

    /// The canonical folder URL for a key whose `index.html` exists, e.g. `timeline` → `/timeline/`.
    static func folderURL(for key: String) -> String {
        let encoded = key.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? key
        return "/" + encoded + "/"
    }

    private static func decode(_ segment: Substring) -> String? {
        guard !segment.isEmpty, let name = String(segment).removingPercentEncoding else { return nil }
        guard name != ".", name != ".." else { return nil }
        let forbidden = name.unicodeScalars.contains { scalar in
            scalar == "/" || scalar == "\\" || scalar.value < 0x20 || scalar.value == 0x7F
        }
        return forbidden ? nil : name
    }
}
