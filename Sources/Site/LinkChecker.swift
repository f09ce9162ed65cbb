import Foundation

/// A link in the output that does not lead anywhere the build produced.
struct BrokenLink: Sendable, Equatable {
    /// The output file holding the link (`timeline/x/index.html`).
    var page: String
    /// The link exactly as written in the attribute (entities decoded).
    var href: String
    /// The link as a site path (`/people/nobody/#bio`), for finding where it came from.
    var sitePath: String
    /// Why it is broken, as a sentence fragment.
    var reason: String
}

/// Checks every internal `href` and `src` of every HTML page, and every `#fragment`, against the built files.
///
/// Links are checked on the rendered output rather than in Markdown or templates alone, because that is
/// what the reader clicks: a link from a template, a Markdown body or a `markdown` filter all end up here.
/// The scanner is a small attribute tokenizer, not an HTML parser: the output is our own, well-formed HTML.
struct LinkChecker {
    let files: [String: Data]
    private let pages: [String]
    private let scans: [String: HTMLAttributeScanner.Result]

    /// Scans every HTML page once, in parallel, for both its links and its ids.
    init(files: [String: Data]) {
        self.files = files
        let pages = files.keys.filter { $0.hasSuffix(".html") }.sorted()
        let results = pages.concurrentMap { page in HTMLAttributeScanner.scan(files[page] ?? Data()) }
        self.pages = pages
        self.scans = Dictionary(uniqueKeysWithValues: zip(pages, results))
    }

    /// All broken links, in page order and then document order, for a stable report.
    func check() -> [BrokenLink] {
        let results = pages.concurrentMap { page -> [BrokenLink] in
            guard let scan = scans[page] else { return [] }
            var broken: [BrokenLink] = []
            var seen = Set<String>()
            for href in scan.links where seen.insert(href).inserted {
                if let problem = problem(with: href, on: page) {
                    broken.append(problem)
                }
            }
            return broken
        }
        return results.flatMap { $0 }
    }

    private func problem(with href: String, on page: String) -> BrokenLink? {
        if href.hasPrefix("//") { return nil }
        if let scheme = Self.scheme(of: href) {
            if ["http", "https", "mailto", "tel", "data"].contains(scheme) { return nil }
            guard scheme != "javascript" else {
                return BrokenLink(page: page, href: href, sitePath: href, reason: "javascript: links are not allowed")
            }
            return BrokenLink(page: page, href: href, sitePath: href, reason: "unsupported URL scheme '\(scheme):'")
        }
        var path = href
        var fragment: String?
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[path.index(after: hash)...])
            path = String(path[..<hash])
        }
        if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
        if path.hasPrefix("/") {
            return BrokenLink(page: page, href: href, sitePath: href,
                              reason: "root-relative link breaks when the site is served under a sub-path; "
                                  + "write it as a site path through the relative_url filter")
        }
        guard let decoded = SitePath.percentDecode(path) else {
            return BrokenLink(page: page, href: href, sitePath: href, reason: "malformed percent-encoding")
        }
        guard let target = resolve(decoded, from: page) else {
            return BrokenLink(page: page, href: href, sitePath: href, reason: "leads outside the site")
        }
        // Built only for a broken link: almost every link is fine, and this runs for every link of every page.
        var sitePath: String { SitePath.sitePath(forOutputFile: target.file) + (fragment.map { "#" + $0 } ?? "") }
        guard target.exists else {
            return BrokenLink(page: page, href: href, sitePath: sitePath, reason: "no such page or file in the site")
        }
        if let fragment, !fragment.isEmpty, target.file.hasSuffix(".html") {
            let id = SitePath.percentDecode(fragment) ?? fragment
            if scans[target.file]?.ids.contains(id) != true {
                return BrokenLink(page: page, href: href, sitePath: sitePath,
                                  reason: "no element with id '\(id)' on \(SitePath.sitePath(forOutputFile: target.file))")
            }
        }
        return nil
    }

    /// The lowercased scheme of an absolute URL (`HTTPS://x` → `https`), or nil for a relative link.
    /// Browsers ignore leading spaces and control characters, so a `javascript:` hidden behind them still counts.
    static func scheme(of href: String) -> String? {
        // Fast path: a link that starts like a path or a fragment has no scheme.
        if let first = href.utf8.first, first == UInt8(ascii: ".") || first == UInt8(ascii: "#") || first == UInt8(ascii: "/") {
            return nil
        }
        guard href.utf8.contains(UInt8(ascii: ":")) else { return nil }
        let trimmed = href.drop { $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 } == true }
        guard let colon = trimmed.firstIndex(of: ":") else { return nil }
        let candidate = trimmed[..<colon]
        guard let first = candidate.first, first.isLetter,
              candidate.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }),
              !candidate.contains("/") else { return nil }
        return candidate.lowercased()
    }

    /// Resolves a relative link against the page's folder to an output file, or nil when it climbs out of the site.
    private func resolve(_ path: String, from page: String) -> (file: String, exists: Bool)? {
        if path.isEmpty { return (page, true) }
        var segments = page.split(separator: "/").map(String.init)
        segments.removeLast()
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..":
                if segments.isEmpty { return nil }
                segments.removeLast()
            default: segments.append(String(component))
            }
        }
        let joined = segments.joined(separator: "/")
        if path.hasSuffix("/") || path == "." || path == ".." || path.hasSuffix("/.") || path.hasSuffix("/..") {
            let file = joined.isEmpty ? "index.html" : joined + "/index.html"
            return (file, files[file] != nil)
        }
        if files[joined] != nil { return (joined, true) }
        let index = joined + "/index.html"
        if files[index] != nil { return (index, true) }
        return (joined, false)
    }
}
