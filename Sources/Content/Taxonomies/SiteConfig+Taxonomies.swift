import DidYouMean

/// Reading `taxonomies:` in `site.yml`.
extension SiteConfig {
    static let taxonomyKeys = ["title", "paginate"]

    /// `taxonomies: {topics: {title: Topics}}`; a name alone (`topics:` with no settings) takes the defaults.
    static func taxonomies(_ node: Node, errors: inout [ContentError]) -> [TaxonomyConfig] {
        if case .null = node.value { return [] }
        guard case .mapping(let entries) = node.value else {
            errors.append(node.typeError(file: fileName, key: "taxonomies", expected: "a mapping of taxonomy names"))
            return []
        }
        var result: [TaxonomyConfig] = []
        for (name, settings) in entries {
            var config = TaxonomyConfig(name: name.precomposed, line: settings.keyLine ?? settings.line,
                                        column: settings.keyColumn ?? settings.column)
            if let reason = PageRoute.problem(inSegment: config.name) {
                errors.append(ContentError(.config, file: fileName, line: config.line, column: config.column,
                                           message: "taxonomy name '\(name.visible)' cannot be part of a URL: \(reason)"))
                continue
            }
            if case .mapping(let pairs) = settings.value {
                for (key, value) in pairs {
                    switch key {
                    case "title": config.title = value.expectString(file: fileName, key: key, errors: &errors)
                    case "paginate": config.paginate = value.expectPageSize(file: fileName, key: key, errors: &errors)
                    default:
                        let hint = Suggestion.closest(to: key, in: taxonomyKeys).map { " — did you mean '\($0)'?" } ?? ""
                        errors.append(ContentError(.config, file: fileName, line: value.keyLine ?? value.line,
                                                   column: value.keyColumn ?? value.column,
                                                   message: "unknown setting '\(key.visible)' for taxonomy '\(name.visible)'\(hint)",
                                                   notes: ["known settings: " + taxonomyKeys.joined(separator: ", ")]))
                    }
                }
            } else if case .null = settings.value {
            } else {
                errors.append(settings.typeError(file: fileName, key: name, expected: "a mapping of taxonomy settings"))
            }
            result.append(config)
        }
        return result
    }

    /// A taxonomy may not share its name with a collection: both would own `/<name>/` and the front-matter key.
    static func taxonomyClashes(_ config: SiteConfig) -> [ContentError] {
        config.taxonomies.compactMap { taxonomy in
            guard config.collection(named: taxonomy.name) != nil else { return nil }
            return ContentError(.config, file: fileName, line: taxonomy.line, column: taxonomy.column,
                                message: "taxonomy '\(taxonomy.name.visible)' has the name of a collection",
                                notes: ["a key named after a collection links to its pages; rename one of them"])
        }
    }

    /// The taxonomy called `name`, or nil.
    public func taxonomy(named name: String) -> TaxonomyConfig? {
        taxonomies.first { $0.name == name }
    }
}
