import Foundation

/// What the search index keeps of one page: the fields it matches against and what a result shows.
struct SearchDocument: Sendable, Equatable {
    /// Site path, "/timeline/openai-founded/".
    var url: String
    var title: String
    /// The collection's display title ("Timeline"), or nil for a page outside collections.
    var collection: String?
    /// The date as the site prints it ("December 2015"), or "".
    var date: String
    var summary: String
    var headings: [String]
    /// The titles of the pages it names in relations (`people: [sam-altman]` → "Sam Altman"), which its
    /// template shows: found like its summary.
    var related: [String] = []
    /// The body as plain text ("" when the site indexes only titles, headings and summaries).
    var body: String

    /// Where a term was found, as bits: a title hit outranks a heading hit, which outranks the rest.
    enum Field: UInt8 {
        case body = 1, summary = 2, heading = 4, title = 8
    }

    /// Every term of the page with the fields it occurs in, in no particular order, and whether it is plain
    /// (`SearchText.terms(_:plain:)`).
    ///
    /// While every term is plain they are told apart by their bytes (`PlainTerm`), which for such terms is what
    /// `String`'s equality says, without normalising a Chinese page's thousands of bigrams to hash them; the
    /// first term that is not moves them all to a dictionary keyed by `String`.
    func terms() -> [SearchTerm] {
        // Distinct terms are far fewer than bytes: room for most pages' without growing (a Chinese page's
        // bigrams are three bytes a character).
        var table = SearchTermTable(expectedTerms: (title.utf8.count + summary.utf8.count + body.utf8.count) / 8 + 16)
        func add(_ text: String, _ field: Field) {
            table.field = field.rawValue
            SearchText.terms(text, into: &table)
        }
        add(title, .title)
        for heading in headings { add(heading, .heading) }
        add(summary, .summary)
        if let collection { add(collection, .summary) }
        for title in related { add(title, .summary) }
        add(body, .body)
        return table.terms
    }
}

/// One term of a document and the fields it occurs in (`SearchDocument.Field` bits).
struct SearchTerm: Sendable {
    let text: String
    /// For a plain term (ASCII and Han ideographs only, `SearchText.isPlainScalar`), the key that compares and
    /// hashes it by its bytes; nil for any other.
    let key: PlainTerm?
    let fields: UInt8

    var isPlain: Bool { key != nil }
}

/// A plain term (`SearchText.terms(_:plain:)`) as a dictionary key: equal and hashed by its UTF-8 bytes, which for
/// plain terms agrees with `String`'s canonical equivalence, at a fraction of its cost outside ASCII. It keeps an
/// FNV-1a fingerprint of its bytes, so that the keys a lookup passes on its way are told apart without
/// comparing their bytes, and its first eight bytes as a number, which order most pairs of terms at once.
struct PlainTerm: Hashable, Sendable {
    let text: String
    let fingerprint: UInt64
    /// The first eight bytes, big-endian, zeros after a shorter term (no term holds a zero byte).
    let prefix: UInt64

    init(_ text: String) {
        self.text = text
        var bytes = text
        (fingerprint, prefix) = bytes.withUTF8 { Self.fingerprintAndPrefix(of: $0) }
    }

    /// A term whose fingerprint and prefix were worked out from its bytes (`fingerprintAndPrefix(of:)`).
    init(text: String, fingerprint: UInt64, prefix: UInt64) {
        self.text = text
        self.fingerprint = fingerprint
        self.prefix = prefix
    }

    /// FNV-1a over the bytes, and the first eight of them, big-endian.
    static func fingerprintAndPrefix(of bytes: UnsafeBufferPointer<UInt8>) -> (fingerprint: UInt64, prefix: UInt64) {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        var prefix: UInt64 = 0
        for (position, byte) in bytes.enumerated() {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
            if position < 8 { prefix |= UInt64(byte) << (56 - 8 * position) }
        }
        return (hash, prefix)
    }

    /// Equal bytes; for plain terms, `String`'s `==` says the same, and at once for the short strings most are.
    static func == (left: PlainTerm, right: PlainTerm) -> Bool {
        left.fingerprint == right.fingerprint && left.text == right.text
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(fingerprint)
    }

    /// Whether `left`'s bytes sort before `right`'s: `String`'s `<`, for plain terms.
    static func precedes(_ left: PlainTerm, _ right: PlainTerm) -> Bool {
        if left.prefix != right.prefix { return left.prefix < right.prefix }
        var (left, right) = (left.text, right.text)
        return left.withUTF8 { first in
            right.withUTF8 { second in
                let common = min(first.count, second.count)
                if common > 0, let a = first.baseAddress, let b = second.baseAddress {
                    let order = memcmp(a, b, common)
                    if order != 0 { return order < 0 }
                }
                return first.count < second.count
            }
        }
    }
}
