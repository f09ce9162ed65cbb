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
        // `firstIndex(of:)` rather than `contains(":")`, which would go through Foundation's string search.
        if destination.isEmpty || destination.hasPrefix("#") || destination.hasPrefix("/") || destination.firstIndex(of: ":") != nil {
            return nil
        }
        var path = destination
        var fragment = ""
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[hash...])
            path = String(path[..<hash])
        }
        let page = content.pages[index]
        let decoded = SitePath.percentDecode(path) ?? path
        guard let source = Self.join(page.source, decoded) else {
            throw locate(link, on: page, "link '\(destination)' leads outside content/")
        }
        if let target = pageBySource[source] {
            return SitePath.relative(from: urls[index], to: urls[target] + fragment)
        }
        if let asset = assetBySource[source] {
            return SitePath.relative(from: urls[index], to: asset + fragment)
        }
        if decoded.hasSuffix(".md") {
            throw locate(link, on: page, "link to '\(destination)': there is no \(source)")
        }
        return nil
    }

    private func locate(_ link: LinkReference, on page: Page, _ message: String) -> Diagnostic {
        Diagnostic(file: page.source, line: page.bodyStartLine + link.line - 1, column: link.column, message: message)
    }

    /// `content/timeline/a.md` + `../people/b.md` → `content/people/b.md`; nil when it climbs out of content/.
    static func join(_ source: String, _ relative: String) -> String? {
        var segments = source.split(separator: "/").map(String.init)
        segments.removeLast()
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
}
