import Content
import Foundation
import Markdown
import Templates

/// Turns the content set into the values templates see (CONTRACT: site, page, collections).
///
/// Built once per build and shared by every render: a page's card is made once and referenced from every
/// list, relation and backlink that shows it, so 10,000 pages cost 10,000 cards, not 10,000².
struct PageValues: Sendable {
    /// Small value for a page named elsewhere: title, url, slug, collection, date, summary.
    let refs: [Value]
    /// Everything about a page except its rendered body.
    let cards: [Value]
    /// `collections` global.
    let collections: Value
    /// `site` global.
    let site: Value
    /// `taxonomies` global (see `TaxonomyValues`).
    let taxonomies: Value
    /// `taxonomyTerms[taxonomy][term]`: a term with its pages, as `taxonomies` lists it.
    let taxonomyTerms: [[Value]]
    /// For each page: its collection's sorted page indices and its position there (nil for list and top-level pages).
    /// Precomputed so that previous/next cost nothing per page.
    let neighbours: [(members: [Int], position: Int)?]
    /// For each list page: its collection's sorted page indices.
    let listMembers: [Int: [Int]]

    /// - Parameter origins: when given (an incremental build, `PageMemo`), every ref, card, collection, `site`,
    ///   `collections` and `taxonomies` gets a stable tag there, so that what a render reads of them is recorded.
    init(content: ContentSet, rendered: [RenderedMarkdown?], urls: [String], translations: TranslationTable? = nil,
         origins: OriginTable? = nil) {
        let tag: @Sendable (Value, String) -> Value = { value, name in origins?.tag(value, name + ":" + content.language) ?? value }
        let pages = content.pages
        // Refs, then cards (which point at refs), each page on its own: both are built on all cores.
        let summaries = Array(pages.indices).concurrentMap { Self.summary(of: pages[$0], rendered: rendered[$0]) }
        let refs: [Value] = Array(pages.indices).concurrentMap { index in
            let page = pages[index]
            return tag(.dictionary(OrderedDictionary([
                ("title", .string(page.title)),
                ("url", .string(urls[index])),
                ("slug", .string(page.slug)),
                ("collection", page.collection.map(Value.string) ?? .none),
                ("date", page.date.map { Self.dateValue($0, label: page.dateLabel) } ?? .none),
                ("summary", .string(summaries[index])),
            ])), "ref|" + page.source)
        }
        let terms = TaxonomyValues(content: content, summaries: summaries)
        let cards: [Value] = Array(pages.indices).concurrentMap { index in
            let page = pages[index]
            var pairs: [(String, Value)] = []
            for (key, node) in page.frontMatter {
                pairs.append((key, Self.value(of: node, key: key, refs: refs, dateLabel: nil)))
            }
            let computed: [(String, Value)] = [
                ("title", .string(page.title)),
                ("url", .string(urls[index])),
                ("slug", .string(page.slug)),
                ("collection", page.collection.map(Value.string) ?? .none),
                ("source", .string(page.source)),
                ("summary", .string(summaries[index])),
                ("date", page.date.map { Self.dateValue($0, label: page.dateLabel) } ?? .none),
                ("backlinks", .dictionary(OrderedDictionary(content.backlinks(of: index).map { group in
                    (group.collection, .array(group.sources.map { refs[$0] }))
                }))),
                ("lang", .string(content.language)),
                ("translations", translations?.value(of: page.translationKey) ?? .array([])),
            ]
            return tag(.dictionary(Self.merge(pairs, terms.pageTerms[index].isEmpty ? computed : computed + terms.pageTerms[index])),
                       "card|" + page.source)
        }
        var collectionPairs: [(String, Value)] = []
        for collection in content.collections {
            let config = content.config.collection(named: collection.name)
            var bySlug: [(String, Value)] = []
            for index in collection.pageIndices { bySlug.append((pages[index].slug, cards[index])) }
            collectionPairs.append((collection.name, tag(.dictionary(OrderedDictionary([
                ("name", .string(collection.name)),
                ("title", .string(config?.title ?? collection.name.capitalized)),
                ("url", .string("\(content.urlPrefix)/\(collection.name)/")),
                ("index", collection.listPage.map { cards[$0] } ?? .none),
                ("pages", .array(collection.pageIndices.map { cards[$0] })),
                ("by_slug", tag(.dictionary(OrderedDictionary(bySlug)), "by_slug|" + collection.name)),
            ])), "collection|" + collection.name)))
        }
        var neighbours: [(members: [Int], position: Int)?] = Array(repeating: nil, count: pages.count)
        var listMembers: [Int: [Int]] = [:]
        for collection in content.collections {
            for (position, index) in collection.pageIndices.enumerated() {
                neighbours[index] = (collection.pageIndices, position)
            }
            if let list = collection.listPage { listMembers[list] = collection.pageIndices }
        }
        self.neighbours = neighbours
        self.listMembers = listMembers
        self.refs = refs
        self.cards = cards
        self.collections = tag(.dictionary(OrderedDictionary(collectionPairs)), "collections")
        self.taxonomyTerms = content.taxonomies.indices.map { terms.terms(of: $0, in: content, cards: cards) }
        self.taxonomies = tag(Self.taxonomiesGlobal(content: content, terms: taxonomyTerms, cards: cards), "taxonomies")
        let config = content.config
        // A language's own `site:` settings (`languages: {zh: {site: {title: …}}}`) replace the file's.
        let overrides = config.languageSettings?.siteSettings(of: content.language) ?? []
        var settings = config.extra
        for (key, node) in overrides {
            if let position = settings.firstIndex(where: { $0.key == key }) { settings[position].value = node } else { settings.append((key, node)) }
        }
        self.site = tag(.dictionary(Self.merge(settings.map { pair in
            (pair.key, Self.value(of: pair.value, key: pair.key, refs: refs, dateLabel: nil))
        }, [
            ("title", .string(overrides.firstValue(forKey: "title")?.string ?? config.title)),
            ("description", .string(overrides.firstValue(forKey: "description")?.string ?? config.description)),
            ("language", .string(content.language)), ("base_url", .string(config.baseURL)),
            ("base_path", .string(config.basePath)),
        ])), "site")
    }

