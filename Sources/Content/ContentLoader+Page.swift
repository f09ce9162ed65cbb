import Foundation

/// Parsing one page on its own, without the rest of the site.
extension ContentLoader {
    /// Parses the text of one Markdown file as if it were at `source` ("content/timeline/x.md"):
    /// front matter, types, dates, slug and URL. Relations are *not* resolved (that needs the
    /// whole site), so `relations` is empty and no `Node.target` is set.
    ///
    /// For fuzzing the splitter and parser, and for tools that check a single file.
    /// - Throws: every problem found in the file.
    public static func parsePage(_ text: String, source: String) throws(ContentErrors) -> Page {
        let components = source.split(separator: "/").map(String.init)
        let file = ContentTree.SourceFile(path: source,
                                          components: Array(components.dropFirst(components.first == ContentTree.folder ? 1 : 0)))
        let outcome = PageParser.parse(text: text, file: file)
        guard let page = outcome.page, outcome.errors.isEmpty else { throw ContentErrors(outcome.errors) }
        return page
    }
}

/// Parsing `site.yml` on its own.
extension ContentLoader {
    /// Parses the text of a `site.yml`. For fuzzing and for tools that check the settings alone.
    /// - Throws: every problem found, located in `site.yml`.
    public static func parseConfig(_ text: String) throws(ContentErrors) -> SiteConfig {
        let (config, errors) = SiteConfig.parse(text)
        guard errors.isEmpty else { throw ContentErrors(errors) }
        return config
    }
}
