import Content

/// What a page's front matter says about the machine-readable files: `feed: false` and `sitemap: false` leave
/// it out of them; `updated:` (a date) is its `lastmod` in the sitemap and its `updated` time in a feed.
struct PageListing: Sendable {
    var inFeed = true
    var inSitemap = true
    var updated: PartialDate?

    /// Each page's listing, or every wrongly typed key, located.
    static func read(_ pages: [Page]) -> Result<[PageListing], BuildFailure> {
        var diagnostics: [Diagnostic] = []
        let listings = pages.map { page in
            var listing = PageListing()
            func flag(_ key: String) -> Bool {
                guard let node = page[key] else { return true }
                if case .bool(let value) = node.value { return value }
                diagnostics.append(Diagnostic(file: page.source, line: node.line, column: node.column,
                                              message: "'\(key)': expected true or false, found \(node.value.typeName)"))
                return true
            }
            listing.inFeed = flag("feed")
            listing.inSitemap = flag("sitemap")
            if let node = page["updated"] {
                // Malformed dates were reported when the front matter was read.
                if case .date(let date) = node.value { listing.updated = date } else {
                    diagnostics.append(Diagnostic(file: page.source, line: node.line, column: node.column,
                                                  message: "'updated': expected a date (2025, 2025-02 or 2025-02-03), found \(node.value.typeName)"))
                }
            }
            return listing
        }
        if !diagnostics.isEmpty { return .failure(BuildFailure(diagnostics: diagnostics)) }
        return .success(listings)
    }
}
