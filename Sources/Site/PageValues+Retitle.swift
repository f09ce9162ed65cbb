import Content
import Templates

extension PageValues {
    /// Whether new titles of the pages at `indices` reach the values only through their own refs and cards (and
    /// the mappings that hold them): on a one-language site (where no page has versions, `translations` is empty)
    /// no page of them describes a taxonomy or a term, whose values copy its title as a string.
    static func retitles(_ indices: [Int], in editions: [ContentSet]) -> Bool {
        guard editions.count == 1, let content = editions.first else { return false }
        let described = Set(content.taxonomies.flatMap { taxonomy in
            [taxonomy.indexPage].compactMap { $0 } + taxonomy.terms.compactMap(\.description)
        })
        return indices.allSatisfy { !described.contains($0) }
    }

    /// These values (a one-language site's, `retitles`) with the titles the pages at `indices` have in `content`
    /// now: each one's ref and card with its new `title`, and every tagged mapping that holds one of them, or a
    /// mapping that does, made again with the new one in (`Substitution`), each tag once; the rest shared as it
    /// was. `changed` receives every mapping made again, by tag, for the origin table (`OriginTable.replace`).
    func retitled(_ indices: [Int], content: ContentSet, changed: inout [UInt32: OrderedDictionary]) -> PageValues {
        var substitution = Substitution()
        var refs = self.refs
        for index in indices {
            guard case .dictionary(var ref) = refs[index] else { continue }
            ref["title"] = .string(content.pages[index].title)
            substitution.done[ref.origin] = ref
            refs[index] = .dictionary(ref)
        }
        for index in indices {
            guard case .dictionary(var card) = cards[index] else { continue }
            card["title"] = .string(content.pages[index].title)
            substitution.done[card.origin] = substitution.inside(card) ?? card
        }
        let cards = self.cards.map { substitution.apply($0) ?? $0 }
        let values = PageValues(refs: refs, cards: cards, collections: substitution.apply(collections) ?? collections,
                                site: substitution.apply(site) ?? site, taxonomies: substitution.apply(taxonomies) ?? taxonomies,
                                taxonomyTerms: taxonomyTerms.map { $0.map { substitution.apply($0) ?? $0 } },
                                neighbours: neighbours, listMembers: listMembers)
        for (origin, mapping) in substitution.done { if let mapping { changed[origin] = mapping } }
        return values
    }

    init(refs: [Value], cards: [Value], collections: Value, site: Value, taxonomies: Value, taxonomyTerms: [[Value]],
         neighbours: [(members: [Int], position: Int)?], listMembers: [Int: [Int]]) {
        self.refs = refs
        self.cards = cards
        self.collections = collections
        self.site = site
        self.taxonomies = taxonomies
        self.taxonomyTerms = taxonomyTerms
        self.neighbours = neighbours
        self.listMembers = listMembers
    }

    /// Values with some tagged mappings replaced: `done` holds, by tag, each mapping's replacement (nil: the same),
    /// so that a mapping held in many places (a card in every list) is walked and made again once.
    struct Substitution {
        var done: [UInt32: OrderedDictionary?] = [:]

        /// `value` with the replacements in; nil when nothing in it changed.
        mutating func apply(_ value: Value) -> Value? {
            switch value {
            case .array(let items):
                var made: [Value]?
                for (position, item) in items.enumerated() {
                    if let new = apply(item) {
                        if made == nil { made = items }
                        made?[position] = new
                    }
                }
                return made.map(Value.array)
            case .dictionary(let mapping):
                let origin = mapping.origin
                if origin != 0, let known = done[origin] { return known.map(Value.dictionary) }
                let made = inside(mapping)
                if origin != 0 { done[origin] = made }
                return made.map(Value.dictionary)
            default:
                return nil
            }
        }

        /// `mapping` with the replacements in its values; nil when none changed. Its tag stays.
        mutating func inside(_ mapping: OrderedDictionary) -> OrderedDictionary? {
            var made: OrderedDictionary?
            for (key, value) in zip(mapping.keys, mapping.values) {
                if let new = apply(value) {
                    if made == nil { made = mapping }
                    made?[key] = new
                }
            }
            return made
        }
    }
}
