import Testing
@testable import Markdown

/// cmark-gfm ends a line at a lone `\r`, but every location the project reports counts `\n` only
/// (the CLI's excerpt, Content's front-matter lines). Found by the Markdown fuzzer: a link after a
/// stray `\r` was reported one line too far down, past the end of the text.
@Suite struct LoneCarriageReturnTests {
    @Test func linkLinesCountNewlinesOnly() throws {
        var found: [LinkReference] = []
        _ = try MarkdownRenderer.render("One\rtwo\n\nSee [x](y.md) and\r[z](w.md).\n") { link in
            found.append(link)
            return nil
        }
        #expect(found.map(\.line) == [3, 3])
        #expect(found.map(\.column) == [5, 19])
    }

    @Test func crlfIsOneLineBreak() throws {
        var lines: [Int] = []
        _ = try MarkdownRenderer.render("a\r\nb\r\n\r\n[x](y.md)\r\n") { link in
            lines.append(link.line)
            return nil
        }
        #expect(lines == [4])
    }
}
