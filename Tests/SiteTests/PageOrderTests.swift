import Foundation
@testable import Site
import Testing

/// A session's render step takes a page where it was in the last build's jobs when its context, templates and
/// files are the last build's and its Markdown was kept (`PageMemo.Order`); a page whose Markdown this build made
/// is rendered (or checked) one by one, and the output is always a full build's.
@Suite("Incremental builds: pages taken where they were")
struct PageOrderTests {
    @Test func aBodyEditTakesEveryOtherPageWhereItWas() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let session = BuildSession()
        let first = try session.build(BuildOptions(root: site.root))
        #expect(first.incremental?.pagesTakenWhereTheyWere == 0, "a first build has nothing to take")
        // Twice in a row, and back: each build takes what the one before it recorded.
        for (path, find, replacement) in [("content/about.md", "## Method", "## Method, revised\n\nA new paragraph."),
                                          ("content/index.md", "(timeline/first.md#what-happened).", "(timeline/first.md#what-happened).\n\nAnother paragraph."),
                                          ("content/about.md", "## Method, revised\n\nA new paragraph.", "## Method")] {
            let before = try site.read(path)
            try site.replace(in: path, find, with: replacement)
            #expect(try site.read(path) != before)
            let next = try session.build(BuildOptions(root: site.root))
            #expect(next.incremental?.bodiesEdited == 1)
            #expect(next.incremental?.pagesRendered == 1, "\(path)")
            #expect((next.incremental?.pagesTakenWhereTheyWere ?? 0) > 0)
            #expect(next.incremental?.pagesTakenWhereTheyWere == next.incremental?.pagesReused, "every page reused was taken")
            #expect(next.files == (try site.build()).files, "after editing \(path)")
        }
    }

    /// A term's description shows on the term's page: its body edit renders that page again.
    @Test func aTermDescriptionsBodyEditRendersItsTermPage() throws {
        let site = try FixtureSite("features")
        defer { site.remove() }
        let session = BuildSession()
        _ = try session.build(BuildOptions(root: site.root))
        try site.write("content/topics/money.md", try site.read("content/topics/money.md") + "\n\nA closing paragraph on money.\n")
        let second = try session.build(BuildOptions(root: site.root))
        #expect(second.incremental?.bodiesEdited == 1)
        #expect((second.incremental?.pagesTakenWhereTheyWere ?? 0) > 0)
        let term = try #require(second.files["topics/money/index.html"])
        #expect(String(decoding: term, as: UTF8.self).contains("A closing paragraph on money."), "\(second.files.keys.filter { $0.hasPrefix("topics") }.sorted())")
        #expect(second.files == (try site.build()).files)
    }

    @Test func aTranslationsBodyEditTakesEveryLanguagesOtherPages() throws {
        let site = try FixtureSite("languages")
        defer { site.remove() }
        let session = BuildSession()
        _ = try session.build(BuildOptions(root: site.root))
        try site.write("content/index.zh.md", try site.read("content/index.zh.md") + "\n\nOne more paragraph.\n")
        let second = try session.build(BuildOptions(root: site.root))
        #expect(second.incremental?.bodiesEdited == 1)
        #expect(second.incremental?.pagesTakenWhereTheyWere == second.incremental?.pagesReused)
        #expect(second.files == (try site.build()).files)
        // A title edit changes the page values: nothing is taken where it was, and the output is still exact.
        try site.replace(in: "content/timeline/a.md", "title:", with: "title: Edited")
        let third = try session.build(BuildOptions(root: site.root))
        #expect(third.incremental?.pagesTakenWhereTheyWere == 0)
        #expect(third.files == (try site.build()).files)
    }
}
