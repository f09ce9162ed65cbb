extension ContentSet {
    /// Replaces page `index`'s body (an edit `PageParseMemo.bodyEdit` found to be in the body only) in place: the
    /// pages are copied only when another set shares them. Returns the body it had. Nothing else in a set depends
    /// on a page's body: the rest is made from front matter, paths and `site.yml`.
    public mutating func replaceBody(of index: Int, with body: String) -> String {
        let old = pages[index].body
        pages[index].body = body
        return old
    }
}

extension ContentSet {
    /// The edition and index of the page read from `path` (an original in the default language's set, a
    /// translation in its language's), or nil when no set holds it (a draft, a file the load left out).
    ///
    /// A body is copied into its own page and nowhere else in any edition: a translation inherits front matter,
    /// title, date and relations from its original (`TranslationEdition`), never the body, and its summary is
    /// made from its own body. So an edited body is put into exactly one page.
    public static func page(editedAt path: String, in editions: [ContentSet]) -> (edition: Int, index: Int)? {
        for edition in editions.indices {
            if let index = editions[edition].pages.firstIndex(where: { $0.source == path }) { return (edition, index) }
        }
        return nil
    }
}
