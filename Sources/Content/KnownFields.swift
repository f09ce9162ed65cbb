import Foundation

/// The front-matter keys the engine itself understands, type-checked.
///
/// Any other key is kept untouched for templates; these are checked so that a typo in a type
/// (`draft: "yes"`, `title: [a, b]`) is an error at the value rather than a silent surprise.
struct KnownFields {
    var title: String?
    var date: PartialDate?
    var dateLabel: String?
    var draft = false
    var template: String?
    var summary: String?
    var aliases: [Alias] = []

    mutating func read(_ pairs: [(key: String, value: Node)], file: String, route: inout PageRoute,
                       errors: inout [ContentError]) {
        var permalink: String?
        for (key, node) in pairs {
            switch key {
            case "title":
                guard let text = node.expectString(file: file, key: key, errors: &errors) else { continue }
                if text.allSatisfy(\.isWhitespace) {
                    errors.append(ContentError(.type, file: file, at: node, message: "'title' is empty"))
                }
                title = text
            case "date":
                // Malformed dates were already reported by the YAML reader.
                if case .date(let value) = node.value { date = value }
            case "date_label": dateLabel = node.expectString(file: file, key: key, errors: &errors)
            case "draft": draft = node.expectBool(file: file, key: key, errors: &errors) ?? false
            case "template": template = node.expectString(file: file, key: key, errors: &errors)
            case "summary": summary = node.expectString(file: file, key: key, errors: &errors)
            case "aliases": aliases = node.expectAliases(file: file, errors: &errors)
            case "slug":
                guard let slug = node.expectString(file: file, key: key, errors: &errors) else { continue }
                readSlug(slug.precomposed, node: node, file: file, route: &route, errors: &errors)
            case "permalink":
                guard let text = node.expectString(file: file, key: key, errors: &errors) else { continue }
                switch PageRoute.normalize(permalink: text.precomposed) {
                case .success(let url): permalink = url
                case .failure(let unsafe):
                    errors.append(ContentError(.path, file: file, at: node, message: "unsafe permalink '\(text.visible)': \(unsafe.reason)"))
                }
            default:
                break
            }
        }
        if let permalink { route.url = permalink }
    }

    private func readSlug(_ slug: String, node: Node, file: String, route: inout PageRoute, errors: inout [ContentError]) {
        if route.isListPage || route.url == "/" {
            errors.append(ContentError(.path, file: file, at: node, message: "a list page or the home page has no slug",
                                       notes: ["use 'permalink:' to change its URL"]))
        } else if let reason = PageRoute.problem(inSegment: slug) {
            errors.append(ContentError(.path, file: file, at: node, message: "unsafe slug '\(slug.visible)': \(reason)"))
        } else {
            route.setSlug(slug)
        }
    }
}
