import Templates

/// The `quotations` filter's work: plain text with each “…” in it marked up as a quotation of a source,
/// `<q data-source="source">…</q>` (the marks dropped: the browser draws them, `q`'s `quotes`), everything else
/// HTML-escaped. A page's Markdown writes `<q data-source>` itself; front-matter text (a summary, a title, a table
/// cell) gets the same markup through this filter, so that every quotation a page shows can be found and checked
/// against the source's text.
enum QuotationMarkup {
    static func markUp(_ text: String, source: String) -> String {
        var html = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "“") {
            let inside = rest[rest.index(after: open)...]
            guard let close = inside.firstIndex(of: "”") else { break }
            html += HTMLEscaper.escape(String(rest[..<open]))
            html += "<q data-source=\"\(HTMLEscaper.escape(source))\">\(HTMLEscaper.escape(String(inside[..<close])))</q>"
            rest = inside[inside.index(after: close)...]
        }
        return html + HTMLEscaper.escape(String(rest))
    }
}
