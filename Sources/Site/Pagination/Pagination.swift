/// Splitting a list into numbered pages.
enum Pagination {
    /// The pagers of a list of `itemCount` items at `size` a page (nil: one page, no `paginator`).
    static func pagers(itemCount: Int, size: Int?, baseURL: String) -> [Pager?] {
        // A list page with a permalink to a file (`/feed.json`) has no folder to number pages in.
        guard let size, baseURL.hasSuffix("/") else { return [nil] }
        let total = Pager.pageCount(itemCount: itemCount, size: size)
        return (1...total).map { Pager(number: $0, total: total, size: size, itemCount: itemCount, baseURL: baseURL) }
    }

    /// `<list>/page/1/` leads to the list itself, for people who write the first page's URL by analogy.
    static func redirects(for pagers: [Pager?]) -> [(from: String, to: String)] {
        guard let first = pagers.first, let pager = first else { return [] }
        return [(Pager.url(of: 1, baseURL: pager.baseURL) + "page/1/", pager.baseURL)]
    }
}
