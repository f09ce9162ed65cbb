extension ContentSet {
    /// The set with page `index`'s body replaced (an edit `PageParseMemo.bodyEdit` found to be in the body only).
    /// Nothing else in a set depends on a page's body: the rest is made from front matter, paths and `site.yml`.
    public func replacingBody(of index: Int, with body: String) -> ContentSet {
        var copy = self
        copy.pages[index].body = body
        return copy
    }
}
