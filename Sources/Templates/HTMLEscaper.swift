/// HTML escaping exactly as MarkupSafe does it.
///
/// Jinja's autoescape calls `markupsafe.escape`, which replaces five characters and nothing else;
/// matching it byte for byte keeps our output identical to Jinja's.
enum HTMLEscaper {
    static func escape(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case 0x26: bytes.append(contentsOf: "&amp;".utf8)
            case 0x3C: bytes.append(contentsOf: "&lt;".utf8)
            case 0x3E: bytes.append(contentsOf: "&gt;".utf8)
            case 0x22: bytes.append(contentsOf: "&#34;".utf8)
            case 0x27: bytes.append(contentsOf: "&#39;".utf8)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `markupsafe.escape(value)`: safe values pass through, everything else is stringified and escaped.
    static func markup(_ value: Value) -> String {
        if case .safe(let html) = value { return html }
        return escape(value.pythonString)
    }
}
