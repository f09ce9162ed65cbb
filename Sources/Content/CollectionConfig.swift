/// How one collection (a folder under `content/`) is sorted, checked and published.
///
/// Written in `site.yml` under `collections: <name>:`; a folder without an entry gets the defaults.
public struct CollectionConfig: Sendable {
    public var name: String
    /// `date`, `title`, `slug` or any front-matter key. Default `title`.
    public var sortBy: String
    /// `order: desc`. Ties are always broken by slug, ascending, so the order is deterministic.
    public var descending: Bool
    /// Front-matter keys every page of the collection must have (not the list page).
    public var required: [String]
    /// Display name for templates; nil means "use the name".
    public var title: String?
    /// Whether Site publishes an Atom feed of this collection.
    public var feed: Bool
    /// `paginate: 20`: the list page shows this many pages at a time (`/<name>/page/2/`, …); nil shows them all.
    public var paginate: Int?

    public init(name: String, sortBy: String = "title", descending: Bool = false, required: [String] = [],
                title: String? = nil, feed: Bool = false, paginate: Int? = nil) {
        self.name = name
        self.sortBy = sortBy
        self.descending = descending
        self.required = required
        self.title = title
        self.feed = feed
        self.paginate = paginate
    }
}
