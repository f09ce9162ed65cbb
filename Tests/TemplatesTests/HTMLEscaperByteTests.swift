import Testing
@testable import Templates

/// `HTMLEscaper` decides which bytes to escape with a bit mask: every byte value must still get exactly
/// MarkupSafe's five replacements, and nothing else may change.
struct HTMLEscaperByteTests {
    /// MarkupSafe's rule, spelled the slow way.
    private static func reference(_ text: String) -> String {
        var result = ""
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&#34;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    @Test func everyASCIIByteIsEscapedAsMarkupSafeDoes() {
        for byte in UInt8(0)..<0x80 {
            let text = "a" + String(UnicodeScalar(byte)) + "b"
            #expect(HTMLEscaper.escape(text) == Self.reference(text), "byte \(byte)")
            #expect(HTMLEscaper.needsEscape(byte) == (Self.reference(String(UnicodeScalar(byte))) != String(UnicodeScalar(byte))),
                    "byte \(byte)")
        }
    }

    @Test func bytesOfOtherCharactersAreNeverEscaped() {
        // Scalars whose UTF-8 bytes, taken modulo 64, land on the escaped bytes' bits.
        let text = "\u{A2}\u{A6}\u{E6}\u{FC}\u{FE}\u{2026}\u{1F600}<&>"
        #expect(HTMLEscaper.escape(text) == Self.reference(text))
        for byte in UInt8(0x80)...0xFF { #expect(!HTMLEscaper.needsEscape(byte), "byte \(byte)") }
    }
}
