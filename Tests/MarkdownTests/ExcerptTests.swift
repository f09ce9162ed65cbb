import Markdown
import Testing

@Suite struct ExcerptTests {
    @Test(arguments: [
        ("# Title\n\nFirst   *paragraph*\nwith a [link](x.md) and `code`.\n\nSecond.", "First paragraph with a link and code."),
        ("Raw <b>bold</b> &amp; entities &lt;ok&gt;", "Raw bold & entities <ok>"),
        ("Note[^1] here.\n\n[^1]: The footnote.", "Note here."),
        ("- item one\n- item two\n\nAfter.", "item one"),
        ("# Only a heading", ""),
        ("", ""),
        ("![alt text](a.png) caption", "alt text caption"),
        ("Line one  \nline two", "Line one line two"),
        ("2015年，两人\n共同创立了 OpenAI。", "2015年，两人 共同创立了 OpenAI。"),
    ])
    func excerpt(_ markdown: String, _ expected: String) throws {
        #expect(try MarkdownRenderer.render(markdown).excerpt == expected)
    }

    @Test func footnoteDefinitionsAreNotExcerpts() throws {
        #expect(try MarkdownRenderer.render("# T\n\n[^a]: only a footnote\n\nText[^a]").excerpt == "Text")
    }
}
