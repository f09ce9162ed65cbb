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
    /// The whole message, when it is not about a broken link (an event-handler attribute).
    var headline: String? = nil
}

/// Checks every internal `href` and `src` of every HTML page, and every `#fragment`, against the built files.
///
/// Links are checked on the rendered output rather than in Markdown or templates alone, because that is
/// what the reader clicks: a link from a template, a Markdown body or a `markdown` filter all end up here.
/// The scanner is a small attribute tokenizer, not an HTML parser: the output is our own, well-formed HTML.
///
/// A large site has more than half a million links, almost all fine. Each is first tried on its bytes
/// (`LinkChecker+Bytes.swift`), which can only say "fine"; anything else — a broken link, or a link that
/// byte-level rules cannot judge exactly like `String` does — goes through `problem(with:on:)`, which
/// decides and words the report. So the byte path changes the speed, never the verdict.
struct LinkChecker {
    let files: [String: Data]
    /// The HTML pages, sorted: the report's order.
    let pages: [String]
    /// Each page's links and ids, by the page's index in `pages`.
    let scans: LinkScans
    /// Each page's bytes, by its index in `pages`: what the byte ranges in `scans` point into.
    let pageData: [Data]
    /// Every output file, to the index of its page in `pages`, or -1 for a file that is not HTML:
    /// one lookup answers both "does it exist" and "which ids does it have".
    let targets: [String: Int]
    /// The same, looked up by bytes; nil when some file name is not ASCII.
    let table: LinkTargetTable?
    /// Indices into `pages`, largest page first: the order both passes hand pages to the cores in.
    let order: [Int]
    /// Where the site sits on its host (`SiteConfig.basePath`): the one `<base href>` a page may have.
    let basePath: String
    /// Made from a last check with the same names (`LinkChecker+Reuse`): the indices of the pages whose bytes
    /// are not the last check's, ascending; nil otherwise.
    var changedSinceLast: [Int]? = nil

    /// The output file of `SitePath.notFoundPage`, the one page whose links start from the base path (with each
    /// language's, `zh/404.html`: `SitePath.isNotFoundPage`).
    static let notFoundFile = "404.html"

    /// Scans every HTML page once, in parallel, for both its links and its ids; a page whose bytes `memo` has
    /// seen keeps its scan.
    init(files: [String: Data], basePath: String = "/", memo: LinkMemo? = nil) {
        // The same names as the last check's: its lists and tables, and its scans of unchanged pages (`LinkChecker+Reuse`).
        if let last = memo?.previous.checker, let reused = LinkChecker(files: files, basePath: basePath, sameNamesAs: last) {
            self = reused
            return
        }
        self.files = files
        self.basePath = basePath
        let pages = files.keys.filter { $0.hasSuffix(".html") }.sorted()
        self.pages = pages
        let sizes = pages.map { files[$0]?.count ?? 0 }
        let order = pages.indices.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
        self.order = order
        let pageData = pages.map { files[$0] ?? Data() }
        self.pageData = pageData
        self.scans = LinkScans(Self.inOrder(order) { index in
            memo?.scan(of: pages[index], pageData[index]) ?? HTMLAttributeScanner.scan(pageData[index])
        })
        var targets: [String: Int] = [:]
        targets.reserveCapacity(files.count)
        for file in files.keys { targets[file] = -1 }
        for (index, page) in pages.enumerated() { targets[page] = index }
        self.targets = targets
        self.table = LinkTargetTable(targets)
    }

    /// All broken links, in page order and then document order, for a stable report.
    func check() -> [BrokenLink] {
        Self.inOrder(order) { index in brokenLinks(onPage: index) }.flatMap { $0 }
    }

    /// The broken links of the pages at `indices` only (ascending), in the same order as `check()`.
    func check(only indices: [Int]) -> [BrokenLink] {
        indices.concurrentMap { index in brokenLinks(onPage: index) }.flatMap { $0 }
    }

