import Testing
@testable import Templates

/// `JSONWriter` escapes strings on their UTF-8 bytes; written scalar by scalar and unit by unit (as Python's
/// `json.dumps` with `ensure_ascii` describes it, and as the writer once did), the escape must be the same.
struct JSONWriterEscapeTests {
    private static func reference(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x08: out += "\\b"
            case 0x0C: out += "\\f"
            case 0x3C: out += "\\u003c"
            case 0x3E: out += "\\u003e"
            case 0x26: out += "\\u0026"
            case 0x27: out += "\\u0027"
            case 0x20..<0x7F: out.unicodeScalars.append(scalar)
            default:
                for unit in scalar.utf16 {
                    let hex = String(unit, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
            }
        }
        return out + "\""
    }

    static let pieces = ["a", " ", "\"", "\\", "\n", "\r", "\t", "\u{8}", "\u{C}", "<", ">", "&", "'", "\u{0}", "\u{1F}", "\u{7F}",
                         "\u{80}", "é", "\u{7FF}", "\u{800}", "—", "马斯克", "\u{FFFF}", "\u{10000}", "😀", "🇨🇳", "e\u{301}", "\u{2028}"]

    @Test func escapesAsTheScalarByScalarWriterDid() {
        var state: UInt64 = 42
        for _ in 0..<3000 {
            var text = ""
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for step in 0..<Int(state >> 60) {
                text += Self.pieces[Int((state >> UInt64(4 * step % 56)) % UInt64(Self.pieces.count))]
            }
            #expect(JSONWriter.write(.string(text), sortKeys: false, indent: nil) == Self.reference(text), "\(Array(text.unicodeScalars))")
        }
    }
}
