import Markdown
import Testing

@Suite struct HeadingTests {
    @Test func tableOfContentsInOrder() throws {
        let rendered = try MarkdownRenderer.render("""
            # Title

            text

            ## First *part*

            ### Detail with `code`

            Setext
            ------
            """)
        #expect(rendered.headings == [
            Heading(level: 1, text: "Title", id: "title"),
            Heading(level: 2, text: "First part", id: "first-part"),
            Heading(level: 3, text: "Detail with code", id: "detail-with-code"),
            Heading(level: 2, text: "Setext", id: "setext"),
        ])
    }

    @Test func theAnchorsLabelComesFromTheOptionsEscaped() throws {
        let chinese = try MarkdownRenderer.render("## 背景", options: MarkdownOptions(headingAnchorLabel: "链接到本节")).html
        #expect(chinese.contains(#"aria-label="链接到本节">#</a></h2>"#))
        #expect(!chinese.contains("Link to this section"))
        let quoted = try MarkdownRenderer.render("## A", options: MarkdownOptions(headingAnchorLabel: #"Say "here" & <now>"#)).html
        #expect(quoted.contains(#"aria-label="Say &quot;here&quot; &amp; &lt;now&gt;">"#))
    }

    @Test func headingMarkupCarriesIdAndAnchor() throws {
        let html = try MarkdownRenderer.render("## Hello *world*").html
        #expect(html == """
            <h2 id="hello-world">Hello <em>world</em> <a class="anchor" href="#hello-world" aria-label="Link to this section">#</a></h2>

            """)
    }

    @Test func duplicatesGetNumberedSuffixes() throws {
        let rendered = try MarkdownRenderer.render("# Intro\n# Intro\n# Intro 1\n# Intro\n")
        #expect(rendered.headings.map(\.id) == ["intro", "intro-1", "intro-1-1", "intro-2"])
    }

    @Test func chineseHeadingsKeepTheirCharacters() throws {
        let rendered = try MarkdownRenderer.render("# 马斯克与奥特曼\n\n## 马斯克与奥特曼\n")
        #expect(rendered.headings.map(\.id) == ["马斯克与奥特曼", "马斯克与奥特曼-1"])
        #expect(rendered.html.contains("<h1 id=\"马斯克与奥特曼\">"))
    }

    @Test func headingWithoutSluggableTextGetsSection() throws {
        let rendered = try MarkdownRenderer.render("# ???\n# 🚀\n")
        #expect(rendered.headings.map(\.id) == ["section", "section-1"])
    }

    @Test func headingsNeverTakeFootnoteIds() throws {
        let rendered = try MarkdownRenderer.render("# fn-1\n# fnref-1\n\nText[^1]\n\n[^1]: note\n")
        #expect(rendered.headings.map(\.id) == ["section-fn-1", "section-fnref-1"])
        #expect(rendered.html.contains("<li id=\"fn-1\">"))
        #expect(rendered.html.contains("id=\"fnref-1\""))
    }

    @Test func rawHTMLInHeadingIsLeftOutOfTextAndId() throws {
        let rendered = try MarkdownRenderer.render("# Raw <em>HTML</em> <!-- c --> here")
        #expect(rendered.headings == [Heading(level: 1, text: "Raw HTML here", id: "raw-html-here")])
    }

    @Test(arguments: [true, false])
    func headingsWrittenInRawHTMLAreNotTouched(_ allowRawHTML: Bool) throws {
        let rendered = try MarkdownRenderer.render("<h2>Not markdown</h2>\n\n## Real\n",
                                                   options: MarkdownOptions(allowRawHTML: allowRawHTML))
        #expect(rendered.headings.map(\.id) == ["real"])
        #expect(!rendered.html.contains("id=\"not-markdown\""))
    }

    @Test func headingsInsideContainersAreFound() throws {
        let rendered = try MarkdownRenderer.render("> # Quoted\n\n- ## In a list\n")
        #expect(rendered.headings.map(\.id) == ["quoted", "in-a-list"])
        #expect(rendered.html.contains("<blockquote>\n<h1 id=\"quoted\">"))
    }

    @Test func linksInHeadingsStayLinksAndAreRewritten() throws {
        let rendered = try MarkdownRenderer.render("## See [the report](report.md)") { link in
            link.destination == "report.md" ? "/report/" : nil
        }
        #expect(rendered.headings.first?.text == "See the report")
        #expect(rendered.html.contains("<a href=\"/report/\">the report</a> <a class=\"anchor\""))
    }
}
