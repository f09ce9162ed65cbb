import Markdown
import Testing

/// One test per GFM extension the contract turns on, plus the options that must stay off.
@Suite struct ExtensionTests {
    private func html(_ markdown: String, allowRawHTML: Bool = true) throws -> String {
        try MarkdownRenderer.render(markdown, options: MarkdownOptions(allowRawHTML: allowRawHTML)).html
    }

    @Test func table() throws {
        let output = try html("| a | b |\n|:--|--:|\n| 1 | 2 |\n")
        #expect(output.contains("<table>"))
        #expect(output.contains("<th align=\"left\">a</th>"))
        #expect(output.contains("<td align=\"right\">2</td>"))
    }

    @Test func strikethrough() throws {
        #expect(try html("~~gone~~") == "<p><del>gone</del></p>\n")
    }

    @Test func autolink() throws {
        #expect(try html("see www.example.com and https://example.org.") ==
            "<p>see <a href=\"http://www.example.com\">www.example.com</a> and <a href=\"https://example.org\">https://example.org</a>.</p>\n")
    }

    @Test func tagfilter() throws {
        let output = try html("<script>alert(1)</script>\n\n<b>bold</b> <iframe></iframe>")
        #expect(output.contains("&lt;script>alert(1)&lt;/script>"))
        #expect(output.contains("&lt;iframe>"))
        #expect(output.contains("<b>bold</b>"))
        #expect(!output.contains("<script"))
    }

    @Test func tasklist() throws {
        let output = try html("- [x] done\n- [ ] todo\n")
        #expect(output.contains("<input type=\"checkbox\" checked=\"\" disabled=\"\" /> done"))
        #expect(output.contains("<input type=\"checkbox\" disabled=\"\" /> todo"))
    }

    @Test func footnotes() throws {
        let output = try html("Claim.[^a]\n\n[^a]: Source.\n")
        #expect(output.contains("<a href=\"#fn-a\" id=\"fnref-a\" data-footnote-ref>1</a>"))
        #expect(output.contains("<section class=\"footnotes\" data-footnotes>"))
        #expect(output.contains("<li id=\"fn-a\">"))
    }

    @Test func quotesAndDashesStayAsWritten() throws {
        #expect(try html("\"Quote\" -- it's --- fine...") == "<p>&quot;Quote&quot; -- it's --- fine...</p>\n")
    }

    @Test func rawHTMLOnPassesThrough() throws {
        #expect(try html("<div class=\"x\">\nhi\n</div>\n\nA <span>b</span>") ==
            "<div class=\"x\">\nhi\n</div>\n<p>A <span>b</span></p>\n")
    }

    @Test func rawHTMLOffIsOmitted() throws {
        let output = try html("<div class=\"x\">\nhi\n</div>\n\nA <span>b</span> [x](javascript:alert(1))", allowRawHTML: false)
        #expect(output == "<!-- raw HTML omitted -->\n<p>A <!-- raw HTML omitted -->b<!-- raw HTML omitted --> <a href=\"\">x</a></p>\n")
    }

    @Test(arguments: [true, false])
    func scriptNeverSurvives(_ allowRawHTML: Bool) throws {
        let output = try html("<script>x()</script>\n\nInline <script>y()</script> <style>p{}</style>", allowRawHTML: allowRawHTML)
        #expect(!output.contains("<script"))
        #expect(!output.contains("<style"))
    }
}
