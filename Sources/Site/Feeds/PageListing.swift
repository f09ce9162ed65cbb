import Content

/// What a page's front matter says about the machine-readable files: `feed: false` and `sitemap: false` leave
/// it out of them; `updated:` (a date) is its `lastmod` in the sitemap and its `updated` time in a feed.
struct PageListing: Sendable {
    var inFeed = true
    var inSitemap = true
    var updated: PartialDate?

    /// Each page's listing, or every wrongly typed key, located.
    ///
    /// Only each page's front matter is taken (and its source, for a diagnostic): copying a whole `Page` retains
    /// a dozen fields, and this runs over every page of every build, an incremental one too.
    static func read(_ pages: [Page]) -> Result<[PageListing], BuildFailure> {
        var diagnostics: [Diagnostic] = []
        var listings: [PageListing] = []
        listings.reserveCapacity(pages.count)
        pages.withUnsafeBufferPointer { pages in
            for index in pages.indices {
                listings.append(listing(pages[index].frontMatter, source: pages[index].source, diagnostics: &diagnostics))
            }
        }
        if !diagnostics.isEmpty { return .failure(BuildFailure(diagnostics: diagnostics)) }
        return .success(listings)
    }

    /// One page's listing; a wrongly typed key is added to `diagnostics`.
    private static func listing(_ frontMatter: [(key: String, value: Node)], source: @autoclosure () -> String,
                                diagnostics: inout [Diagnostic]) -> PageListing {
        var listing = PageListing()
        listing.inFeed = flag("feed", of: frontMatter, source: source(), diagnostics: &diagnostics)
        listing.inSitemap = flag("sitemap", of: frontMatter, source: source(), diagnostics: &diagnostics)
        if let node = frontMatter.firstValue(forKey: "updated") {
            // Malformed dates were reported when the front matter was read.
            if case .date(let date) = node.value { listing.updated = date } else {
                diagnostics.append(Diagnostic(file: source(), line: node.line, column: node.column,
                                              message: "'updated': expected a date (2025, 2025-02 or 2025-02-03), found \(node.value.typeName)"))
            }
        }
        return listing
    }

    /// A `true`/`false` key of the page (true when absent); another value is added to `diagnostics`.
    private static func flag(_ key: String, of frontMatter: [(key: String, value: Node)], source: @autoclosure () -> String,
                             diagnostics: inout [Diagnostic]) -> Bool {
        guard let node = frontMatter.firstValue(forKey: key) else { return true }
        if case .bool(let value) = node.value { return value }
        diagnostics.append(Diagnostic(file: source(), line: node.line, column: node.column,
                                      message: "'\(key)': expected true or false, found \(node.value.typeName)"))
        return true
    }
}
