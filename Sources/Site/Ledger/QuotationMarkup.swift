import Templates

/// The `quotations` filter's work: plain text with each “…” in it marked up as a quotation of a source,
/// `<q data-source="source">…</q>` (the marks dropped: the browser draws them, `q`'s `quotes`), everything else
/// HTML-escaped. A page's Markdown writes `<q data-source>` itself; front-matter text (a summary, a title, a table
/// cell) gets the same markup through this filter, so that every quotation a page shows can be found and checked
/// against the source's text.
///
/// It runs on every title and summary a Chinese page shows (thousands a build), so the marks are found in the
/// text's bytes; a mark that a neighbouring scalar could join into a larger character (a combining mark after
/// it) sends the text to `markUpByCharacters`, the rule itself, which the bytes must agree with.
enum QuotationMarkup {
    static func markUp(_ text: String, source: String) -> String {
        var text = text
        switch text.withUTF8({ markUpBytes($0, source: source) }) {
        case .noMarks: return HTMLEscaper.escape(text)  // most text: nothing to mark up, and the string kept when nothing needs escaping
        case .markedUp(let html): return html
        case .undecided: return markUpByCharacters(text, source: source)
        }
    }

    private enum Outcome {
        case noMarks
        case markedUp(String)
        /// A mark that a neighbouring scalar may join into a larger character: the rule by characters decides.
        case undecided
    }

    /// “ and ” in UTF-8.
    private static let opening: (UInt8, UInt8, UInt8) = (0xE2, 0x80, 0x9C)
    private static let closing: (UInt8, UInt8, UInt8) = (0xE2, 0x80, 0x9D)

    /// `markUp` over the bytes, unless a mark it meets does not stand alone as a character.
    private static func markUpBytes(_ bytes: UnsafeBufferPointer<UInt8>, source: String) -> Outcome {
        guard var open = find(opening, in: bytes, from: 0) else { return .noMarks }
        var html: [UInt8] = []
        html.reserveCapacity(bytes.count + 64)
        let attribute = Array(("<q data-source=\"" + HTMLEscaper.escape(source) + "\">").utf8)
        var rest = 0
        while true {
            guard ClusterBoundaries.standsAlone(open, open + 3, in: bytes) else { return .undecided }
            guard let close = find(closing, in: bytes, from: open + 3) else { break }
            guard ClusterBoundaries.standsAlone(close, close + 3, in: bytes) else { return .undecided }
            HTMLEscaper.appendEscaped(UnsafeBufferPointer(rebasing: bytes[rest..<open]), to: &html)
            html.append(contentsOf: attribute)
            HTMLEscaper.appendEscaped(UnsafeBufferPointer(rebasing: bytes[(open + 3)..<close]), to: &html)
            html.append(contentsOf: "</q>".utf8)
            rest = close + 3
            guard let next = find(opening, in: bytes, from: rest) else { break }
            open = next
        }
        HTMLEscaper.appendEscaped(UnsafeBufferPointer(rebasing: bytes[rest...]), to: &html)
        return .markedUp(String(decoding: html, as: UTF8.self))
    }

    /// Where the three bytes `mark` start in `bytes`, at or after `start`.
    private static func find(_ mark: (UInt8, UInt8, UInt8), in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index + 2 < bytes.count {
            if bytes[index] == mark.0, bytes[index + 1] == mark.1, bytes[index + 2] == mark.2 { return index }
            index += 1
        }
        return nil
    }

    /// The rule, by characters: what `markUp` returns for every text.
    static func markUpByCharacters(_ text: String, source: String) -> String {
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