    /// The full `page` value: the card plus body, table of contents, neighbours and (on list pages) the pages.
    func page(_ index: Int, in content: ContentSet, rendered: RenderedMarkdown?) -> Value {
        guard case .dictionary(var page) = cards[index] else { return cards[index] }
        // The card's own mapping, extended in place (computed keys replace same-named ones where they stand,
        // the rest are appended): one copy of its storage per render, not a rebuild key by key.
        page["content"] = .safe(rendered?.html ?? "")
        page["toc"] = .array((rendered?.headings ?? []).map { heading in
            .dictionary(OrderedDictionary([
                ("level", .int(heading.level)), ("text", .string(heading.text)), ("id", .string(heading.id)),
            ]))
        })
        var previous = Value.none
        var next = Value.none
        var pages = Value.array([])
        if let members = listMembers[index] {
            pages = .array(members.map { cards[$0] })
        } else if let (members, position) = neighbours[index] {
            if position > 0 { previous = cards[members[position - 1]] }
            if position + 1 < members.count { next = cards[members[position + 1]] }
        }
        page["previous"] = previous
        page["next"] = next
        page["pages"] = pages
        return .dictionary(page)
    }

    /// The cards a list page lists (its collection's pages, sorted); empty for any other page.
    func listItems(of index: Int) -> [Value] {
        listMembers[index].map { $0.map { cards[$0] } } ?? []
    }

    /// Front matter `summary` when given, otherwise the first paragraph of the body as plain text.
    static func summary(of page: borrowing Page, rendered: RenderedMarkdown?) -> String {
        page.summary ?? rendered?.excerpt ?? ""
    }

    /// A date as templates see it (CONTRACT: year, month, day, precision, iso, label, fraction).
    static func dateValue(_ date: PartialDate, label: String?) -> Value {
        .dictionary(OrderedDictionary([
            ("year", .int(date.year)),
            ("month", date.month.map(Value.int) ?? .none),
            ("day", date.day.map(Value.int) ?? .none),
            ("precision", .string(date.precision.rawValue)),
            ("iso", .string(date.iso)),
            ("label", label.map(Value.string) ?? .none),
            ("fraction", .double(date.fraction)),
        ]))
    }

    /// Converts a front-matter node; a slug that names a page becomes that page's ref.
    static func value(of node: Node, key: String, refs: [Value], dateLabel: String?) -> Value {
        if let target = node.target, target < refs.count { return refs[target] }
        switch node.value {
        case .string(let text): return .string(text)
        case .int(let number): return .int(number)
        case .double(let number): return .double(number)
        case .bool(let flag): return .bool(flag)
        case .null: return .none
        case .date(let date): return dateValue(date, label: dateLabel)
        case .list(let items): return .array(items.map { value(of: $0, key: key, refs: refs, dateLabel: nil) })
        case .mapping(let pairs):
            return .dictionary(OrderedDictionary(pairs.map { pair in
                (pair.key, value(of: pair.value, key: pair.key, refs: refs, dateLabel: nil))
            }))
        }
    }

    /// Front-matter pairs in source order, with computed keys replacing same-named ones in place
    /// and the rest appended: `page.title` is always the engine's, and loops over a card stay in order.
    static func merge(_ pairs: [(String, Value)], _ computed: [(String, Value)]) -> OrderedDictionary {
        var result = OrderedDictionary(pairs)
        for (key, value) in computed { result[key] = value }
        return result
    }
}
