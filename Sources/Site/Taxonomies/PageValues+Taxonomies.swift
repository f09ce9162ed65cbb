import Content
import Markdown
import Templates

/// Term pages, taxonomy index pages and the `taxonomies` global (see `TaxonomyValues` for the contract).
extension PageValues {
    /// `taxonomies`: each taxonomy by name, with its terms and their pages. Made once, after the cards.
    static func taxonomiesGlobal(content: ContentSet, terms: [[Value]], cards: [Value]) -> Value {
        .dictionary(OrderedDictionary(content.taxonomies.indices.map { position in
            let taxonomy = content.taxonomies[position]
            let full = terms[position]
            return (taxonomy.name, .dictionary(OrderedDictionary([
                ("name", .string(taxonomy.name)),
                ("title", .string(taxonomy.config.title ?? taxonomy.name.capitalized)),
                ("url", .string(taxonomy.url)),
                ("index", taxonomy.indexPage.map { cards[$0] } ?? .none),
                ("terms", .array(full)),
                ("by_slug", .dictionary(OrderedDictionary(zip(taxonomy.terms.map(\.slug), full).map { ($0, $1) }))),
            ])))
        }))
    }

    /// The `page` of a term's page: its description's page value (when it has one) with the term's own fields.
    func termPage(taxonomy position: Int, term place: Int, in content: ContentSet, rendered: [RenderedMarkdown?]) -> Value {
        let taxonomy = content.taxonomies[position]
        guard case .dictionary(var page) = described(by: taxonomy.terms[place].description, in: content, rendered: rendered),
              case .dictionary(let term) = taxonomyTerms[position][place] else { return .none }
        for (key, value) in term.pairs { page[key] = value }
        page["taxonomy"] = taxonomyRef(taxonomy)
        return .dictionary(page)
    }

    /// The `page` of a taxonomy's index: its description (`content/<taxonomy>/_index.md`) when present, with
    /// `title`, `url`, `taxonomy` and `terms`.
    func taxonomyPage(_ position: Int, in content: ContentSet, rendered: [RenderedMarkdown?]) -> Value {
        let taxonomy = content.taxonomies[position]
        guard case .dictionary(var fields) = described(by: taxonomy.indexPage, in: content, rendered: rendered) else {
            return .none
        }
        if taxonomy.indexPage == nil { fields["title"] = .string(taxonomy.config.title ?? taxonomy.name.capitalized) }
        fields["url"] = .string(taxonomy.url)
        fields["taxonomy"] = taxonomyRef(taxonomy)
        fields["terms"] = .array(taxonomyTerms[position])
        return .dictionary(fields)
    }

    /// The description page's full value, or the fields every page has, empty.
    private func described(by description: Int?, in content: ContentSet, rendered: [RenderedMarkdown?]) -> Value {
        if let description { return page(description, in: content, rendered: rendered[description]) }
        return .dictionary(OrderedDictionary([
            ("content", .safe("")), ("toc", .array([])), ("summary", .string("")), ("backlinks", .dictionary(OrderedDictionary())),
            ("previous", .none), ("next", .none), ("pages", .array([])), ("collection", .none), ("date", .none),
        ]))
    }

    private func taxonomyRef(_ taxonomy: Taxonomy) -> Value {
        .dictionary(OrderedDictionary([
            ("name", .string(taxonomy.name)), ("title", .string(taxonomy.config.title ?? taxonomy.name.capitalized)),
            ("url", .string(taxonomy.url)),
        ]))
    }
}

extension TaxonomyValues {
    /// The terms of a taxonomy, each its small value plus `pages`.
    func terms(of position: Int, in content: ContentSet, cards: [Value]) -> [Value] {
        content.taxonomies[position].terms.enumerated().map { place, term in
            guard case .dictionary(var fields) = ref(taxonomy: position, term: place) else { return .none }
            fields["pages"] = .array(term.pages.map { cards[$0] })
            return .dictionary(fields)
        }
    }
}
