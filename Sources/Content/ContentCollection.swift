/// A collection with its pages in sort order.
public struct ContentCollection: Sendable {
    public var name: String
    /// From `site.yml`, or the defaults.
    public var config: CollectionConfig
    /// Indices into `ContentSet.pages`, sorted by `config.sortBy`, ties by slug. List page excluded.
    public var pageIndices: [Int]
    /// Index of `content/<name>/_index.md`, when present.
    public var listPage: Int?
}
