import Foundation
@testable import Site
import Testing

/// A session's Markdown step finds each page's last entry where the page was in the last build, and keeps the
/// last build's link tables while the environment they are made from is the same (`MarkdownMemo.Order`,
/// `MarkdownStage.Tables`); anything else looks entries up by name and makes the tables again.
@Suite("Incremental builds: Markdown entries in page order, tables kept")
struct MarkdownOrderTests {
    @Test func aBodyEditFindsEveryPageWhereItWasAndKeepsTheTables() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let session = BuildSession()
        let first = try session.build(BuildOptions(root: site.root))
        #expect(first.incremental?.markdownTablesKept == 0, "a first build has no tables to keep")
        #expect(first.incremental?.markdownFoundByName == first.incremental?.markdownRendered)
        try site.replace(in: "content/about.md", "## Method", with: "## Method, revised\n\nA new paragraph.")
        let second = try session.build(BuildOptions(root: site.root))
        #expect(second.incremental?.bodiesEdited == 1)
        #expect(second.incremental?.markdownFoundByName == 0, "every page is where it was")
        #expect(second.incremental?.markdownTablesKept == 1)
        #expect(second.incremental?.markdownRendered == 1)
        #expect(second.files == (try site.build()).files)
    }

    @Test func aNewPageMakesTheTablesAgainSoThatALinkToItResolves() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let session = BuildSession()
        _ = try session.build(BuildOptions(root: site.root))
        // `people/bob.md`'s neighbour: the pages after it move one place on.
        try site.write("content/people/bobby.md", "---\ntitle: Bobby\n---\nA new person.\n")
        try site.replace(in: "content/about.md", "Back [home](index.md).", with: "Back [home](index.md). Meet [Bobby](people/bobby.md).")
        let second = try session.build(BuildOptions(root: site.root))
        #expect(second.incremental?.markdownTablesKept == 0, "a new page changes the environment")
        #expect((second.incremental?.markdownFoundByName ?? 0) > 0, "the pages after the new one are found by name")
        #expect(second.files == (try site.build()).files)
        let about = try #require(second.files["about/index.html"].map { String(decoding: $0, as: UTF8.self) })
        #expect(about.contains("../people/bobby/"))
    }

    @Test func aTranslationsBodyEditKeepsEveryLanguagesTables() throws {
        let site = try FixtureSite("languages")
        defer { site.remove() }
        let session = BuildSession()
        _ = try session.build(BuildOptions(root: site.root))
        try site.write("content/index.zh.md", try site.read("content/index.zh.md") + "\n\nOne more paragraph.\n")
        let second = try session.build(BuildOptions(root: site.root))
        #expect(second.incremental?.bodiesEdited == 1)
        #expect(second.incremental?.markdownFoundByName == 0)
        #expect(second.incremental?.markdownTablesKept == 2)
        #expect(second.files == (try site.build()).files)
    }

    /// One language's pages where they were, with an entry changed since (`Order.Edition.changed`), and another's
    /// not: the table is filled page by page, and holds every page's entry as it is now.
    @Test func aPageNewInOneLanguageAfterABodyEditInAnotherLeavesEveryEntryAsItIsNow() throws {
        let site = try FixtureSite("languages")
        defer { site.remove() }
        let session = BuildSession()
        _ = try session.build(BuildOptions(root: site.root))
        try site.write("content/index.md", try site.read("content/index.md") + "\n\nOne more paragraph.\n")
        _ = try session.build(BuildOptions(root: site.root))
        try site.write("content/timeline/b.zh.md", "---\ntitle: 乙\n---\n新的一页。\n")
        let third = try session.build(BuildOptions(root: site.root))
        #expect((third.incremental?.markdownFoundByName ?? 0) > 0)
        let fresh = BuildSession()
        _ = try fresh.build(BuildOptions(root: site.root))
        #expect(try #require(session.lastBuild).markdown.mapValues(\.key) == (try #require(fresh.lastBuild)).markdown.mapValues(\.key))
        #expect(third.files == (try site.build()).files)
    }
}
