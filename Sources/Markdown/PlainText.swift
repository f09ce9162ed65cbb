/// Collects the text of a subtree and collapses its whitespace: what a reader sees, without markup.
///
/// The result is exactly `text.split(whereSeparator: \.isWhitespace).joined(separator: " ")` on the
/// concatenated literals, computed faster. An ASCII text (most headings and excerpts of an English
/// site) is collapsed on its bytes, where the six whitespace bytes are the only whitespace characters.
/// Once a literal holds any other byte, the text is kept as a `String` and collapsed per `Character`,
/// so a space followed by a combining mark stays one (whitespace) grapheme as before; only ASCII
/// characters skip `Character.isWhitespace`, whose Unicode property lookup dominated the old profile.
/// The byte path also takes text whose other scalars are each a character of their own and never whitespace
/// (`isLoneNonSpace`: Han ideographs, CJK and general punctuation, Latin-1 letters and signs), as a Chinese
/// page's excerpts and headings are: there too, the ASCII whitespace bytes are the only whitespace characters.
struct PlainText {
    private var bytes: [UInt8] = []
    /// Set from the first non-ASCII literal on; `bytes` is then no longer used.
    private var unicode: String?

    /// Appends one literal, decoded like `String(cString:)` (invalid UTF-8 repaired).
    mutating func append(_ literal: UnsafeBufferPointer<UInt8>) {
        if unicode == nil, Self.isByteCollapsible(literal) {
            bytes.append(contentsOf: literal)
            return
        }
        var text = unicode ?? String(decoding: bytes, as: UTF8.self)
        text += String(decoding: literal, as: UTF8.self)
        unicode = text
    }

    /// A soft or hard line break, read as a space.
    mutating func appendSpace() {
        if unicode != nil {
            unicode? += " "
        } else {
            bytes.append(UInt8(ascii: " "))
        }
    }

    /// The text, runs of whitespace replaced by one space, none at either end.
    var collapsed: String {
        if let unicode { return Self.collapse(unicode) }
        // Written straight into the new string's storage: appending to an array byte by byte cost several
        // times the loop itself.
        return bytes.withUnsafeBufferPointer { input in
            String(unsafeUninitializedCapacity: input.count) { output in
                var count = 0
                var pendingSpace = false
                for byte in input {
                    if Self.isASCIIWhitespace(byte) {
                        pendingSpace = count > 0
                    } else {
                        if pendingSpace {
                            output[count] = UInt8(ascii: " ")
                            count += 1
                        }
                        pendingSpace = false
                        output[count] = byte
                        count += 1
                    }
                }
                return count
            }
        }
    }

    private static func collapse(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text {
            // `asciiValue` is also set for "\r\n" (as "\n"): whitespace either way.
            let isWhitespace = character.asciiValue.map(isASCIIWhitespace) ?? character.isWhitespace
            if isWhitespace {
                pendingSpace = !output.isEmpty
            } else {
                if pendingSpace { output.append(" ") }
                pendingSpace = false
                output.append(character)
            }
        }
        return output
    }

    /// Whether `bytes` is valid UTF-8 in which every scalar is ASCII or `isLoneNonSpace`.
    static func isByteCollapsible(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let value: UInt32
            if lead & 0xE0 == 0xC0, index + 1 < count, bytes[index + 1] & 0xC0 == 0x80 {
                value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                if value < 0x80 { return false }
                index += 2
            } else if lead & 0xF0 == 0xE0, index + 2 < count, bytes[index + 1] & 0xC0 == 0x80, bytes[index + 2] & 0xC0 == 0x80 {
                value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                if value < 0x800 { return false }
                index += 3
            } else {
                return false
            }
            if !isLoneNonSpace(value) { return false }
        }
        return true
    }

    /// Scalars that are never whitespace and never join a neighbour in one character (no marks, joiners,
    /// spaces, line separators or format controls): Latin-1's signs and letters after its no-break space,
    /// general punctuation but its spaces and controls, CJK punctuation but the ideographic space and the
    /// tone marks, and the two main blocks of Han ideographs.
    static func isLoneNonSpace(_ value: UInt32) -> Bool {
        switch value {
        case 0xA1...0xAC, 0xAE...0xFF: true
        case 0x2010...0x2027, 0x2030...0x205E: true
        case 0x3001...0x3029, 0x3030...0x303F: true
        case 0x3400...0x4DBF, 0x4E00...0x9FFF: true
        case 0xFF01...0xFF5E: true
        default: false
        }
    }

    /// The ASCII members of Unicode's White_Space: tab, line feed, vertical tab, form feed, carriage return, space.
    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }
}
