import Foundation

/// Where a page lives: its collection, slug and URL, derived from its path and
/// overridden by `slug:` / `permalink:`.
///
/// Everything that becomes part of an output path is checked here, because a slug or
/// permalink is written to disk under the output folder: nothing may climb out of it
/// (`..`, `%2e%2e`, backslashes, NUL) or escape as an absolute path.
struct PageRoute {
    var collection: String?
    var slug: String
    var isListPage: Bool
    var url: String

    /// The route implied by the file's place under `content/`.
    static func fromPath(_ components: [String]) -> PageRoute? {
        func stem(_ name: String) -> String {
            String(name.dropLast(3)).precomposed
        }
        switch components.count {
        case 1 where components[0] == "index.md":
            return PageRoute(collection: nil, slug: "", isListPage: false, url: "/")
        case 1 where components[0] == "_index.md":
            return nil
        case 1:
            let slug = stem(components[0])
            return PageRoute(collection: nil, slug: slug, isListPage: false, url: "/\(slug)/")
        case 2 where components[1] == "_index.md":
            let collection = components[0].precomposed
            return PageRoute(collection: collection, slug: "", isListPage: true, url: "/\(collection)/")
        case 2:
            let collection = components[0].precomposed
            let slug = stem(components[1])
            return PageRoute(collection: collection, slug: slug, isListPage: false, url: "/\(collection)/\(slug)/")
        default:
            return nil
        }
    }

    /// Replaces the slug, keeping the URL in step (unless a permalink overrides it later).
    mutating func setSlug(_ newSlug: String) {
        slug = newSlug
        url = collection.map { "/\($0)/\(newSlug)/" } ?? "/\(newSlug)/"
    }

    /// Why `segment` cannot be one path segment of the output, or nil when it is fine.
    static func problem(inSegment segment: String) -> String? {
        if isPlainASCII(segment) { return nil }
        if segment.isEmpty { return "it is empty" }
        if segment.split(whereSeparator: { $0 == "/" || $0 == "\\" }).contains("..") {
            return "'..' would leave the output folder"
        }
        if segment.contains("/") { return "it contains '/'" }
        if segment.contains("\\") { return "it contains a backslash" }
        if segment.contains("?") { return "it contains '?', which would start the query of its URL" }
        if segment.contains("#") { return "it contains '#', which would start the fragment of its URL" }
        if segment.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "it contains a control character (NUL, tab, newline…)"
        }
        if segment == "." || segment == ".." { return "'\(segment)' would leave the output folder" }
        if segment.contains("%") {
            guard let decoded = segment.removingPercentEncoding else { return nil }
            if decoded != segment, let inner = problem(inSegment: decoded) {
                return "it is percent-encoded and decodes to '\(decoded.visible)': " + inner
            }
        }
        return nil
    }

    /// The common case, decided on bytes: printable ASCII without `/`, backslash, `%`, `?` or `#`, and not `.` or `..`.
    /// Every check of `problem(inSegment:)` passes such a segment; this runs for every name under `content/`.
    private static func isPlainASCII(_ segment: String) -> Bool {
        let utf8 = segment.utf8
        guard !utf8.isEmpty, !utf8.elementsEqual(".".utf8), !utf8.elementsEqual("..".utf8) else { return false }
        return utf8.allSatisfy { byte in
            byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "/") && byte != UInt8(ascii: "\\") && byte != UInt8(ascii: "%")
                && byte != UInt8(ascii: "?") && byte != UInt8(ascii: "#")
        }
    }

    /// The URL for a `permalink:` value: "/a/b/" for a folder-like path, "/a/b.json" when the last
    /// segment has an extension. Returns the reason when the permalink is unsafe.
    static func normalize(permalink: String) -> Result<String, Unsafe> {
        if permalink.contains("\\") { return .failure(Unsafe(reason: "it contains a backslash")) }
        if permalink.contains("://") || permalink.hasPrefix("//") {
            return .failure(Unsafe(reason: "it must be a path on this site, not an address with a host"))
        }
        let decoded: String
        if permalink.contains("%") {
            guard let value = permalink.removingPercentEncoding else { return .failure(Unsafe(reason: "it has a malformed %-escape")) }
            decoded = value
        } else {
            decoded = permalink
        }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let inner = segments.dropFirst(decoded.hasPrefix("/") ? 1 : 0).dropLast(decoded.hasSuffix("/") ? 1 : 0)
        if inner.isEmpty { return decoded == "/" || decoded.isEmpty ? .success("/") : .failure(Unsafe(reason: "it is empty")) }
        for segment in inner {
            if let reason = problem(inSegment: segment) {
                return .failure(Unsafe(reason: decoded == permalink ? reason : "it decodes to '\(decoded.visible)': " + reason))
            }
        }
        if let first = inner.first, first.contains(":") {
            return .failure(Unsafe(reason: "it looks like a URL scheme or a drive letter ('\(first)')"))
        }
        let path = "/" + inner.joined(separator: "/")
        let last = inner.last ?? ""
        return .success(last.contains(".") && !decoded.hasSuffix("/") ? path : path + "/")
    }

    /// Why a permalink was refused.
    struct Unsafe: Error {
        var reason: String
    }

    /// "index.html", "about/index.html", "feed.json".
    static func outputPath(for url: String) -> String {
        let trimmed = String(url.dropFirst())
        return url.hasSuffix("/") ? trimmed + "index.html" : trimmed
    }
}
