import Templates

/// One page of a paginated list: which slice of the items it shows, and where its siblings are.
///
/// Page 1 is the list's own URL (`/timeline/`); page *n* is `<list>/page/<n>/`. Only pages 1 through `total`
/// are ever written, and `<list>/page/1/` is a redirect to the list (`Pagination.redirects`).
struct Pager: Sendable {
    /// 1-based.
    var number: Int
    /// How many pages the list is split into (at least 1, even for an empty list).
    var total: Int
    /// Items per page (`paginate:`).
    var size: Int
    /// How many items the whole list has.
    var itemCount: Int
    /// The list's own site path, page 1: `/timeline/`.
    var baseURL: String

    /// The site path of page `number` of the list at `baseURL`.
    static func url(of number: Int, baseURL: String) -> String {
        number == 1 ? baseURL : baseURL + "page/\(number)/"
    }

    /// How many pages `itemCount` items fill at `size` a page (one page for an empty list).
    static func pageCount(itemCount: Int, size: Int) -> Int {
        max(1, (itemCount + size - 1) / size)
    }

    var url: String { Self.url(of: number, baseURL: baseURL) }

    /// The positions of this page's items in the whole list.
    var range: Range<Int> {
        let start = min((number - 1) * size, itemCount)
        return start..<min(start + size, itemCount)
    }

    /// `paginator` as templates see it (CONTRACT: items, number, total, size, total_items, first_url, last_url,
    /// previous_url, next_url, pages: [{number, url, current}]). URLs are site paths, for `relative_url`.
    func value(items: [Value]) -> Value {
        let slice = range.clamped(to: items.indices)
        return .dictionary(OrderedDictionary([
            ("items", .array(Array(items[slice]))),
            ("number", .int(number)),
            ("total", .int(total)),
            ("size", .int(size)),
            ("total_items", .int(itemCount)),
            ("first_url", .string(Self.url(of: 1, baseURL: baseURL))),
            ("last_url", .string(Self.url(of: total, baseURL: baseURL))),
            ("previous_url", number > 1 ? .string(Self.url(of: number - 1, baseURL: baseURL)) : .none),
            ("next_url", number < total ? .string(Self.url(of: number + 1, baseURL: baseURL)) : .none),
            ("pages", .array((1...total).map { page in
                .dictionary(OrderedDictionary([
                    ("number", .int(page)), ("url", .string(Self.url(of: page, baseURL: baseURL))),
                    ("current", .bool(page == number)),
                ]))
            })),
        ]))
    }
}
