import Foundation
import Markdown
import Testing
import Templates
@testable import Site

/// The `quotations` filter: front-matter text with its “…” marked up as quotations of a source.
@Suite struct QuotationMarkupTests {
    @Test func eachQuotationBecomesAQElementAndTheRestIsEscaped() {
        #expect(QuotationMarkup.markUp("他说：“不用了，谢谢。”<b>&", source: "chinese-republication")
                == #"他说：<q data-source="chinese-republication">不用了，谢谢。</q>&lt;b&gt;&amp;"#)
        #expect(QuotationMarkup.markUp("“一”和“二”", source: "s") == #"<q data-source="s">一</q>和<q data-source="s">二</q>"#)
        // An opening mark with no closing one is left as text.
        #expect(QuotationMarkup.markUp("“未完", source: "s") == "“未完")
        #expect(QuotationMarkup.markUp("“<x>”", source: #"a"b"#) == #"<q data-source="a&#34;b">&lt;x&gt;</q>"#)
    }

    /// The marks are found in the text's bytes; the rule is the search by characters. Pieces that could part
    /// them: marks joined to a combining mark, a joiner or a prepended mark, unclosed and nested marks, text to escape.
    @Test(arguments: 1...6)
    func findingMarksInBytesAgreesWithTheRule(seed: Int) {
        let pieces = ["“", "”", "“\u{301}", "\u{301}", "\u{600}", "\u{200D}", "e\u{301}", "不用了", "，", "<", "&", "\"", "'",
                      "a", " ", "“一”", "\u{FF9E}", "\u{302A}", "🇨🇳", ""]
        var random = SplitMix64(seed: UInt64(seed))
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0..<8, using: &random)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &random)] }.joined()
            let source = ["chinese-republication", "a\"b<"][Int.random(in: 0..<2, using: &random)]
            #expect(QuotationMarkup.markUp(text, source: source) == QuotationMarkup.markUpByCharacters(text, source: source),
                    "\(text.debugDescription)")
        }
    }

    @Test func theFilterMarksUpOnlyOnPagesInItsLanguage() throws {
        let environment = try TemplateEnvironment(templates: [
            "t.html": #"{{ text | quotations("src", lang="zh") }}|{{ text | quotations("src") }}"#,
        ], filters: SiteFilters.all(baseURL: "https://example.org/", markdownOptions: MarkdownOptions(), root: URL(fileURLWithPath: "/")))
        let chinese = try environment.render("t.html", context: ["text": "说“是”<", "lang": "zh"])
        #expect(chinese == #"说<q data-source="src">是</q>&lt;|说<q data-source="src">是</q>&lt;"#)
        let english = try environment.render("t.html", context: ["text": "said “yes”<", "lang": "en"])
        #expect(english == #"said “yes”&lt;|said <q data-source="src">yes</q>&lt;"#)
        #expect(throws: (any Error).self) { try environment.render("t.html", context: ["text": 3, "lang": "zh"]) }
    }
}
