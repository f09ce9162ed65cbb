import Foundation

/// A document's distinct terms with the fields each occurs in, as `SearchText.terms(_:into:)` cuts them.
///
/// While every term is plain, terms are told apart by their bytes (which for plain terms is what `String`'s
/// equality says) in a table of their own: each term's bytes are hashed once (FNV-1a, the `PlainTerm`
/// fingerprint), looked up by that number, and copied into a `String` only the first time they are met. The
/// first term that is not plain moves them all to a dictionary keyed by `String`, as `SearchDocument.terms()`
/// always did.
struct SearchTermTable: SearchTermSink {
    /// The field the terms being taken are in (`SearchDocument.Field` bits).
    var field: UInt8 = 0

    private struct Entry {
        let fingerprint: UInt64
        let prefix: UInt64
        let text: String
        var fields: UInt8
    }

    private var entries: [Entry] = []
    private var slots: TermSlots
    private var other: [String: UInt8]?

    init(expectedTerms: Int) {
        slots = TermSlots(capacity: expectedTerms)
        entries.reserveCapacity(expectedTerms)
    }

    mutating func take(_ term: UnsafeBufferPointer<UInt8>, plain: Bool) {
        if other == nil {
            if plain {
                takePlain(term)
                return
            }
            other = Dictionary(uniqueKeysWithValues: entries.map { ($0.text, $0.fields) })
        }
        other![String(decoding: term, as: UTF8.self), default: 0] |= field
    }

    private mutating func takePlain(_ term: UnsafeBufferPointer<UInt8>) {
        let (fingerprint, prefix) = PlainTerm.fingerprintAndPrefix(of: term)
        let found = entries.withUnsafeBufferPointer { entries in
            slots.number(of: fingerprint, isSame: { entries[$0].fingerprint == fingerprint && Self.same(entries[$0].text, term) },
                         orAdd: entries.count, fingerprintOf: { entries[$0].fingerprint })
        }
        if let found {
            entries[found].fields |= field
        } else {
            entries.append(Entry(fingerprint: fingerprint, prefix: prefix, text: String(decoding: term, as: UTF8.self), fields: field))
        }
    }

    private static func same(_ text: String, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            bytes.count == term.count && (bytes.count == 0 || memcmp(bytes.baseAddress!, term.baseAddress!, bytes.count) == 0)
        }
    }

    /// Every distinct term, in no particular order.
    var terms: [SearchTerm] {
        if let other {
            return other.map { SearchTerm(text: $0.key, key: SearchText.isPlain($0.key) ? PlainTerm($0.key) : nil, fields: $0.value) }
        }
        return entries.map { entry in
            SearchTerm(text: entry.text, key: PlainTerm(text: entry.text, fingerprint: entry.fingerprint, prefix: entry.prefix),
                       fields: entry.fields)
        }
    }
}
