/// What the search index keeps of one page: the fields it matches against and what a result shows.
struct SearchDocument: Sendable {
    /// Site path, "/timeline/openai-founded/".
    var url: String
    var title: String
    /// The collection's display title ("Timeline"), or nil for a page outside collections.
    var collection: String?
    /// The date as the site prints it ("December 2015"), or "".
    var date: String
    var summary: String
    var headings: [String]
    /// The body as plain text ("" when the site indexes only titles, headings and summaries).
    var body: String

    /// Where a term was found, as bits: a title hit outranks a heading hit, which outranks the rest.
    enum Field: UInt8 {
        case body = 1, summary = 2, heading = 4, title = 8
    }

    /// Every term of the page with the fields it occurs in.
    func terms() -> [String: UInt8] {
        var found: [String: UInt8] = [:]
        func add(_ text: String, _ field: Field) {
            SearchText.terms(text) { found[$0, default: 0] |= field.rawValue }
        }
        add(title, .title)
        for heading in headings { add(heading, .heading) }
        add(summary, .summary)
        if let collection { add(collection, .summary) }
        add(body, .body)
        return found
    }
}
