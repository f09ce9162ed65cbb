import Content
import DidYouMean
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
    ///   - defaultLanguage: for another language's pages, the default language's pages and URLs: a site path may
    ///     name one of them (written as it is, it leads to that language's page), and their content files.
    init(content: ContentSet, urls: [String], staticFiles: [SiteInputs.File],
         defaultLanguage: (content: ContentSet, urls: [String])? = nil) {
        for (index, url) in urls.enumerated() {
            targets[url] = .page(index)
            if url.hasSuffix("/") { targets[url + "index.html"] = .page(index) }
        }
        if let defaultLanguage {
            for url in defaultLanguage.urls where targets[url] == nil {
                targets[url] = .generated
                if url.hasSuffix("/") { targets[url + "index.html"] = .generated }
            }
            for asset in defaultLanguage.content.assets where targets["/" + asset.output] == nil {
                targets["/" + asset.output] = .file(source: asset.source)
            }
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
            if !content.urlPrefix.isEmpty { targets["\(content.urlPrefix)/\(config.name)/atom.xml"] = .generated }
        }
    }

    subscript(path: String) -> Target? { targets[path] }

    /// The known site path nearest to a missing one, for "did you mean".
    ///
    /// Names are compared within their folder (every path shares its leading `/img/`, which would make any two
    /// images look alike), and a misspelled folder is found through a file of exactly the same name.
    func suggestion(for path: String) -> String? {
        let (folder, name) = Self.split(path)
        let all = targets.keys.sorted()
        let siblings = all.map(Self.split).filter { $0.folder == folder }.map(\.name)
        if let near = Suggestion.closest(to: name, in: siblings) { return folder + near }
        let namesakes = all.filter { Self.split($0).name == name }
        return Suggestion.closest(to: folder, in: namesakes.map { Self.split($0).folder }).map { $0 + name }
    }

    /// `/img/plan.png` → (`/img/`, `plan.png`); a folder's path (ending in `/`) is its own name's folder.
    private static func split(_ path: String) -> (folder: String, name: String) {
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        guard let slash = trimmed.lastIndex(of: "/") else { return ("", path) }
        let name = String(path[path.index(after: slash)...])
        return (String(path[...slash]), name)
    }
}
