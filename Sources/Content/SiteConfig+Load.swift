import Foundation

/// Reading `site.yml`.
extension SiteConfig {
    static let fileName = "site.yml"
    /// (`render: false` was accepted once and did nothing; it is gone: list data that is not pages under data/.)
    private static let collectionKeys = ["sort_by", "order", "required", "title", "feed"]

    /// Loads `<root>/site.yml`, or the defaults when there is none.
    /// Every problem is returned in `errors`, located in `site.yml`.
    static func load(root: URL) -> (config: SiteConfig, errors: [ContentError]) {
        let url = root.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else {
            // A `site.yaml` would otherwise be ignored without a word.
            let misnamed = root.appendingPathComponent("site.yaml")
            guard FileManager.default.fileExists(atPath: misnamed.path) else { return (SiteConfig(), []) }
            return (SiteConfig(), [ContentError(.config, file: "site.yaml", message: "the settings file must be named site.yml")])
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            return (SiteConfig(), [ContentError(.unreadable, file: fileName, message: "cannot read file: \(error.localizedDescription)")])
        }
        let text: String
        switch SourceText.decode(data, file: fileName) {
        case .success(let decoded): text = decoded
        case .failure(let error): return (SiteConfig(), [error])
        }
        return parse(text)
    }

    /// Parses the text of `site.yml`.
    static func parse(_ text: String) -> (config: SiteConfig, errors: [ContentError]) {
        var reader = YAMLReader(file: fileName, lineOffset: 0)
        let root = reader.read(text)
        var errors = reader.errors
        var config = SiteConfig()
        guard let root else { return (config, errors) }
        guard case .mapping(let pairs) = root.value else {
            errors.append(ContentError(.config, file: fileName, at: root,
                                       message: "site.yml must be a mapping of settings, found \(root.value.typeName)"))
            return (config, errors)
        }
        config.extra = pairs
        for (key, node) in pairs {
            switch key {
            case "title": config.title = node.expectString(file: fileName, key: key, errors: &errors) ?? config.title
            case "description":
                config.description = node.expectString(file: fileName, key: key, errors: &errors) ?? config.description
            case "language": config.language = node.expectString(file: fileName, key: key, errors: &errors) ?? config.language
            case "base_url":
                if let url = node.expectString(file: fileName, key: key, errors: &errors) {
                    config.baseURL = url.hasSuffix("/") ? url : url + "/"
                }
            case "collections": config.collections = collections(node, errors: &errors)
            default: break
            }
        }
        return (config, errors)
    }

    private static func collections(_ node: Node, errors: inout [ContentError]) -> [CollectionConfig] {
        if case .null = node.value { return [] }
        guard case .mapping(let entries) = node.value else {
            errors.append(node.typeError(file: fileName, key: "collections", expected: "a mapping of collection names"))
            return []
        }
        return entries.map { name, settings in collection(name, settings, errors: &errors) }
    }

    private static func collection(_ name: String, _ node: Node, errors: inout [ContentError]) -> CollectionConfig {
        var config = CollectionConfig(name: name)
        if case .null = node.value { return config }
        guard case .mapping(let pairs) = node.value else {
            errors.append(node.typeError(file: fileName, key: name, expected: "a mapping of collection settings"))
            return config
        }
        for (key, value) in pairs {
            switch key {
            case "sort_by": config.sortBy = value.expectString(file: fileName, key: key, errors: &errors) ?? config.sortBy
            case "order":
                switch value.string {
                case "asc": config.descending = false
                case "desc": config.descending = true
                default: errors.append(value.typeError(file: fileName, key: key, expected: "'asc' or 'desc'"))
                }
            case "required": config.required = value.expectStringList(file: fileName, key: key, errors: &errors) ?? []
            case "title": config.title = value.expectString(file: fileName, key: key, errors: &errors)
            case "feed": config.feed = value.expectBool(file: fileName, key: key, errors: &errors) ?? config.feed
            default:
                let hint = Suggestion.closest(to: key, in: collectionKeys).map { " — did you mean '\($0)'?" } ?? ""
                errors.append(ContentError(.config, file: fileName, line: value.keyLine ?? value.line,
                                           column: value.keyColumn ?? value.column,
                                           message: "unknown setting '\(key)' for collection '\(name)'\(hint)",
                                           notes: ["known settings: " + collectionKeys.joined(separator: ", ")]))
            }
        }
        return config
    }
}
