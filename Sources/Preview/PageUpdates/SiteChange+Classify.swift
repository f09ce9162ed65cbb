import Foundation

extension SiteChange {
    /// What the browsers must do about the files a build changed or added (`changed`), given the files
    /// before and after; a removed file or leaving the error page is `everything`, decided by the caller.
    ///
    /// Only existing stylesheets changed: `stylesheets`. Otherwise, unless a stylesheet changed too or an
    /// HTML page was added (a tab may show the 404 page at its address): `pages`, listing the HTML pages that
    /// changed and every other changed file (`assets`: scripts, images, the search index's shards), which a
    /// tab reloads for only if it loaded one of them. A new file that is not a page cannot be in use yet, and
    /// feeds, the sitemap, `robots.txt` and JSON are never shown by a page that carries the script.
    static func classify(_ changed: [String], old: [String: ServedFile], new: [String: ServedFile]) -> SiteChange {
        var stylesheets = false
        var pages: [(path: String, old: Data, new: Data)] = []
        var assets: [String] = []
        for path in changed {
            guard let after = new[path] else { continue }
            let isHTML = ContentType.isHTML(after.contentType)
            guard let before = old[path] else {
                if isHTML { return .everything }
                continue
            }
            if isHTML {
                pages.append((path, before.data, after.data))
            } else if path.hasSuffix(".css") {
                stylesheets = true
            } else if !unseen.contains(where: { path.hasSuffix($0) }) {
                assets.append(path)
            }
        }
        if stylesheets { return pages.isEmpty && assets.isEmpty ? .stylesheets : .everything }
        if pages.isEmpty && assets.isEmpty { return .none }
        return .pages(PageUpdate(changed: pages, assets: assets))
    }

    private static let unseen = [".json", ".xml", ".txt"]
}
