import Content

/// Links on the 404 page, which hosts serve at every missing address, at any depth (`/timeline/typo/`,
/// `/a/b/c`): a relative link there would be looked for beside the missing address. So on that one page every
/// link the engine writes (`relative_url`, rewritten `.md` links) starts from the site's base path, the path of
/// `base_url` (`/mentor-to-rival/style.css`), and works wherever the page is served on the site's host.
extension SitePath {
    /// The site path of the page hosts serve for a missing address.
    static let notFoundPage = "/404.html"

    /// The site path of a language's 404 page: `/404.html` for the default language (`prefix` empty), `/zh/404.html`
    /// for another (`content/404.zh.md`), which hosts that look for the nearest `404.html` serve for misses under
    /// `/zh/` (README, "Languages and translations").
    static func notFoundPage(prefix: String) -> String { prefix + notFoundPage }

    /// Whether `page` is a 404 page: `/404.html`, or `/<language>/404.html`. Content pages are folders (their
    /// site paths end in `/`), so a path of this shape can only be a language's 404 page, or a file of `static/`
    /// in a folder with a language's name, where the rule does no harm: its links are checked as a 404 page's.
    static func isNotFoundPage(_ page: String) -> Bool {
        // Asked for every link `relative_url` writes: almost every page ends in `/`, which the last byte tells.
        let bytes = page.utf8
        guard bytes.last == UInt8(ascii: "l"), bytes.count >= notFoundPage.utf8.count,
              bytes.suffix(notFoundPage.utf8.count).elementsEqual(notFoundPage.utf8) else { return false }
        if bytes.count == notFoundPage.utf8.count { return true }
        guard bytes.first == UInt8(ascii: "/") else { return false }
        let folder = bytes.dropFirst().dropLast(notFoundPage.utf8.count)
        return !folder.isEmpty && SiteConfig.isLanguageCode(String(decoding: folder, as: UTF8.self))
    }

    /// The link written on `page` to the site path `target`: from the base path on a 404 page, relative
    /// everywhere else.
    static func link(from page: String, to target: String, basePath: String) -> String {
        isNotFoundPage(page) ? fromBasePath(target, basePath: basePath) : relative(from: page, to: target)
    }

    /// `target` (a site path, with any `?query` or `#fragment`) below `basePath` (which ends with `/`),
    /// percent-encoded like every other link.
    static func fromBasePath(_ target: String, basePath: String) -> String {
        let bytes = Array(target.utf8)
        let end = bytes.firstIndex(where: { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") }) ?? bytes.endIndex
        let path = bytes[..<end].drop { $0 == UInt8(ascii: "/") }
        return basePath + encodePath(ArraySlice(path)) + String(decoding: bytes[end...], as: UTF8.self)
    }

    /// The pages that may share a `{% cache %}` fragment holding links with this page: those in the same
    /// parent folder (`parentFolder(of:)`), except the 404 page, whose links are written differently from
    /// its neighbours' in the root folder, and which shares with none.
    static func fragmentPartition(of page: String) -> String {
        isNotFoundPage(page) ? page : parentFolder(of: page)
    }
}
