/// Collects the text of a subtree and collapses its whitespace: what a reader sees, without markup.
///
/// The result is exactly `text.split(whereSeparator: \.isWhitespace).joined(separator: " ")` on the
/// concatenated literals, computed faster. An ASCII text (most headings and excerpts of an English
/// site) is collapsed on its bytes, where the six whitespace bytes are the only whitespace characters.
/// Once a literal holds any other byte, the text is kept as a `String` and collapsed per `Character`,
/// so a space followed by a combining mark stays one (whitespace) grapheme as before; only ASCII
/// characters skip `Character.isWhitespace`, whose Unicode property lookup dominated the old profile.
struct PlainText {
    private var bytes: [UInt8] = []
    /// Set from the first non-ASCII literal on; `bytes` is then no longer used.
    private var unicode: String?

    /// Appends one literal, decoded like `String(cString:)` (invalid UTF-8 repaired).
    mutating func append(_ literal: UnsafeBufferPointer<UInt8>) {
        if unicode == nil, String.isAllASCII(literal) {
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

    /// The ASCII members of Unicode's White_Space: tab, line feed, vertical tab, form feed, carriage return, space.
    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }
}
