import Testing
@testable import Templates

/// Text helpers that walk a string's UTF-8 bytes, held to the scalar-by-scalar versions they replaced: character
/// references of every shape (named, numeric, hexadecimal, unterminated, longer than 32 scalars, with non-ASCII
/// inside) for `HTMLUnescaper`, and Python's whitespace, ASCII and not, for `collapsingWhitespace`.
@Suite struct ByteLevelTextTests {
    @Test(arguments: 1...6)
    func unescapingByRunsAgreesWithTheScalarRule(seed: Int) {
        let pieces = ["&", "&amp;", "&lt;", "&#39;", "&#x1F600;", "&#0;", "&#xZZ;", "&nbsp;", "&unknown;", "&amp", ";", " ", "a",
                      "é", "年", "&é;", "&#é;", "&" + String(repeating: "b", count: 31) + ";", "&" + String(repeating: "é", count: 32) + ";",
                      "&" + String(repeating: "c", count: 33) + ";", "&&amp;", "🇨🇳", ""]
        var random = SplitMix64(seed: UInt64(seed))
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0..<7, using: &random)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &random)] }.joined()
            #expect(HTMLUnescaper.unescape(text) == HTMLUnescaper.unescapeByScalars(text), "\(text.debugDescription)")
        }
    }

    @Test(arguments: 1...4)
    func collapsingWhitespaceByBytesAgreesWithTheScalarRule(seed: Int) {
        let pieces = [" ", "  ", "\t", "\n", "\r\n", "\u{1C}", "\u{1F}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2003}", "\u{200B}",
                      "\u{2028}", "\u{3000}", "a", "é", "年", "🇨🇳", "x y", ""]
        var random = SplitMix64(seed: UInt64(seed))
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0..<7, using: &random)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &random)] }.joined()
            #expect(TextFilters.collapsingWhitespace(text) == TextFilters.collapsingWhitespaceByScalars(text), "\(text.debugDescription)")
        }
    }

    @Test func referencesAreDecodedAndTheRestKept() {
        #expect(HTMLUnescaper.unescape("a &amp; b &lt;c&gt; &#39;d&#x27; &bogus; &amp") == "a & b <c> 'd' &bogus; &amp")
        #expect(TextFilters.collapsingWhitespace("  a \u{3000}\n b\u{A0} ") == "a b")
    }
}
