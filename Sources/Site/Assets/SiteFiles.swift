import Content
import SiteInputs

/// Every site path a Markdown link may name (`/timeline/chatgpt-launch/`, `/img/plan.svg`), and what is there:
/// a page, or a file from `static/` or `content/` that the build copies.
///
/// Made once per build, before Markdown is rendered, so that a link written as a site path can be checked
/// where the author wrote it and rewritten to a relative URL.
struct SiteFiles: Sendable {
    enum Target: Sendable, Equatable {
        /// A page, by its index in `ContentSet.pages`.
        case page(Int)
        /// A copied file, by its root-relative source path (`static/img/plan.svg`).
        case file(source: String)
        /// A file the build makes itself (`sitemap.xml`, a feed).
        case generated
    }

    private(set) var targets: [String: Target] = [:]

    /// - Parameters:
    ///   - staticFiles: the files under `static/`, as `SiteInputs.files(under: "static")` lists them.
    init(content: ContentSet, urls: [String], staticFiles: [SiteInputs.File]) {
        for (index, url) in urls.enumerated() {
            targets[url] = .page(index)
            if url.hasSuffix("/") { targets[url + "index.html"] = .page(index) }
        }
        for file in staticFiles where targets["/" + file.relativePath] == nil {
            targets["/" + file.relativePath] = .file(source: file.path)
        }
        for asset in content.assets where targets["/" + asset.output] == nil {
            targets["/" + asset.output] = .file(source: asset.source)
        }
        targets["/sitemap.xml"] = .generated
        targets["/robots.txt"] = .generated
        for config in content.config.collections where config.feed {
            targets["/\(config.name)/atom.xml"] = .generated
        }
    }

    subscript(path: String) -> Target? { targets[path] }

    /// The known site path nearest to a missing one, for "did you mean".
    func suggestion(for path: String) -> String? {
        Suggestion.closest(to: path, in: targets.keys.sorted())
    }
}
