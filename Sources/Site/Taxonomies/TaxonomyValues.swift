import Content
import Templates

/// The values templates see for taxonomies (CONTRACT: `taxonomies`, a page's terms, term and index pages).
///
/// - On every page card, a taxonomy key (`topics`) holds the page's terms as small values instead of the
///   strings written: `{name, title, summary, slug, url, count, taxonomy}`.
/// - The global `taxonomies` maps each name to `{name, title, url, index, terms, by_slug}`; each term there is
///   the small value plus `pages`, the cards of its pages in their collection's order.
/// - A term page's `page` is its description's card when it has one, with the term's `name`, `slug`, `url`,
///   `count`, `taxonomy` and `pages`; a taxonomy index page's `page` has `terms`.
struct TaxonomyValues: Sendable {
    /// `refs[taxonomy][term]`: the small value of a term.
    private let refs: [[Value]]
    /// For each page: (taxonomy name, its terms' small values), for the taxonomies it lists.
    let pageTerms: [[(String, Value)]]

    init(content: ContentSet, summaries: [String]) {
        var refs: [[Value]] = []
        var pageTerms: [[(String, Value)]] = Array(repeating: [], count: content.pages.count)
        for taxonomy in content.taxonomies {
            let terms = taxonomy.terms.map { term in
                Value.dictionary(OrderedDictionary([
                    ("name", .string(term.name)),
                    ("title", .string(term.description.map { content.pages[$0].title } ?? term.name)),
                    ("summary", .string(term.description.map { summaries[$0] } ?? "")),
                    ("slug", .string(term.slug)),
                    ("url", .string(term.url(in: taxonomy.name))),
                    ("count", .int(term.pages.count)),
                    ("taxonomy", .string(taxonomy.name)),
                ]))
            }
            // Each page's terms in the order the page lists them: the order the terms were met, page by page.
            var listed: [Int: [Value]] = [:]
            for (position, term) in taxonomy.terms.enumerated() {
                for page in term.pages { listed[page, default: []].append(terms[position]) }
            }
            for (page, values) in listed {
                pageTerms[page].append((taxonomy.name, .array(Self.inWrittenOrder(values, page: content.pages[page], taxonomy: taxonomy.name))))
            }
            refs.append(terms)
        }
        self.refs = refs
        self.pageTerms = pageTerms
    }

    /// The small value of a term.
    func ref(taxonomy: Int, term: Int) -> Value { refs[taxonomy][term] }

    /// `values` sorted as the page wrote its terms (the page's list, by slug).
    private static func inWrittenOrder(_ values: [Value], page: Page, taxonomy: String) -> [Value] {
        guard case .list(let items)? = page[taxonomy]?.value else { return values }
        var order: [String: Int] = [:]
        for (position, item) in items.enumerated() {
            let text: String
            switch item.value {
            case .string(let string): text = string
            case .int(let number): text = String(number)
            default: continue
            }
            let slug = TermSlug.make(text)
            if order[slug] == nil { order[slug] = position }
        }
        let place = { (value: Value) in slug(of: value).flatMap { order[$0] } ?? .max }
        return values.sorted { place($0) < place($1) }
    }

    private static func slug(of value: Value) -> String? {
        if case .dictionary(let fields) = value, case .string(let slug)? = fields["slug"] { return slug }
        return nil
    }
}
