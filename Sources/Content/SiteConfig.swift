/// Site-wide settings from the optional `site.yml` at the site root.
///
/// The typed fields are what the engine itself needs; `extra` keeps *every* key of the file
/// in source order (including the typed ones as written), so templates can read custom keys.
public struct SiteConfig: Sendable {
    public var title: String
    public var description: String
    public var language: String
    /// Always ends with `/` ("/" or "https://example.org/sub/").
    public var baseURL: String
    /// Collections configured in `site.yml`, in file order.
    public var collections: [CollectionConfig]
    /// All top-level keys of `site.yml`, in file order.
    public var extra: [(key: String, value: Node)]

    public init(title: String = "Untitled site", description: String = "", language: String = "en",
                baseURL: String = "/", collections: [CollectionConfig] = [],
                extra: [(key: String, value: Node)] = []) {
        self.title = title
        self.description = description
        self.language = language
        self.baseURL = baseURL
        self.collections = collections
        self.extra = extra
    }

    /// The configuration of `name`, or nil when `site.yml` does not mention it.
    public func collection(named name: String) -> CollectionConfig? {
        collections.first { $0.name == name }
    }
}
