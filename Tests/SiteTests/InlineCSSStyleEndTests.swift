import Foundation
import Testing
@testable import Site

/// `inline_css` refuses a stylesheet holding `</style` in any case; the bytes decide where they can, and
/// Foundation's case-insensitive search is the rule. Pieces near a match: other cases, letters that fold to
/// ASCII ones (`ſ`, `ﬆ`), `≮` (whose decomposition holds a `<`), a combining mark after the name, a short tail.
@Suite struct InlineCSSStyleEndTests {
    @Test(arguments: 1...4)
    func bytesAgreeWithFoundation(seed: Int) {
        let pieces = ["<", "/", "style", "STYLE", "Style", "</style", "</STYLE>", "</styl", "ſ", "ﬆ", "≮", "\u{301}", "e", "x",
                      "/* <q data-source> */", "a { quotes: \"“\" }", " ", ""]
        var random = SplitMix64(seed: UInt64(seed))
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0..<7, using: &random)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &random)] }.joined()
            #expect(SiteFilters.closesStyleElement(text) == (text.range(of: "</style", options: .caseInsensitive) != nil),
                    "\(text.debugDescription)")
        }
    }

    @Test func aCommentWithATagIsNotTheEndOfTheElement() {
        #expect(!SiteFilters.closesStyleElement("/* Quotations (<q data-source>): “…” */\nq { quotes: \"“\" \"”\"; }"))
        #expect(SiteFilters.closesStyleElement("a {}</STYLE><script>"))
    }
}
