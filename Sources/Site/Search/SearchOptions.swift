import Content
import DidYouMean

/// `search:` in `site.yml`: `true`, or a mapping of options. Off when absent.
///
/// ```yaml
/// search:
///   exclude: [sources]   # collections left out of the index (a page can also say `search: false`)
///   body: true           # index the body text, not only title, headings and summary (default true)
/// ```
struct SearchOptions: Sendable, Equatable {
    var enabled = false
    var excluded: [String] = []
    var indexesBody = true

    static let keys = ["exclude", "body"]

    /// The options, or the problems with them, located in `site.yml`.
    static func read(_ config: SiteConfig, collectionNames: [String]) -> Result<SearchOptions, BuildFailure> {
        var options = SearchOptions()
        guard let node = config.extra.first(where: { $0.key == "search" })?.value else { return .success(options) }
        var reader = SettingsReader(file: "site.yml", section: "search")
        switch node.value {
        case .bool(let flag): options.enabled = flag
        case .null: break
        default:
            guard let pairs = reader.pairs(of: node, expected: "true, false or a mapping of search settings") else { break }
            options.enabled = true
            for (key, value) in pairs {
                switch key {
                case "exclude":
                    options.excluded = reader.strings(value, key: key) ?? []
                    for (name, item) in zip(options.excluded, value.listItems) where !collectionNames.contains(name) {
                        reader.fail(at: item, "'exclude': unknown collection '\(name)'"
                            + (Suggestion.closest(to: name, in: collectionNames).map { " — did you mean '\($0)'?" } ?? ""))
                    }
                case "body": options.indexesBody = reader.bool(value, key: key) ?? true
                default: reader.unknown(key, at: value, known: keys)
                }
            }
        }
        if !reader.diagnostics.isEmpty { return .failure(BuildFailure(diagnostics: reader.diagnostics)) }
        return .success(options)
    }
}

extension Node {
    /// The items of a list node; empty for anything else.
    var listItems: [Node] {
        if case .list(let items) = value { return items }
        return []
    }
}
