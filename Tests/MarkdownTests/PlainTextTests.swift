import Testing
@testable import Markdown

/// `PlainText` collapses whitespace on bytes when it can; whatever the literals, the result must be
/// `text.split(whereSeparator: \.isWhitespace).joined(separator: " ")` on their concatenation.
struct PlainTextTests {
    /// Scalars on both sides of every bound of `isLoneNonSpace`, whitespace of every kind, marks and joiners
    /// that make one character of two scalars, CR LF, and Chinese text.
    static let pieces = ["a", " ", "  ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{A1}", "\u{AC}", "\u{AD}",
                         "\u{AE}", "é", "ÿ", "\u{100}", "\u{301}", "e\u{301}", " \u{301}", "\u{2000}", "\u{200A}", "\u{200B}",
                         "\u{200D}", "\u{2010}", "—", "“", "”", "…", "\u{2027}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{2030}",
                         "\u{205E}", "\u{205F}", "\u{2060}", "\u{3000}", "\u{3001}", "。", "\u{3029}", "\u{302A}", "\u{3030}",
                         "\u{303F}", "\u{3040}", "\u{3099}", "马斯克", "奥特曼", "\u{3400}", "\u{4DBF}", "\u{9FFF}", "\u{A000}",
                         "\u{FF01}", "，", "\u{FF5E}", "\u{FF9E}", "😀", "🇨🇳", "\u{1160}", "가"]

    private func collapsed(_ literals: [String]) -> String {
        var text = PlainText()
        for literal in literals {
            if literal == "<break>" {
                text.appendSpace()
                continue
            }
            var bytes = literal
            bytes.withUTF8 { text.append($0) }
        }
        return text.collapsed
    }

    @Test func collapsesAsSplittingOnWhitespaceCharactersWould() {
        var random = SeededNumbers(seed: 11)
        for _ in 0..<4000 {
            let literals = (0..<Int(random.next() % 5 + 1)).map { _ -> String in
                if random.next() % 7 == 0 { return "<break>" }
                return (0..<Int(random.next() % 8)).map { _ in Self.pieces[Int(random.next() % UInt64(Self.pieces.count))] }.joined()
            }
            let whole = literals.map { $0 == "<break>" ? " " : $0 }.joined()
            let expected = whole.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(collapsed(literals) == expected, "\(literals.map { Array($0.unicodeScalars) })")
        }
    }

    @Test func takesChineseTextOnItsBytes() {
        let text = "马斯克（Elon Musk）说：“OpenAI 不卖。”"
        var bytes = text
        #expect(bytes.withUTF8 { PlainText.isByteCollapsible($0) })
        #expect(collapsed(["马斯克  说", "\n", "不卖。"]) == "马斯克 说 不卖。")
        var marked = "e\u{301}"
        #expect(!marked.withUTF8 { PlainText.isByteCollapsible($0) })
    }
}

/// Numbers from a seed (a linear congruential generator, high bits), the same on every run.
private struct SeededNumbers {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 29
    }
}