    /// The broken links of one page, each distinct `href` once, in document order.
    private func brokenLinks(onPage index: Int) -> [BrokenLink] {
        let page = pages[index]
        guard let data = files[page] else { return [] }
        let context = PageContext(page: page, index: index)
        var scratch = ResolveScratch()
        var broken: [BrokenLink] = []
        var seen = Set<String>()
        let hasBase = !scans[index].bases.isEmpty
        for base in scans[index].bases {
            if let problem = problem(withBase: base, on: page) { broken.append(problem) }
        }
        for script in scans[index].scripts { broken.append(script.brokenLink(on: page)) }
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            for link in scans[index].links {
                let href: String
                switch link {
                case .bytes(let range):
                    let value = UnsafeBufferPointer(rebasing: bytes[range])
                    if !(hasBase && value.first == UInt8(ascii: "#")), isFine(value, context, &scratch) { continue }
                    href = String(decoding: value, as: UTF8.self)
                case .decoded(let value):
                    var value = value
                    if !(hasBase && value.hasPrefix("#")), value.withUTF8({ isFine($0, context, &scratch) }) { continue }
                    href = value
                }
                // A repeated href has the same verdict: report it once.
                guard seen.insert(href).inserted else { continue }
                if hasBase, href.hasPrefix("#") {
                    broken.append(BrokenLink(page: page, href: href, sitePath: href,
                                             reason: "on a page with <base href>, a link to '\(href)' leads to the home page, "
                                                 + "not to this page; link to the element some other way or drop the link"))
                } else if let problem = problem(with: href, on: page) {
                    broken.append(problem)
                }
            }
        }
        return broken
    }

    /// Maps the pages at `order` (indices into `pages`) on all cores in that order, and returns the results
    /// by page index.
    ///
    /// The order is largest page first: a few pages (the timeline, the home page, the people with the most
    /// events) hold a fifth of all links; handed out last, one of them would keep a core busy while the other idles.
    static func inOrder<T: Sendable>(_ order: [Int], _ transform: @Sendable (Int) -> T) -> [T] {
        let results = order.concurrentMap(transform)
        var placed = [T?](repeating: nil, count: order.count)
        for (position, index) in order.enumerated() { placed[index] = results[position] }
        return placed.compactMap { $0 }
    }

    /// Decides whether `href` on `page` is broken, and says why. Works on `String`s: it is the reference the
    /// byte-level check in `isFine` must agree with, and runs only for links that check did not pass.
    func problem(with href: String, on page: String) -> BrokenLink? {
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
        // A 404 page's links start from the base path (`SitePath+NotFound.swift`): checked from the root folder.
        var from = page
        if path.hasPrefix(basePath), SitePath.isNotFoundPage("/" + page) {
            path = String(path.dropFirst(basePath.count))
            if path.isEmpty { path = "./" }
            from = Self.notFoundFile
        } else if path.hasPrefix("/") {
            return BrokenLink(page: page, href: href, sitePath: href,
                              reason: "root-relative link breaks when the site is served under a sub-path; "
                                  + "write it as a site path through the relative_url filter")
        }
        guard let decoded = SitePath.percentDecode(path) else {
            return BrokenLink(page: page, href: href, sitePath: href, reason: "malformed percent-encoding")
        }
        guard let target = resolve(decoded, from: from) else {
            return BrokenLink(page: page, href: href, sitePath: href, reason: "leads outside the site")
        }
        // Built only for a broken link: almost every link is fine, and this runs for every link of every page.
        var sitePath: String { SitePath.sitePath(forOutputFile: target.file) + (fragment.map { "#" + $0 } ?? "") }
        guard target.exists else {
            return BrokenLink(page: page, href: href, sitePath: sitePath, reason: "no such page or file in the site")
        }
        if let fragment, !fragment.isEmpty, target.file.hasSuffix(".html") {
            let id = SitePath.percentDecode(fragment) ?? fragment
            let hasID = targets[target.file].map { $0 >= 0 && scans[$0].hasID(id, in: pageData[$0]) } ?? false
            if !hasID {
                return BrokenLink(page: page, href: href, sitePath: sitePath,
                                  reason: "no element with id '\(id)' on \(SitePath.sitePath(forOutputFile: target.file))")
            }
        }
        return nil
    }

    /// Decides whether a page's `<base href>` is one the check can follow: the site's own base path, on a page
    /// in the site's root folder (where the 404 page is). There its relative links resolve as they would from the
    /// page itself, so the rest of the check holds as it is; anywhere else they would not.
    func problem(withBase base: String, on page: String) -> BrokenLink? {
        if base == basePath, !page.contains("/") { return nil }
        let reason = base == basePath
            ? "<base href> is only allowed on a page in the site's root folder (such as 404.html)"
            : "<base href> must be the site's base path, '\(basePath)' (the path of base_url in site.yml)"
        return BrokenLink(page: page, href: base, sitePath: base, reason: reason)
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
