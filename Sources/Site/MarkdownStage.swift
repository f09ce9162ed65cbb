import Content
import Foundation
import Markdown

/// Renders every page's Markdown body, in parallel, rewriting links to other content files.
///
/// Authors link pages the way they see them in their editor: `[Altman](../people/sam-altman.md)`. That link is
/// resolved against the linking file, replaced by the target page's URL relative to the linking page, and a
/// link to a file that does not exist is an error at the link's line and column in the `.md` file.
struct MarkdownStage {
    let content: ContentSet
    let urls: [String]
    let options: MarkdownOptions
    /// `content/people/sam-altman.md` → page index.
    private let pageBySource: [String: Int]
    /// Other files under `content/` that are copied as they are: source path → site path.
    private let assetBySource: [String: String]

    init(content: ContentSet, urls: [String], options: MarkdownOptions) {
        self.content = content
        self.urls = urls
        self.options = options
        var bySource: [String: Int] = [:]
        for (index, page) in content.pages.enumerated() { bySource[page.source] = index }
        pageBySource = bySource
        var assets: [String: String] = [:]
        for asset in content.assets { assets[asset.source] = "/" + asset.output }
        assetBySource = assets
    }

    func run() -> [Result<RenderedMarkdown, Diagnostic>] {
        Array(content.pages.indices).concurrentMap { index in
            let page = content.pages[index]
            do {
                return .success(try MarkdownRenderer.render(page.body, options: options) { link in
                    try rewrite(link, on: index)
                })
            } catch let diagnostic as Diagnostic {
                return .failure(diagnostic)
            } catch {
                return .failure(Diagnostic(file: page.source, line: page.bodyStartLine, column: 1, message: "\(error)"))
            }
        }
    }

    /// The new destination of a link to another content file, or nil to leave the link alone.
    private func rewrite(_ link: LinkReference, on index: Int) throws -> String? {
        let destination = link.destination
        guard let (path, fragment) = Self.fileReference(destination) else { return nil }
        // `percentDecode` returns a path without "%" unchanged; skipping the call skips its string search.
        let decoded = path.utf8.contains(UInt8(ascii: "%")) ? SitePath.percentDecode(path) ?? path : path
        guard let source = Self.join(content.pages[index].source, decoded) else {
            throw locate(link, on: index, "link '\(destination)' leads outside content/")
        }
        if let target = pageBySource[source] {
            return SitePath.relative(from: urls[index], to: urls[target] + fragment)
        }
        if let asset = assetBySource[source] {
            return SitePath.relative(from: urls[index], to: asset + fragment)
        }
        if decoded.hasSuffix(".md") {
            throw locate(link, on: index, "link to '\(destination)': there is no \(source)")
        }
        return nil
    }

    /// A destination split into path and `#fragment`, or nil when it cannot name a file under
    /// `content/`: empty, a fragment of this page, a site path (`/…`) or anything with a `:` (a scheme).
    ///
    /// ASCII destinations, nearly all of them, are checked on bytes; others by `Character`, as
    /// always, so that a combining mark after `#`, `/` or `:` keeps meaning what it meant.
    static func fileReference(_ destination: String) -> (path: String, fragment: String)? {
        let utf8 = destination.utf8
        if utf8.allSatisfy({ $0 < 0x80 }) {
            guard let first = utf8.first, first != UInt8(ascii: "#"), first != UInt8(ascii: "/"),
                  !utf8.contains(UInt8(ascii: ":")) else { return nil }
            guard let hash = utf8.firstIndex(of: UInt8(ascii: "#")) else { return (destination, "") }
            return (String(destination[..<hash]), String(destination[hash...]))
        }
        // `firstIndex(of:)` rather than `contains(":")`, which would go through Foundation's string search.
        if destination.isEmpty || destination.hasPrefix("#") || destination.hasPrefix("/") || destination.firstIndex(of: ":") != nil {
            return nil
        }
        guard let hash = destination.firstIndex(of: "#") else { return (destination, "") }
        return (String(destination[..<hash]), String(destination[hash...]))
    }

    private func locate(_ link: LinkReference, on index: Int, _ message: String) -> Diagnostic {
        let page = content.pages[index]
        return Diagnostic(file: page.source, line: page.bodyStartLine + link.line - 1, column: link.column, message: message)
    }

    /// `content/timeline/a.md` + `../people/b.md` → `content/people/b.md`; nil when it climbs out of content/.
    static func join(_ source: String, _ relative: String) -> String? {
        if source.utf8.allSatisfy({ $0 < 0x80 }) && relative.utf8.allSatisfy({ $0 < 0x80 }) {
            return joinASCII(source, relative)
        }
        // Split by `Character`: a "/" carrying a combining mark is not a separator.
        var segments = source.split(separator: "/").map(String.init)
        _ = segments.popLast()
        for component in relative.split(separator: "/") {
            switch component {
            case ".": continue
            case "..":
                guard segments.count > 1 else { return nil }
                segments.removeLast()
            default: segments.append(String(component))
            }
        }
        return segments.joined(separator: "/")
    }

    /// `join` on bytes, for the ASCII paths of nearly every link: no `Character` splitting, no
    /// array of segments, one buffer.
    private static func joinASCII(_ source: String, _ relative: String) -> String? {
        let slash = UInt8(ascii: "/")
        var bytes: [UInt8] = []
        bytes.reserveCapacity(source.utf8.count + relative.utf8.count)
        /// Where each segment in `bytes` starts; all but the first follow a "/".
        var starts: [Int] = []
        func push(_ segment: Substring.UTF8View) {
            if !starts.isEmpty { bytes.append(slash) }
            starts.append(bytes.count)
            bytes.append(contentsOf: segment)
        }
        func pop() {
            guard let start = starts.popLast() else { return }
            bytes.removeSubrange(max(start - 1, 0)...)
        }
        /// Calls `body` with each non-empty segment between slashes, stopping when it returns false.
        func forEachSegment(of text: String, _ body: (Substring.UTF8View) -> Bool) -> Bool {
            let utf8 = text.utf8
            var index = utf8.startIndex
            while index < utf8.endIndex {
                let end = utf8[index...].firstIndex(of: slash) ?? utf8.endIndex
                if index < end, !body(utf8[index..<end]) { return false }
                index = end < utf8.endIndex ? utf8.index(after: end) : end
            }
            return true
        }
        _ = forEachSegment(of: source) { segment in
            push(segment)
            return true
        }
        pop()
        let inside = forEachSegment(of: relative) { segment in
            if segment.elementsEqual(".".utf8) { return true }
            if segment.elementsEqual("..".utf8) {
                guard starts.count > 1 else { return false }
                pop()
                return true
            }
            push(segment)
            return true
        }
        return inside ? String(decoding: bytes, as: UTF8.self) : nil
    }
}
