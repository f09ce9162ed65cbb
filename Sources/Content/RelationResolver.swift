import DidYouMean
import Foundation

/// Resolves relation lists: a front-matter key named after a collection holds slugs of its pages.
///
/// Works on a slug index built once (collection → slug → page), so resolving is linear in the
/// number of relation items, whatever the number of pages. Relations are found at any depth
/// (`ties: [{people: [sam-altman], kind: rival}]`); only top-level ones become `Page.relations`
/// and backlinks.
struct RelationResolver {
    /// collection → slug → index into the page list.
    let index: [String: [String: Int]]
    /// "collection/slug" of drafts left out of this build, to say "is a draft" instead of "no page".
    let drafts: Set<String>
    /// "collection/slug" of files that failed to load; relations to them are not reported twice.
    let broken: Set<String>
    private(set) var errors: [ContentError] = []

    init(index: [String: [String: Int]], drafts: Set<String>, broken: Set<String>) {
        self.index = index
        self.drafts = drafts
        self.broken = broken
    }

    /// Resolves every relation in one page's front matter, setting `Node.target` on each slug.
    /// - Returns: the top-level relations, for `Page.relations`.
    mutating func resolve(_ frontMatter: inout [(key: String, value: Node)], file: String)
        -> [(collection: String, targets: [Int])] {
        var relations: [(collection: String, targets: [Int])] = []
        for position in frontMatter.indices {
            let key = frontMatter[position].key
            if index[key] != nil {
                let targets = resolveList(&frontMatter[position].value, collection: key, file: file)
                relations.append((key, targets))
            } else {
                walk(&frontMatter[position].value, file: file)
            }
        }
        return relations
    }

    /// Looks for relation keys inside nested values.
    private mutating func walk(_ node: inout Node, file: String) {
        switch node.value {
        case .list(var items):
            node.value = .null // so that `items` is the only reference and is edited in place
            for position in items.indices { walk(&items[position], file: file) }
            node.value = .list(items)
        case .mapping(var pairs):
            node.value = .null
            for position in pairs.indices {
                let key = pairs[position].key
                if index[key] != nil {
                    _ = resolveList(&pairs[position].value, collection: key, file: file)
                } else {
                    walk(&pairs[position].value, file: file)
                }
            }
            node.value = .mapping(pairs)
        default:
            break
        }
    }

    /// Resolves a list of slugs, returning the targets found, in order.
    private mutating func resolveList(_ node: inout Node, collection: String, file: String) -> [Int] {
        guard case .list(var items) = node.value else {
            if case .null = node.value { return [] }
            errors.append(ContentError(.type, file: file, at: node,
                                       message: "'\(collection)': expected a list of slugs, found \(node.value.typeName)",
                                       notes: ["a key named after a collection links to its pages: \(collection): [some-slug]"]))
            return []
        }
        node.value = .null // so that `items` is the only reference and is edited in place
        var targets: [Int] = []
        for position in items.indices {
            if let target = resolveItem(items[position], collection: collection, file: file) {
                items[position].target = target
                targets.append(target)
            }
        }
        node.value = .list(items)
        return targets
    }

    private mutating func resolveItem(_ item: Node, collection: String, file: String) -> Int? {
        let slug: String
        switch item.value {
        case .string(let text): slug = text.precomposed
        case .int(let number): slug = String(number)
        default:
            errors.append(ContentError(.type, file: file, at: item,
                                       message: "'\(collection)': expected a slug, found \(item.value.typeName)"))
            return nil
        }
        let pages = index[collection] ?? [:]
        if let target = pages[slug] { return target }
        let key = collection + "/" + slug
        if broken.contains(key) { return nil }
        if drafts.contains(key) {
            errors.append(ContentError(.relation, file: file, at: item,
                                       message: "page '\(slug.visible)' in collection '\(collection)' is a draft",
                                       notes: ["build with drafts included, or remove it from this list"]))
            return nil
        }
        let hint = Suggestion.closest(to: slug, in: pages.keys.sorted()).map { " — did you mean '\($0)'?" } ?? ""
        errors.append(ContentError(.relation, file: file, at: item,
                                   message: "no page '\(slug.visible)' in collection '\(collection)'\(hint)"))
        return nil
    }
}
