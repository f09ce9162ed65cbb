import Markdown
import Testing

/// Odd input must render (or at least not crash), never trap.
@Suite struct RobustnessTests {
    @Test(arguments: ["", " ", "\n\n\n", "\t  \n \r\n", "\u{FEFF}", "\u{0}", "a\u{0}b", "#", "[", "[^", "|", "<", "```", "- [ ]"])
    func oddInputRenders(_ markdown: String) throws {
        let rendered = try MarkdownRenderer.render(markdown)
        #expect(!rendered.html.contains("\u{0}"))
    }

    @Test func emptyDocumentIsEmpty() throws {
        #expect(try MarkdownRenderer.render("") == RenderedMarkdown(html: "", headings: [], excerpt: ""))
        #expect(try MarkdownRenderer.render("   \n\t\n") == RenderedMarkdown(html: "", headings: [], excerpt: ""))
    }

    @Test func nulBytesBecomeReplacementCharacters() throws {
        #expect(try MarkdownRenderer.render("a\u{0}b").html == "<p>a\u{FFFD}b</p>\n")
    }

    @Test func tenMegabyteDocument() throws {
        let block = "## Section\n\nSome *text* with a [link](page.md) and www.example.com, ~~old~~.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
        let markdown = String(repeating: block, count: 10_000_000 / block.utf8.count + 1)
        var links = 0
        let rendered = try MarkdownRenderer.render(markdown) { _ in
            links += 1
            return nil
        }
        #expect(rendered.headings.count == markdown.utf8.count / block.utf8.count)
        #expect(links == 2 * rendered.headings.count)
        #expect(rendered.headings.last?.id == "section-\(rendered.headings.count - 1)")
    }

    @Test func deeplyNestedInput() throws {
        let markdown = String(repeating: ">", count: 5_000) + " deep\n" + String(repeating: "[", count: 10_000)
            + String(repeating: "*", count: 10_000)
        _ = try MarkdownRenderer.render(markdown)
    }

    @Test func longSingleLineWithManyLinks() throws {
        let markdown = String(repeating: "[x](y.md) ", count: 20_000)
        var columns: [Int] = []
        _ = try MarkdownRenderer.render(markdown) { link in
            columns.append(link.column)
            return nil
        }
        #expect(columns.count == 20_000)
        #expect(columns.last == 19_999 * 10 + 1)
    }
}
