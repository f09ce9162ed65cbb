import Testing
@testable import Templates

/// `striptags` returns plain text as it is without the full pass; this holds the shortcut to the full pass on
/// every kind of input near its edge: spaces at either end or doubled, tabs and newlines, Python's other
/// separators (U+001C–U+001F), `<`, `&`, and non-ASCII letters and spaces.
@Suite struct StripTagsShortcutTests {
    static let pieces = ["a", "Musk", " ", "  ", "\t", "\n", "\u{1C}", "\u{1F}", "<b>", "</b>", "<", "&amp;", "&", "é",
                         "\u{A0}", "\u{3000}", "x.y", "-->", "<!--", ""]

    @Test(arguments: 1...8)
    func agreesWithTheFullPass(seed: Int) {
        var random = SplitMix64(seed: UInt64(seed))
        for _ in 0..<2_000 {
            let count = Int.random(in: 0..<7, using: &random)
            let text = (0..<count).map { _ in Self.pieces[Int.random(in: 0..<Self.pieces.count, using: &random)] }.joined()
            #expect(TextFilters.stripTags(text) == TextFilters.stripTagsFully(text), "\(text.debugDescription)")
        }
    }

    @Test func plainTextComesBackAsItIs() {
        for text in ["", "Musk", "Musk sues OpenAI over its for-profit turn.", "a b c"] {
            #expect(TextFilters.stripTags(text) == text)
        }
    }
}
