/// HTML escaping exactly as MarkupSafe does it.
///
/// Jinja's autoescape calls `markupsafe.escape`, which replaces five characters and nothing else;
/// matching it byte for byte keeps our output identical to Jinja's.
public enum HTMLEscaper {
    /// `markupsafe.escape(text)` as a string; the site's own HTML (image markup) escapes with it too.
    public static func escape(_ text: String) -> String {
        // Over the string's buffer: iterating the UTF-8 view itself cost several times more.
        var text = text
        guard text.withUTF8({ $0.contains(where: needsEscape) }) else { return text }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(text.utf8.count + 16)
        appendEscaped(text, to: &escaped)
        return String(decoding: escaped, as: UTF8.self)
    }

    @inline(__always)
    static func needsEscape(_ byte: UInt8) -> Bool {
        // The five bytes are all below 0x40: one comparison and one bit test instead of five comparisons,
        // on every byte of every escaped string of every page.
        // Bit `b` is set for each byte `b` escaped: `"` (0x22), `&` (0x26), `'` (0x27), `<` (0x3C), `>` (0x3E).
        let escaped: UInt64 = 1 << 0x22 | 1 << 0x26 | 1 << 0x27 | 1 << 0x3C | 1 << 0x3E
        return byte < 0x40 && (escaped >> UInt64(byte)) & 1 != 0
    }

    /// Appends `markupsafe.escape(value)` to `output`: what `markup` returns, without making it a string first.
    static func appendMarkup(_ value: Value, to output: inout [UInt8]) {
        switch value {
        case .safe(let html): output.append(contentsOf: html.utf8)
        case .string(let text): appendEscaped(text, to: &output)
        default: appendEscaped(value.pythonString, to: &output)
        }
    }

    private static func appendEscaped(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendEscaped($0, to: &output) }
    }

    /// Appends `markupsafe.escape` of the UTF-8 `bytes` to `output`: for a site's filter that builds markup
    /// from parts of a string's bytes (`quotations`) without making a string of each part first.
    public static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var start = 0
        for (index, byte) in bytes.enumerated() where needsEscape(byte) {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            switch byte {
            case 0x26: output.append(contentsOf: "&amp;".utf8)
            case 0x3C: output.append(contentsOf: "&lt;".utf8)
            case 0x3E: output.append(contentsOf: "&gt;".utf8)
            case 0x22: output.append(contentsOf: "&#34;".utf8)
            default: output.append(contentsOf: "&#39;".utf8)
            }
            start = index + 1
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
    }

    /// `markupsafe.escape(value)`: safe values pass through, everything else is stringified and escaped.
    static func markup(_ value: Value) -> String {
        if case .safe(let html) = value { return html }
        return escape(value.pythonString)
    }
}
