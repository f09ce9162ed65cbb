/// Percent-encoding as Jinja's `urlencode` does it (Python's `urllib.parse.quote`).
enum URLEncoder {
    /// Quotes UTF-8 bytes, leaving letters, digits, `_.-~` (and `/` unless `forQuery`) alone;
    /// in query mode spaces become `+`.
    static func quote(_ text: String, forQuery: Bool) -> String {
        var result = ""
        for byte in text.utf8 {
            let isUnreserved = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "~")
                || (!forQuery && byte == UInt8(ascii: "/"))
            if isUnreserved {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else if forQuery && byte == 0x20 {
                result += "+"
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }
}
