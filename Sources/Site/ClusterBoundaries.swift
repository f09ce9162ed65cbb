/// When a byte-level search in UTF-8 finds what a search by `Character` (or Foundation's) would find.
///
/// Site filters that run thousands of times a build (`quotations`, `t`) look for marks (`“`, `{name}`) in the
/// string's bytes instead of walking its characters. The two agree except where a neighbouring scalar joins the
/// mark into a larger grapheme cluster: a combining mark after it, a prepended one before it. Rather than
/// carry the grapheme rules, a byte-level path accepts only neighbours that never join anything (`isInert`) and
/// hands every other text to the character-level path it replaces, so results stay exactly the same.
enum ClusterBoundaries {
    /// Whether `scalar` is one that a grapheme cluster never extends across: it is neither an extending,
    /// joining or spacing mark (which attach to what precedes them) nor a prepended one (which attaches to
    /// what follows). A conservative list: ASCII and Latin letters, general punctuation (no joiners), CJK
    /// symbols and punctuation, kana, ideographs and full-width forms; anything else is not vouched for.
    static func isInert(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0..<0x300,  // ASCII, Latin-1, Latin Extended, IPA, spacing modifiers: combining marks start at U+0300
             0x2010...0x2027,  // dashes, quotation marks, bullets, ellipsis (not the zero-width joiners before them)
             0x3000...0x3029, 0x3030...0x303F,  // CJK symbols and punctuation (not the tone marks U+302A–302F)
             0x3041...0x3096, 0x309B...0x30FF,  // kana (not the combining sound marks U+3099–309A)
             0x3400...0x4DBF, 0x4E00...0x9FFF,  // CJK ideographs
             0xFF01...0xFF5E:  // full-width forms (not the half-width sound marks U+FF9E–FF9F)
            return true
        default:
            return false
        }
    }

    /// The scalar whose UTF-8 encoding starts at `index` of valid UTF-8 `bytes`, or nil at the end.
    static func scalar(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
        guard index < bytes.count else { return nil }
        let lead = UInt32(bytes[index])
        switch lead {
        case 0..<0x80: return lead
        case 0xC0..<0xE0 where index + 1 < bytes.count:
            return (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
        case 0xE0..<0xF0 where index + 2 < bytes.count:
            return (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
        case 0xF0... where index + 3 < bytes.count:
            return (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
                | UInt32(bytes[index + 3] & 0x3F)
        default:
            return nil
        }
    }

    /// The scalar whose UTF-8 encoding ends just before `index` of valid UTF-8 `bytes`, or nil at the start.
    static func scalar(before index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
        var start = index - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return start >= 0 ? scalar(at: start, in: bytes) : nil
    }

    /// Whether the bytes `start..<end` stand as whole grapheme clusters: what comes before and after them (if
    /// anything) is inert, and so are their own first and last scalars.
    static func standsAlone(_ start: Int, _ end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if let before = scalar(before: start, in: bytes), !isInert(before) { return false }
        if let after = scalar(at: end, in: bytes), !isInert(after) { return false }
        guard end > start, let first = scalar(at: start, in: bytes), let last = scalar(before: end, in: bytes) else { return true }
        return isInert(first) && isInert(last)
    }
}
