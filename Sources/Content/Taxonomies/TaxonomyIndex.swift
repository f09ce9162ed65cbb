import DidYouMean

/// Gathers the terms of every taxonomy from front matter, and checks them.
///
/// Runs once the pages are loaded and the collections sorted, on indices. What it reports, each at the value:
/// a taxonomy key that does not hold a list of terms; a term that makes no slug; two spellings of one term that
/// differ only in case or spacing (a likely typo); two terms that make the same slug; a front-matter key one
/// typo away from a taxonomy's name; and a description file (`content/<taxonomy>/<slug>.md`) for no term.
struct TaxonomyIndex {
    private(set) var taxonomies: [Taxonomy] = []
    private(set) var errors: [ContentError] = []

    /// Where a spelling of a term was first seen, for the note of a later error.
    private struct FirstUse {
        var name: String
        var file: String
        var line: Int
        var column: Int
    }

    /// "taxonomy/slug" of terms used only by drafts left out of this build.
    private let draftTerms: Set<String>

    init(config: SiteConfig, pages: [Page], collections: [ContentCollection], draftTerms: Set<String> = []) {
        self.draftTerms = draftTerms
        guard !config.taxonomies.isEmpty else { return }
        let rank = Self.rank(pages: pages, collections: collections)
        let names = config.taxonomies.map(\.name)
        let ignored = Set(names).union(collections.map(\.name))
        for config in config.taxonomies {
            taxonomies.append(build(config, pages: pages, rank: rank))
        }
        for index in pages.indices where pages[index].collection.map({ !names.contains($0) }) ?? true {
            for (key, node) in pages[index].frontMatter where !ignored.contains(key) {
                guard case .list = node.value, let close = Suggestion.closest(to: key, in: names) else { continue }
                errors.append(ContentError(.type, file: pages[index].source, line: node.keyLine ?? node.line,
                                           column: node.keyColumn ?? node.column,
                                           message: "unknown taxonomy '\(key.visible)' — did you mean '\(close)'?",
                                           notes: ["taxonomies are declared in site.yml: " + names.joined(separator: ", ")]))
            }
        }
    }

    /// Each page's place in term lists: its collection's position in `collections`, then its place in that
    /// collection's order; pages outside a sorted collection after them, by source path (their index).
    private static func rank(pages: [Page], collections: [ContentCollection]) -> [(Int, Int)] {
        var rank = pages.indices.map { (collections.count, $0) }
        for (position, collection) in collections.enumerated() {
            for (place, index) in collection.pageIndices.enumerated() { rank[index] = (position, place) }
        }
        return rank
    }

    private mutating func build(_ config: TaxonomyConfig, pages: [Page], rank: [(Int, Int)]) -> Taxonomy {
        let name = config.name
        var bySlug: [String: Int] = [:]
        var terms: [Term] = []
        var spellings: [String: FirstUse] = [:]
        var slugOwners: [String: FirstUse] = [:]
        for index in pages.indices where pages[index].collection != name {
            guard let node = pages[index][name] else { continue }
            let file = pages[index].source
            if case .null = node.value { continue }
            guard case .list(let items) = node.value else {
                errors.append(node.typeError(file: file, key: name, expected: "a list of terms (\(name): [a term, another])"))
                continue
            }
            for item in items {
                let term: String
                switch item.value {
                case .string(let text): term = text.precomposed
                case .int(let number): term = String(number)
                default:
                    errors.append(item.typeError(file: file, key: name, expected: "a term"))
                    continue
                }
                let slug = TermSlug.make(term)
                let use = FirstUse(name: term, file: file, line: item.line, column: item.column)
                guard !slug.isEmpty else {
                    errors.append(ContentError(.type, file: file, at: item,
                                               message: "term '\(term.visible)' has no letter or digit to make its URL from"))
                    continue
                }
                let loose = TermSlug.looseKey(term)
                if let first = spellings[loose], first.name != term {
                    errors.append(Self.conflict(use, first, message: "'\(term.visible)' differs from the \(name) term '\(first.name.visible)' only in case or spacing — a typo?",
                                                note: "spell it as written first, or tell them apart by more than case and spacing"))
                    continue
                }
                spellings[loose] = spellings[loose] ?? use
                if let first = slugOwners[slug], first.name != term {
                    errors.append(Self.conflict(use, first, message: "\(name) terms '\(term.visible)' and '\(first.name.visible)' would both be at /\(name)/\(slug)/",
                                                note: "term URLs keep only letters and digits; rename one of them"))
                    continue
                }
                slugOwners[slug] = slugOwners[slug] ?? use
                if let position = bySlug[slug] {
                    if terms[position].pages.last != index { terms[position].pages.append(index) }
                } else {
                    bySlug[slug] = terms.count
                    terms.append(Term(name: term, slug: slug, pages: [index], description: nil))
                }
            }
        }
        for position in terms.indices {
            terms[position].pages.sort { rank[$0] < rank[$1] }
        }
        terms.sort { $0.slug < $1.slug }
        bySlug = Dictionary(uniqueKeysWithValues: terms.enumerated().map { ($1.slug, $0) })
        var taxonomy = Taxonomy(config: config, terms: terms, indexPage: nil)
        for index in pages.indices where pages[index].collection == name {
            if pages[index].isListPage {
                taxonomy.indexPage = index
            } else if let position = bySlug[pages[index].slug] {
                taxonomy.terms[position].description = index
            } else if !draftTerms.contains(name + "/" + pages[index].slug) {
                let hint = Suggestion.closest(to: pages[index].slug, in: terms.map(\.slug)).map { " — did you mean '\($0)'?" } ?? ""
                errors.append(ContentError(.relation, file: pages[index].source, line: 1, column: 1,
                                           message: "no page lists the \(name) term '\(pages[index].slug.visible)' this file describes\(hint)",
                                           notes: ["a file in content/\(name)/ describes the term whose URL slug is its name"]))
            }
        }
        return taxonomy
    }

    /// "taxonomy/slug" of every term `page` lists, for drafts (unchecked: a draft's mistakes show when it is built).
    static func termKeys(of page: Page, config: SiteConfig) -> [String] {
        config.taxonomies.flatMap { taxonomy -> [String] in
            guard case .list(let items)? = page[taxonomy.name]?.value else { return [] }
            return items.compactMap { item in item.string.map { taxonomy.name + "/" + TermSlug.make($0) } }
        }
    }

    private static func conflict(_ use: FirstUse, _ first: FirstUse, message: String, note: String) -> ContentError {
        ContentError(.relation, file: use.file, line: use.line, column: use.column, message: message,
                     notes: ["'\(first.name.visible)' is at \(first.file):\(first.line):\(first.column)", note])
    }
}
