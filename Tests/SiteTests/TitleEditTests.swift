import Foundation
@testable import Site
import Testing

/// An edit of a page's `title:` line keeps the last content with the new title put in (`PageParseMemo.titleEdit`,
/// `ContentSet.replaceTitle`) where a title reaches nothing else in the content (`ContentSet.acceptsTitleEdit`);
/// everywhere else the content is loaded. Either way the result is a full build's.
@Suite("Incremental builds: title edits")
struct TitleEditTests {
    /// Builds after `edit`, comparing with a full build; returns the build.
    private func rebuild(_ session: BuildSession, _ site: FixtureSite, _ edit: () throws -> Void) throws -> BuiltSite {
        try edit()
        let built = try session.build(BuildOptions(root: site.root))
        #expect(built.files == (try site.build()).files)
        return built
    }

    @Test func aTitleInACollectionSortedByDateKeepsTheContent() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let session = BuildSession()
        _ = try session.build(BuildOptions(root: site.root))
        let edited = try rebuild(session, site) { try site.replace(in: "content/timeline/first.md", "title: First event", with: "title: \"The first, renamed\"") }
        #expect(edited.incremental?.bodiesEdited == 1, "the last content kept, with the new title")
        #expect(edited.incremental?.parsesReused == 0, "nothing loaded")
        #expect(edited.text("timeline/index.html")?.contains("The first, renamed") == true)
        #expect(edited.text("timeline/second/index.html")?.contains("The first, renamed") == true)
        // Title and body at once, then back to the first title: each kept, each a full build's.
        let both = try rebuild(session, site) {
            try site.replace(in: "content/timeline/first.md", "title: \"The first, renamed\"", with: "title: First event, again")
            try site.write("content/timeline/first.md", try site.read("content/timeline/first.md") + "\nA new line.\n")
        }
        #expect(both.incremental?.bodiesEdited == 1)
        let back = try rebuild(session, site) { try site.replace(in: "content/timeline/first.md", "title: First event, again", with: "title: First event") }
        #expect(back.incremental?.bodiesEdited == 1)
        #expect(back.text("timeline/index.html")?.contains("First event, again") == false)
    }

    /// A title and back: the pages rendered again keep what their last entries saw of the mappings that did not
    /// change (`PageMemo+KnownReads`), never of the edited card or of their own value, so the way back (the first
    /// title again, which those entries saw) renders them again.
    @Test func aTitleAndBackRendersThePagesThatShowItAgain() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let session = BuildSession()
        _ = try session.build(BuildOptions(root: site.root))
        for _ in 0..<2 {
            let there = try rebuild(session, site) { try site.replace(in: "content/timeline/first.md", "title: First event", with: "title: Renamed") }
            #expect(there.incremental?.bodiesEdited == 1)
            #expect(there.text("timeline/first/index.html")?.contains("Renamed") == true)
            let back = try rebuild(session, site) { try site.replace(in: "content/timeline/first.md", "title: Renamed", with: "title: First event") }
            #expect(back.incremental?.bodiesEdited == 1)
            #expect(back.text("timeline/index.html")?.contains("Renamed") == false)
            #expect(back.text("timeline/first/index.html")?.contains("Renamed") == false)
        }
    }

    @Test func aTopLevelPagesTitleKeepsTheContent() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let session = BuildSession()
        _ = try session.build(BuildOptions(root: site.root))
        let edited = try rebuild(session, site) { try site.replace(in: "content/about.md", "title: About", with: "title: About us") }
        #expect(edited.incremental?.bodiesEdited == 1)
    }

    /// `people` is sorted by title, and `sources` by the default order, which is by title too: the new title can
    /// move the page, so the content is loaded.
    @Test(arguments: ["content/people/ada.md", "content/sources/paper.md"])
    func aTitleThatOrdersItsCollectionLoadsTheContent(_ path: String) throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let session = BuildSession()
        _ = try session.build(BuildOptions(root: site.root))
        let edited = try rebuild(session, site) {
            let text = try site.read(path)
            try site.write(path, text.replacingOccurrences(of: "title: ", with: "title: Zz "))
        }
        #expect(edited.incremental?.bodiesEdited == nil)
    }

    /// Anything besides the title line in the front matter (another key's line, a new key, a title that now spans
    /// two lines) loads the content.
    @Test(arguments: [
        ("title: First event\ndate: 2015", "title: Renamed\ndate: 2014"),
        ("title: First event\n", "title: Renamed\nextra: 1\n"),
        ("title: First event\n", "title: >\n  Renamed over\n  two lines\n"),
        // The same values, but a list item moved along its line (its position is not the same).
        ("title: First event\ndate: 2015\npeople: [ada, bob]", "title: Renamed\ndate: 2015\npeople: [ada,  bob]"),
    ])
    func moreThanTheTitleLineLoadsTheContent(_ find: String, _ replacement: String) throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let session = BuildSession()
        _ = try session.build(BuildOptions(root: site.root))
        let edited = try rebuild(session, site) { try site.replace(in: "content/timeline/first.md", find, with: replacement) }
        #expect(edited.incremental?.bodiesEdited == nil)
    }

    /// Only the title line differs, but an alias repeats the title elsewhere (`summary: *name`): another value
    /// changed, and the content is loaded.
    @Test func aTitleRepeatedByAnAliasLoadsTheContent() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.replace(in: "content/timeline/first.md", "title: First event\ndate: 2015\n", with: "title: &name First event\ndate: 2015\nsummary: *name\n")
        let session = BuildSession()
        _ = try session.build(BuildOptions(root: site.root))
        let edited = try rebuild(session, site) { try site.replace(in: "content/timeline/first.md", "title: &name First event", with: "title: &name Renamed") }
        #expect(edited.incremental?.bodiesEdited == nil)
        #expect(edited.text("timeline/index.html")?.contains("Renamed") == true)
    }

    /// An original with a translation (whose title may be inherited) and the translation itself load the content;
    /// an original without one keeps it.
    @Test(arguments: [("content/timeline/a.md", false), ("content/timeline/a.zh.md", false), ("content/timeline/b.md", true)])
    func titlesOnATwoLanguageSite(_ path: String, _ kept: Bool) throws {
        let site = try FixtureSite("languages")
        defer { site.remove() }
        let session = BuildSession()
        _ = try session.build(BuildOptions(root: site.root))
        let edited = try rebuild(session, site) {
            let text = try site.read(path)
            let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("title: ") })
            try site.write(path, text.replacingOccurrences(of: String(line), with: line + " renamed"))
        }
        #expect((edited.incremental?.bodiesEdited != nil) == kept)
    }

    /// A title edit whose build fails (another page broken at once) leaves the last content as it was: the next
    /// title edit's build, which keeps that content and makes the page values from it, shows the old title.
    @Test func aFailedTitleEditGivesTheContentBack() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let session = BuildSession()
        _ = try session.build(BuildOptions(root: site.root))
        let first = try site.read("content/timeline/first.md")
        try site.replace(in: "content/timeline/first.md", "title: First event", with: "title: A title that failed")
        try site.write("content/about.md", try site.read("content/about.md") + "\nSee [nowhere](missing.md).\n")
        #expect(throws: BuildFailure.self) { try session.build(BuildOptions(root: site.root)) }
        try site.replace(in: "content/about.md", "\nSee [nowhere](missing.md).\n", with: "")
        try site.write("content/timeline/first.md", first)
        _ = try session.build(BuildOptions(root: site.root))
        // Another page than those two, whose parses the memo keeps from the failed build.
        let next = try rebuild(session, site) { try site.replace(in: "content/timeline/second.md", "title: ", with: "title: Edited ") }
        #expect(next.incremental?.bodiesEdited == 1)
        #expect(next.text("timeline/index.html")?.contains("A title that failed") == false)
    }
}
