import DidYouMean
import Foundation
import SiteInputs

/// Reading `site.yml`.
extension SiteConfig {
    static let fileName = "site.yml"
    /// (`render: false` was accepted once and did nothing; it is gone: list data that is not pages under data/.)
    private static let collectionKeys = ["sort_by", "order", "required", "title", "feed", "paginate"]

    /// Loads `<root>/site.yml`, or the defaults when there is none.
    /// Every problem is returned in `errors`, located in `site.yml`.
    static func load(root: URL, log: ReadLog? = nil) -> (config: SiteConfig, errors: [ContentError]) {
        let url = root.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else {
            // A `site.yaml` would otherwise be ignored without a word.
            let misnamed = root.appendingPathComponent("site.yaml")
            guard FileManager.default.fileExists(atPath: misnamed.path) else { return (SiteConfig(), []) }
            return (SiteConfig(), [ContentError(.config, file: "site.yaml", message: "the settings file must be named site.yml")])
        }
        let data: Data
        do {
            // Through the root-confined reader: a site.yml that is a symbolic link out of the root is refused.
            data = Data(try SiteInputs(root: root, log: log).read(fileName))
        } catch {
            return (SiteConfig(), [ContentError(.unreadable, file: error.path == root.standardizedFileURL.path ? fileName : error.path,
                                                message: error.message)])
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
                    if let problem = baseURLProblem(url) {
                        errors.append(ContentError(.config, file: fileName, at: node, message: "'base_url' must be an absolute "
                            + "http or https URL such as https://example.org/blog/: \(problem), found '\(url.visible)'"))
                    } else {
                        config.baseURL = url.hasSuffix("/") ? url : url + "/"
                    }
                }
            case "collections": config.collections = collections(node, errors: &errors)
            case "taxonomies": config.taxonomies = taxonomies(node, errors: &errors)
            case "redirects": config.redirects = node.expectRedirects(file: fileName, errors: &errors)
            case "redirects_file":
                config.writesRedirectsFile = node.expectBool(file: fileName, key: key, errors: &errors) ?? false
            default: break
            }
        }
        errors += taxonomyClashes(config)
        config.languageSettings = languageSettings(pairs, errors: &errors)
        if let settings = config.languageSettings { config.language = settings.defaultLanguage }
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
            case "paginate": config.paginate = value.expectPageSize(file: fileName, key: key, errors: &errors)
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

    /// Why `url` cannot be the site's address (feeds, the sitemap and `absolute_url` put it in front of every
    /// path), or nil: it must be `http://` or `https://`, a host, and a path, with nothing a URL cannot hold as is
    /// (spaces, quotes, angle brackets, control characters) and no query or fragment.
    static func baseURLProblem(_ url: String) -> String? {
        let lower = url.lowercased()
        guard let scheme = ["https://", "http://"].first(where: lower.hasPrefix) else { return "it has no http:// or https://" }
        let rest = url.dropFirst(scheme.count)
        let host = rest.prefix { $0 != "/" }
        guard !host.isEmpty else { return "it has no host" }
        guard host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || ".-:[]_".contains($0)) }) else {
            return "its host holds characters a host name cannot"
        }
        if let bad = rest.unicodeScalars.first(where: { $0.value <= 0x20 || $0.value == 0x7F || "\"'<>\\`{}|^".unicodeScalars.contains($0) }) {
            return bad.value <= 0x20 || bad.value == 0x7F ? "it holds a space or a control character" : "it holds '\(bad)'"
        }
        if rest.contains("?") || rest.contains("#") { return "it has a query or a fragment" }
        return nil
    }
}
