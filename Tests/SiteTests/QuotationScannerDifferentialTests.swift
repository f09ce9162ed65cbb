import Testing
@testable import Site

/// The quotation scanner's byte walk (`QuotationScanner.byteQuotations`) against its character walk
/// (`characterQuotations`, the rules as written) on random texts made of the pieces that matter to it: marks,
/// tags, code, component calls, blockquotes, blank lines, Chinese, and the characters that make the byte
/// walk step aside (combining marks, `\r\n`, emoji), which must then give the character walk's answer.
@Suite struct QuotationScannerDifferentialTests {
    static let pieces = [
        "\"", "\"", "“", "”", "“", "”", "\\\"", "a", "word", " ", " ", "\n", "\n\n", "> ", ">", "`", "```", "~~~",
        "<q>", "</q>", "<q data-source=\"x\">", "<Q>", "</Q>", "<quote>", "<span class=\"x\">", "</span>", "<", "< ",
        "<é", "<马", "{{< quote a=\"b\" >}}", "{{<", ">}}", "}}", "马斯克", "说", "，", "。", "——", "…", "’", "é",
        "\t", "１２", "Ａ", "e\u{301}", "\"\u{301}", "\r\n", "\r", "👍", "🇫🇷", "\u{200D}", "\u{3000}", "ｶﾞ",
    ]

    @Test func theByteWalkAgreesWithTheCharacterWalk() {
        var generator = SplitMix64(seed: 0x51_7C_0A_7E)
        var compared = 0
        var byBytes = 0
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<Int(generator.next() % 24) { text += Self.pieces[Int(generator.next() % UInt64(Self.pieces.count))] }
            let expected = QuotationScanner.characterQuotations(in: text)
            #expect(QuotationScanner.quotations(in: text) == expected, "\(text.debugDescription)")
            if let fast = QuotationScanner.byteQuotations(in: text) {
                #expect(fast == expected, "\(text.debugDescription)")
                byBytes += 1
            }
            compared += 1
        }
        // Both kinds of text were tried: most by bytes, some (the rarer pieces) only by characters.
        #expect(byBytes > compared / 4 && byBytes < compared)
    }

    @Test func textWithJoiningScalarsIsLeftToTheCharacterWalk() {
        #expect(QuotationScanner.byteQuotations(in: "\"e\u{301}\"") == nil)
        #expect(QuotationScanner.byteQuotations(in: "\"a\"\r\n") == nil)
        #expect(QuotationScanner.byteQuotations(in: "“👍”") == nil)
        // A mark with an accent on it is no mark: the character walk says so, and is the one asked.
        #expect(QuotationScanner.quotations(in: "\"\u{301}a\" b\"").map(\.text) == [" b"])
        #expect(QuotationScanner.byteQuotations(in: "他说“最后一根稻草”。") == [QuotationScanner.Quotation(text: "最后一根稻草", line: 1, column: 3)])
    }
}
