import Foundation

/// The ledger check's comparisons on UTF-8 bytes, for text in which every scalar is a character of its own
/// (`QuotationScanner.isOneScalarPerCharacter`): such text is in NFC, so Foundation's and `String`'s searches,
/// which match canonically equivalent text, find exactly the places where the bytes match, each at a character
/// boundary. Each function returns nil for any other text, which the character-level versions handle.
/// `LedgerBytesTests` compares them with those.
extension LedgerCheck {
    static func isOneScalarPerCharacter(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { QuotationScanner.isOneScalarPerCharacter($0) }
    }

    /// `normalized(text)`, when `text` is one scalar per character and lower-casing changes none of its
    /// non-ASCII scalars.
    static func byteNormalized(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard QuotationScanner.isOneScalarPerCharacter(bytes) else { return nil }
            var words: [UInt8] = []
            words.reserveCapacity(bytes.count)
            var pendingSpace = false
            var index = 0
            while index < bytes.count {
                guard let (value, length) = QuotationScanner.decode(bytes, at: index), let scalar = Unicode.Scalar(value) else { return nil }
                defer { index += length }
                if value < 0x80 {
                    let byte = UInt8(value)
                    if (0x09...0x0D).contains(byte) || byte == 0x20 {
                        pendingSpace = !words.isEmpty
                        continue
                    }
                    if pendingSpace { words.append(0x20); pendingSpace = false }
                    words.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte)
                    continue
                }
                if scalar.properties.changesWhenLowercased { return nil }
                if scalar.properties.isWhitespace {
                    pendingSpace = !words.isEmpty
                    continue
                }
                if pendingSpace { words.append(0x20); pendingSpace = false }
                if value == 0x2019 {  // ’ as '
                    words.append(UInt8(ascii: "'"))
                } else {
                    words.append(contentsOf: bytes[index..<(index + length)])
                }
            }
            // Trimmed: the edges' punctuation and spaces, scalar by scalar from each end.
            var start = 0
            var end = words.count
            while start < end, let length = edgeLength(words, at: start) { start += length }
            while start < end, let length = edgeLengthBefore(words, end: end) { end -= length }
            return String(decoding: words[start..<end], as: UTF8.self)
        }
    }

    /// The scalars `normalized` trims (besides white space, gone by then): as UTF-8.
    private static let edgeScalars: [[UInt8]] = " .,;:!?…'\"“”‘’()".unicodeScalars.map { Array(String($0).utf8) }

    private static func edgeLength(_ bytes: [UInt8], at start: Int) -> Int? {
        for edge in edgeScalars where bytes.count - start >= edge.count && bytes[start..<(start + edge.count)].elementsEqual(edge) {
            return edge.count
        }
        return nil
    }

    private static func edgeLengthBefore(_ bytes: [UInt8], end: Int) -> Int? {
        for edge in edgeScalars where end >= edge.count && bytes[(end - edge.count)..<end].elementsEqual(edge) {
            return edge.count
        }
        return nil
    }

    /// `containsWords(needle, in: haystack)` on bytes; nil when either is not one scalar per character, or the
    /// needle is empty.
    static func byteContainsWords(_ needle: String, in haystack: String) -> Bool? {
        var (needle, haystack) = (needle, haystack)
        return needle.withUTF8 { wanted -> Bool? in
            haystack.withUTF8 { text -> Bool? in
                guard !wanted.isEmpty, QuotationScanner.isOneScalarPerCharacter(wanted), QuotationScanner.isOneScalarPerCharacter(text) else {
                    return nil
                }
                var start = 0
                while let found = firstOffset(of: wanted, in: text, from: start) {
                    let end = found + wanted.count
                    if !isWordCharacter(before: found, in: text) && !isWordCharacter(at: end, in: text) { return true }
                    start = found + scalarLength(text[found])
                }
                return false
            }
        }
    }

    /// `haystack.contains(needle)` on bytes; nil when either is not one scalar per character, or the needle is
    /// empty.
    static func byteContains(_ haystack: String, _ needle: String) -> Bool? {
        var (needle, haystack) = (needle, haystack)
        return needle.withUTF8 { wanted -> Bool? in
            haystack.withUTF8 { text -> Bool? in
                // An empty needle is left to `contains`, whose answer depends on whose `contains` it is.
                guard !wanted.isEmpty, QuotationScanner.isOneScalarPerCharacter(wanted), QuotationScanner.isOneScalarPerCharacter(text) else {
                    return nil
                }
                return firstOffset(of: wanted, in: text, from: 0) != nil
            }
        }
    }

    private static func scalarLength(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// Where `needle` next occurs in `text` at or after `start` (an offset where a scalar starts).
    private static func firstOffset(of needle: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard !needle.isEmpty, let wanted = needle.baseAddress, let base = text.baseAddress else { return nil }
        var start = start
        while start + needle.count <= text.count {
            guard let found = memchr(base + start, Int32(wanted[0]), text.count - needle.count - start + 1) else { return nil }
            let candidate = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            // A match of whole scalars: the needle starts with a lead byte, and UTF-8 never repeats one inside a scalar.
            if memcmp(base + candidate, wanted, needle.count) == 0 { return candidate }
            start = candidate + 1
        }
        return nil
    }

    /// Whether the character just before `offset` is a letter or a digit (`Character.isLetter || isNumber`).
    private static func isWordCharacter(before offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard offset > 0 else { return false }
        var start = offset - 1
        while start > 0 && text[start] & 0xC0 == 0x80 { start -= 1 }
        return isWordCharacter(at: start, in: text)
    }

    private static func isWordCharacter(at offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard offset < text.count, let (value, _) = QuotationScanner.decode(text, at: offset), let scalar = Unicode.Scalar(value) else {
            return false
        }
        let character = Character(scalar)
        return character.isLetter || character.isNumber
    }
}
