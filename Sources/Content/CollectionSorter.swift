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
        let keyed = indices.map { (index: $0, key: key(of: $0, in: pages, sortBy: config.sortBy)) }
        return keyed.sorted { a, b in
            switch (a.key, b.key) {
            case let (lhs?, rhs?) where lhs != rhs:
                return config.descending ? rhs < lhs : lhs < rhs
            case (.some, .none): return true
            case (.none, .some): return false
            default:
                // Fields read in place: copying two whole pages per comparison dominated the sort.
                return (pages[a.index].slug, pages[a.index].source) < (pages[b.index].slug, pages[b.index].source)
            }
        }.map(\.index)
    }

    /// The sort key of `pages[index]`, read in place (a `Page` parameter would be a copy of the whole page).
    private static func key(of index: Int, in pages: [Page], sortBy: String) -> Key? {
        switch sortBy {
        case "title": return .text(pages[index].title.lowercased(), pages[index].title)
        case "date":
            // An imprecise date whose place in the story the source does know ("late 2015" after
            // "May 2015") carries a finer `sort_date` used for ordering only, never shown.
            if case .date(let order)? = pages[index].frontMatter.firstValue(forKey: "sort_date")?.value { return .date(order) }
            return pages[index].date.map(Key.date)
        case "slug": return .text(pages[index].slug.lowercased(), pages[index].slug)
        default: break
        }
        switch pages[index].frontMatter.firstValue(forKey: sortBy)?.value {
        case .int(let number): return .number(Double(number))
        case .double(let number) where !number.isNaN: return .number(number)
        case .date(let date): return .date(date)
        case .string(let text): return .text(text.lowercased(), text)
        case .bool(let flag): return .flag(flag)
        default: return nil
        }
    }
}
