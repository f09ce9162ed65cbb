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
    private let ids: [String: Set<String>]

    init(files: [String: Data]) {
        self.files = files
        var ids: [String: Set<String>] = [:]
        for (path, data) in files where path.hasSuffix(".html") {
            ids[path] = Set(HTMLAttributeScanner.values(in: data, named: ["id", "name"]))
        }
        self.ids = ids
    }

    /// All broken links, sorted by page and then by link for a stable report.
    func check() -> [BrokenLink] {
        let pages = files.keys.filter { $0.hasSuffix(".html") }.sorted()
        let results = pages.concurrentMap { page -> [BrokenLink] in
            guard let data = files[page] else { return [] }
            var broken: [BrokenLink] = []
            var seen = Set<String>()
            for href in HTMLAttributeScanner.values(in: data, named: ["href", "src"]) where seen.insert(href).inserted {
                if let problem = problem(with: href, on: page) {
                    broken.append(problem)
                }
            }
            return broken
        }
        return results.flatMap { $0 }
    }

    private func problem(with href: String, on page: String) -> BrokenLink? {
        let lowered = href.lowercased()
        let external = ["http:", "https:", "mailto:", "tel:", "data:", "//"]
        if external.contains(where: lowered.hasPrefix) { return nil }
        if lowered.hasPrefix("javascript:") {
            return BrokenLink(page: page, href: href, sitePath: href, reason: "javascript: links are not allowed")
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
        let sitePath = SitePath.sitePath(forOutputFile: target.file) + (fragment.map { "#" + $0 } ?? "")
        guard target.exists else {
            return BrokenLink(page: page, href: href, sitePath: sitePath, reason: "no such page or file in the site")
        }
        if let fragment, !fragment.isEmpty, target.file.hasSuffix(".html") {
            let id = SitePath.percentDecode(fragment) ?? fragment
            if ids[target.file]?.contains(id) != true {
                return BrokenLink(page: page, href: href, sitePath: sitePath,
                                  reason: "no element with id '\(id)' on \(SitePath.sitePath(forOutputFile: target.file))")
            }
        }
        return nil
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
