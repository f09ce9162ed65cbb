/// Replaces HTML character references with the characters they stand for (Python's `html.unescape`,
/// for numeric references and the named ones that occur in practice).
enum HTMLUnescaper {
    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "copy": "©", "reg": "®",
        "trade": "™", "hellip": "…", "mdash": "—", "ndash": "–", "lsquo": "‘", "rsquo": "’", "ldquo": "“",
        "rdquo": "”", "laquo": "«", "raquo": "»", "middot": "·", "bull": "•", "deg": "°", "times": "×",
        "divide": "÷", "euro": "€", "pound": "£", "yen": "¥", "cent": "¢", "sect": "§", "para": "¶",
        "eacute": "é", "egrave": "è", "aacute": "á", "agrave": "à", "ouml": "ö", "uuml": "ü", "auml": "ä",
        "szlig": "ß", "ccedil": "ç", "ntilde": "ñ", "iexcl": "¡", "iquest": "¿", "shy": "\u{AD}",
        "larr": "←", "rarr": "→", "uarr": "↑", "darr": "↓", "hyphen": "‐", "thinsp": "\u{2009}",
        "ensp": "\u{2002}", "emsp": "\u{2003}", "zwj": "\u{200D}", "zwnj": "\u{200C}",
    ]

    /// Copies the text's bytes in runs between references (appending it scalar by scalar to a `String` cost
    /// a hundred times as much, on every `striptags`).
    static func unescape(_ text: String) -> String {
        // memchr: a generic `contains` over the UTF-8 view cost seven instructions a byte, on every `striptags`.
        guard ByteSearch.firstOffset(of: "&", in: text) != nil else { return text }
        var text = text
        return text.withUTF8 { bytes in
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var copied = 0  // the bytes before this are in `result`, or were a reference it holds decoded
            var index = 0
            while index < bytes.count {
                guard bytes[index] == UInt8(ascii: "&") else {
                    index += 1
                    continue
                }
                // The reference: at most 32 scalars, up to a `;`, `&` or space.
                var end = index + 1
                var scalars = 0
                while end < bytes.count, scalars < 32 {
                    let byte = bytes[end]
                    if byte == UInt8(ascii: ";") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: " ") { break }
                    end += byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
                    scalars += 1
                }
                if end < bytes.count, bytes[end] == UInt8(ascii: ";"),
                   let decoded = decode(String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end]), as: UTF8.self)) {
                    result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
                    result.append(contentsOf: decoded.utf8)
                    index = end + 1
                    copied = index
                } else {
                    index += 1
                }
            }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// The same, scalar by scalar: the rule `unescape` keeps to (the tests hold the two to the same results).
    static func unescapeByScalars(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var result = ""
        var scalars = Substring(text).unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            guard scalar == "&" else {
                result.unicodeScalars.append(scalar)
                continue
            }
            let reference = String(String.UnicodeScalarView(scalars.prefix(while: { $0 != ";" && $0 != "&" && $0 != " " }).prefix(32)))
            let terminated = scalars.dropFirst(reference.unicodeScalars.count).first == ";"
            if terminated, let decoded = decode(reference) {
                result += decoded
                scalars = scalars.dropFirst(reference.unicodeScalars.count + 1)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func decode(_ reference: String) -> String? {
        if reference.hasPrefix("#") {
            let digits = reference.dropFirst()
            let code: UInt32?
            if digits.first == "x" || digits.first == "X" {
                code = UInt32(digits.dropFirst(), radix: 16)
            } else {
                code = UInt32(digits)
            }
            guard let code, let scalar = Unicode.Scalar(code), code != 0 else { return "\u{FFFD}" }
            return String(scalar)
        }
        return named[reference]
    }
}
