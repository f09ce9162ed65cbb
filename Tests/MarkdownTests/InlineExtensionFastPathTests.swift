import Foundation
@testable import Markdown
import Testing

/// Documents that cannot hold strikethrough or an extended autolink are parsed without those two extensions
/// and without the lock around cmark-gfm's shared inline table (`CMarkDocument.parseLock`). These tests pin
/// that the shortcut changes nothing a reader sees, and that it never lets a parse miss its extensions.
@Suite struct InlineExtensionFastPathTests {
    @Test(arguments: [
        ("plain words, we were wary of www", false),
        ("Note: a colon, and http: without slashes", false),
        ("[^1]: a footnote definition", false),
        ("struck ~~through~~", true),
        ("one tilde ~ is enough to be careful", true),
        ("mail someone@example.org", true),
        ("see https://example.org", true),
        ("a scheme-less ://thing", true),
        ("www.example.com", true),
        ("WWW.EXAMPLE.COM", true),
        ("trailing www", false),
        ("ends with ww.", false),
        ("", false),
    ])
    func triggers(_ text: String, _ expected: Bool) {
        #expect(CMarkDocument.needsInlineExtensions(text) == expected)
    }

    /// The scan reads eight bytes at a time, then byte by byte for the tail: a trigger (or one cut short by
    /// the end) at every offset of texts of every length up to three words finds the same answer as a plain
    /// search for the four patterns.
    @Test func everyOffsetAndLengthAgreesWithAPlainSearch() {
        let patterns = ["~", "@", "://", "www.", "WwW.", "ww.", ":/", "w", "W"]
        for length in 0...24 {
            for pattern in patterns {
                for offset in 0...length {
                    let text = String(String(repeating: "a", count: offset) + pattern + String(repeating: "b", count: length)).prefix(length)
                    let expected = ["~", "@", "://", "www."].contains { text.lowercased().contains($0) }
                    #expect(CMarkDocument.needsInlineExtensions(String(text)) == expected, "\(text)")
                }
            }
        }
    }

    /// Every golden fixture and a few documents full of near-triggers render the same both ways.
    static var documents: [String] {
        var documents = [
            """
            # Why: a heading with a colon

            We wrote what we were told. Note: the word *www* alone is not a link, nor is http: on its own.

            | when | what: |
            |---|---|
            | 2015 | founded: a non-profit |

            - [x] done: yes
            - [ ] wait

            A [link](../people/sam-altman.md "title: here") and ![image](a.png)[^w].

            [^w]: Witnessed: we were there.

            <div class="x">raw html: kept</div>
            """,
            "Wow, wwww and ww.w and w.w.w.\n\n## Www\n",
        ]
        if let directory = Bundle.module.url(forResource: "Fixtures", withExtension: nil),
           let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) {
            for name in names.sorted() where name.hasSuffix(".md") {
                if let text = try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8) {
                    documents.append(text)
                }
            }
        }
        return documents
    }

    @Test(arguments: documents)
    func sameOutputWithAndWithoutTheExtensions(_ markdown: String) throws {
        for allowRawHTML in [false, true] {
            let quick = try render(markdown, allowRawHTML: allowRawHTML, always: false)
            let full = try render(markdown, allowRawHTML: allowRawHTML, always: true)
            #expect(quick.html == full.html)
            #expect(quick.excerpt == full.excerpt)
            #expect(quick.headings == full.headings)
            #expect(quick.links == full.links)
        }
    }

    @Test func fixturesIncludeDocumentsOnBothPaths() {
        let flags = Self.documents.map(CMarkDocument.needsInlineExtensions)
        #expect(flags.contains(true))
        #expect(flags.contains(false))
    }

    /// Parses that skip the lock run alongside parses that need the shared table: the latter must never
    /// lose their strikethrough or autolinks, and the former must never change.
    @Test func quickParsesDoNotDisturbOthers() async throws {
        let plain = Self.documents[0]
        let struck = "Text ~~struck~~ and www.example.com and https://example.org.\n"
        let expectedPlain = try MarkdownRenderer.render(plain)
        let expectedStruck = try MarkdownRenderer.render(struck)
        #expect(!CMarkDocument.needsInlineExtensions(plain))
        #expect(expectedStruck.html.contains("<del>struck</del>"))
        #expect(expectedStruck.html.contains("<a href=\"http://www.example.com\">"))
        let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
            for task in 0..<8 {
                group.addTask {
                    try (0..<300).allSatisfy { _ in
                        task.isMultiple(of: 2)
                            ? try MarkdownRenderer.render(plain) == expectedPlain
                            : try MarkdownRenderer.render(struck) == expectedStruck
                    }
                }
            }
            var all: [Bool] = []
            for try await outcome in group { all.append(outcome) }
            return all
        }
        #expect(outcomes == [Bool](repeating: true, count: 8))
    }

    private struct Output: Equatable {
        var html: String
        var excerpt: String
        var headings: [String]
        var links: [String]
    }

    private func render(_ markdown: String, allowRawHTML: Bool, always: Bool) throws -> Output {
        var headings: [String] = []
        var links: [String] = []
        let (html, excerpt) = try CMarkDocument.render(
            markdown, allowRawHTML: allowRawHTML, alwaysAttachInlineExtensions: always,
            link: { site in
                links.append("\(site.destination) \(site.line):\(site.column) \(site.blockLine):\(site.blockColumn)")
                return nil
            },
            heading: { level, text in
                headings.append("\(level) \(text)")
                return "h\(headings.count)"
            })
        return Output(html: html, excerpt: excerpt, headings: headings, links: links)
    }
}
