/// Orders a collection's pages by its configured key.
///
/// Pages that lack the key come last in either direction (an undated event is not "the oldest");
/// ties, and pages lacking the key, are ordered by slug then source path, so the order never
/// depends on the file system or on parallel parsing.
enum CollectionSorter {
    /// A sortable view of one value; values of different kinds order by kind.
    private enum Key: Comparable {
        case number(Double)
        case date(PartialDate)
        case text(String, String)
        case flag(Bool)

        static func < (lhs: Key, rhs: Key) -> Bool {
            switch (lhs, rhs) {
            case let (.number(a), .number(b)): return a < b
            case let (.date(a), .date(b)): return a < b
            case let (.text(a, originalA), .text(b, originalB)): return (a, originalA) < (b, originalB)
            case let (.flag(a), .flag(b)): return !a && b
            default: return lhs.rank < rhs.rank
            }
        }

        private var rank: Int {
            switch self {
            case .number: return 0
            case .date: return 1
            case .text: return 2
            case .flag: return 3
            }
        }
    }

    static func sort(_ indices: [Int], of pages: [Page], by config: CollectionConfig) -> [Int] {
        let keyed = indices.map { (index: $0, key: key(of: pages[$0], sortBy: config.sortBy)) }
        return keyed.sorted { a, b in
            switch (a.key, b.key) {
            case let (lhs?, rhs?) where lhs != rhs:
                return config.descending ? rhs < lhs : lhs < rhs
            case (.some, .none): return true
            case (.none, .some): return false
            default:
                let left = pages[a.index], right = pages[b.index]
                return (left.slug, left.source) < (right.slug, right.source)
            }
        }.map(\.index)
    }

    private static func key(of page: Page, sortBy: String) -> Key? {
        switch sortBy {
        case "title": return .text(page.title.lowercased(), page.title)
        case "date":
            // An imprecise date whose place in the story the source does know ("late 2015" after
            // "May 2015") carries a finer `sort_date` used for ordering only, never shown.
            if case .date(let order)? = page["sort_date"]?.value { return .date(order) }
            return page.date.map(Key.date)
        case "slug": return .text(page.slug.lowercased(), page.slug)
        default: break
        }
        switch page[sortBy]?.value {
        case .int(let number): return .number(Double(number))
        case .double(let number) where !number.isNaN: return .number(number)
        case .date(let date): return .date(date)
        case .string(let text): return .text(text.lowercased(), text)
        case .bool(let flag): return .flag(flag)
        default: return nil
        }
    }
}
