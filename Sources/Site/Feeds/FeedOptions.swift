import Content

/// `feeds:` in `site.yml`: how the Atom feeds are written.
///
/// ```yaml
/// feeds:
///   limit: 20            # the newest 20 entries of each feed (default: every page)
///   full_content: true   # each entry carries the page's body as HTML, not only its summary
///   author: The editors  # the feed's author (default: the site's title)
/// ```
struct FeedOptions: Sendable, Equatable {
    var limit: Int?
    var fullContent = false
    var author: String?

    static let keys = ["limit", "full_content", "author"]

    static func read(_ config: SiteConfig) -> Result<FeedOptions, BuildFailure> {
        var options = FeedOptions()
        guard let node = config.extra.first(where: { $0.key == "feeds" })?.value else { return .success(options) }
        var reader = SettingsReader(file: "site.yml", section: "feeds")
        if let pairs = reader.pairs(of: node, expected: "a mapping of feed settings") {
            for (key, value) in pairs {
                switch key {
                case "limit": options.limit = reader.int(value, key: key, minimum: 1)
                case "full_content": options.fullContent = reader.bool(value, key: key) ?? false
                case "author": options.author = reader.string(value, key: key)
                default: reader.unknown(key, at: value, known: keys)
                }
            }
        }
        if !reader.diagnostics.isEmpty { return .failure(BuildFailure(diagnostics: reader.diagnostics)) }
        return .success(options)
    }
}
