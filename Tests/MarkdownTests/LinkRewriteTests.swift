import Markdown
import Testing

@Suite struct LinkRewriteTests {
    private struct Found: Equatable, CustomStringConvertible {
        var destination: String
        var line: Int
        var column: Int
        var description: String { "\(destination)@\(line):\(column)" }
    }

    private func collect(_ markdown: String) throws -> [Found] {
        var found: [Found] = []
        _ = try MarkdownRenderer.render(markdown) { link in
            found.append(Found(destination: link.destination, line: link.line, column: link.column))
            return nil
        }
        return found
    }

    @Test func linksAndImagesInDocumentOrderWithPositions() throws {
        let markdown = """
            Intro [a](a.md) and ![img](i.png).
            Second line [b][ref].

            > quoted [c](c.md)

            - item [d](d.md)
              - nested [e](e.md)

            | col | other |
            |-----|-------|
            | [f](f.md) | x |

            # Heading [g](g.md)

            [ref]: b.md
            """
        #expect(try collect(markdown) == [
            Found(destination: "a.md", line: 1, column: 7),
            Found(destination: "i.png", line: 1, column: 21),
            Found(destination: "b.md", line: 2, column: 13),
            Found(destination: "c.md", line: 4, column: 10),
            Found(destination: "d.md", line: 6, column: 8),
            Found(destination: "e.md", line: 7, column: 12),
            Found(destination: "f.md", line: 11, column: 3),
            Found(destination: "g.md", line: 13, column: 11),
        ])
    }

    /// cmark-gfm miscounts these; the renderer corrects them from the source.
    @Test func indentedAndLazyContinuationLines() throws {
        let markdown = """
              Indented [a](a.md)
                  deeper [b](b.md) ![c](c.png)
            \tTab [d](d.md)

            > quote
            lazy [e](e.md)
            """
        #expect(try collect(markdown) == [
            Found(destination: "a.md", line: 1, column: 12),
            Found(destination: "b.md", line: 2, column: 14),
            Found(destination: "c.png", line: 2, column: 24),
            Found(destination: "d.md", line: 3, column: 6),
            Found(destination: "e.md", line: 6, column: 6),
        ])
    }

    @Test func autolinksArePositioned() throws {
        let markdown = "x https://a.example y www.b.example z <https://c.example>\n\nmail me@d.example\nhttps://e.example"
        #expect(try collect(markdown) == [
            Found(destination: "https://a.example", line: 1, column: 3),
            Found(destination: "http://www.b.example", line: 1, column: 23),
            Found(destination: "https://c.example", line: 1, column: 39),
            Found(destination: "mailto:me@d.example", line: 3, column: 6),
            Found(destination: "https://e.example", line: 4, column: 1),
        ])
    }

    @Test func columnsCountCharactersNotBytes() throws {
        #expect(try collect("马斯克 [a](a.md)\r\nécrit [b](b.md)") == [
            Found(destination: "a.md", line: 1, column: 5),
            Found(destination: "b.md", line: 2, column: 7),
        ])
    }

    @Test func footnoteLinksComeLast() throws {
        let found = try collect("Text[^1] [a](a.md)\n\n[^1]: See [b](b.md).\n\nMore [c](c.md)")
        #expect(found.map(\.destination) == ["a.md", "c.md", "b.md"])
        #expect(found.last == Found(destination: "b.md", line: 3, column: 11))
    }

    @Test func returnedDestinationReplacesTheOriginal() throws {
        let html = try MarkdownRenderer.render("[a](a.md) [b](b.md \"T\") ![i](i.png)") { link in
            link.destination == "a.md" ? "/a/" : (link.destination == "i.png" ? "/img/i.png" : nil)
        }.html
        #expect(html == "<p><a href=\"/a/\">a</a> <a href=\"b.md\" title=\"T\">b</a> <img src=\"/img/i.png\" alt=\"i\" /></p>\n")
    }

    @Test func rewrittenDestinationIsEscaped() throws {
        let html = try MarkdownRenderer.render("[a](a.md)") { _ in "/x?a=1&b=\"2\"" }.html
        #expect(html == "<p><a href=\"/x?a=1&amp;b=%222%22\">a</a></p>\n")
    }

    struct BrokenLink: Error, Equatable {
        var destination: String
        var line: Int
    }

    @Test func errorsFromTheClosurePropagate() throws {
        var calls = 0
        #expect(throws: BrokenLink(destination: "missing.md", line: 3)) {
            try MarkdownRenderer.render("[ok](ok.md)\n\n[bad](missing.md) [later](later.md)") { link in
                calls += 1
                if link.destination == "missing.md" { throw BrokenLink(destination: link.destination, line: link.line) }
                return nil
            }
        }
        #expect(calls == 2)
    }

    struct LocatedBrokenLink: Error, Equatable {
        var destination: String
        var line: Int
        var column: Int
    }

    /// `.onFailure`: a document whose rewrite throws is rendered again with its links located, so the error
    /// names the same place as with `.always`, on any line and after links that were fine.
    @Test(arguments: [
        "[ok](ok.md)\n\n  Some text, [bad](missing.md) and [later](later.md).\n",
        "> quoted [ok](ok.md)\n> and ![bad](missing.md)\n",
        "- item\n- [ok](ok.md) then <missing.md> [x](missing.md)\n",
    ])
    func locatingOnFailureReportsTheSamePlace(markdown: String) throws {
        func rewrite(_ link: LinkReference) throws -> String? {
            if link.destination == "missing.md" {
                throw LocatedBrokenLink(destination: link.destination, line: link.line, column: link.column)
            }
            return nil
        }
        var expected: LocatedBrokenLink?
        do { _ = try MarkdownRenderer.render(markdown, locatingLinks: .always, rewriteLink: rewrite) } catch let error as LocatedBrokenLink {
            expected = error
        }
        let always = try #require(expected)
        #expect(always.line > 0 && always.column > 0)
        #expect(throws: always) { try MarkdownRenderer.render(markdown, locatingLinks: .onFailure, rewriteLink: rewrite) }
    }

    /// Without a failure, `.onFailure` locates nothing (line and column 0) and renders the same page.
    @Test func locatingOnFailureLeavesFineLinksUnlocated() throws {
        let markdown = "[a](a.md) and [b](https://example.org)\n\n![c](c.png) <https://x.org> www.example.com\n"
        func rewrite(_ link: LinkReference) -> String? { link.destination == "a.md" ? "../a/" : nil }
        var seen: [LinkReference] = []
        let fast = try MarkdownRenderer.render(markdown, locatingLinks: .onFailure) { link in
            seen.append(link)
            return rewrite(link)
        }
        var located: [LinkReference] = []
        let slow = try MarkdownRenderer.render(markdown) { link in
            located.append(link)
            return rewrite(link)
        }
        #expect(fast.html == slow.html)
        #expect(fast.headings == slow.headings && fast.excerpt == slow.excerpt)
        #expect(seen.map(\.destination) == located.map(\.destination))
        #expect(seen.count == 5)
        #expect(seen.allSatisfy { $0.line == 0 && $0.column == 0 })
        #expect(located.allSatisfy { $0.line > 0 && $0.column > 0 })
    }
}
