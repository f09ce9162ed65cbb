import Foundation
@testable import Site
import SiteInputs
import Testing

/// A `BuildSession` rebuilds a site after edits, reusing what did not change, and always gives what a full
/// build from scratch gives.
@Suite("Incremental builds: the session")
struct BuildSessionTests {
    @Test func aSecondBuildWithNoChangeReusesTheWholeBuild() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let session = BuildSession()
        let first = try session.build(BuildOptions(root: site.root))
        #expect(first.incremental?.changedInputs == nil)
        let second = try session.build(BuildOptions(root: site.root))
        #expect(second.incremental?.reusedWholeBuild == true)
        #expect(second.incremental?.changedInputs == 0)
        #expect(second.files == first.files)
        #expect(second.timings.map(\.step) == ["check inputs"])
    }

    @Test func anEditedBodyRendersOnlyThatPagesMarkdown() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let session = BuildSession()
        let first = try session.build(BuildOptions(root: site.root))
        try site.replace(in: "content/about.md", "## Method", with: "## Method, revised\n\nA new paragraph.")
        let second = try session.build(BuildOptions(root: site.root))
        #expect(second.incremental?.changedInputs == 1)
        #expect(second.incremental?.markdownRendered == 1)
        #expect(second.incremental?.markdownReused == first.pageCount - 1)
        let pageFiles = FileManager.default.enumerator(atPath: site.root.appendingPathComponent("content").path)?
            .compactMap { $0 as? String }.filter { $0.hasSuffix(".md") }.count ?? 0
        #expect(second.incremental?.bodiesEdited == 1, "the last content kept, with the edited page's new body")
        #expect(second.incremental?.parsesReused == 0, "nothing loaded")
        #expect(second.text("about/index.html")?.contains("A new paragraph.") == true)
        #expect(second.files == (try site.build()).files)
        // A front matter edit (not of the title line, `TitleEditTests`) loads the content again: every page file's
        // parse but the edited one's from the memo.
        try site.replace(in: "content/about.md", "summary: ", with: "summary: Edited ")
        let third = try session.build(BuildOptions(root: site.root))
        #expect(third.incremental?.bodiesEdited == nil)
        #expect(third.incremental?.parsesReused == pageFiles - 1, "every page file but the edited one, drafts included")
        #expect(third.files == (try site.build()).files)
    }

    @Test func anEditedBodyRendersOnlyThePagesThatReadIt() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let session = BuildSession()
        _ = try session.build(BuildOptions(root: site.root))
        try site.replace(in: "content/about.md", "## Method", with: "## Method, revised")
        let second = try session.build(BuildOptions(root: site.root))
        let summary = try #require(second.incremental)
        #expect(summary.pagesRendered == 1, "about.md has a summary of its own: no other page shows its body")
        #expect(summary.pagesReused > 5)
        #expect(second.files == (try site.build()).files)
    }

    @Test func anEditedTitleRendersThePagesThatShowIt() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let session = BuildSession()
        let first = try session.build(BuildOptions(root: site.root))
        try site.replace(in: "content/timeline/second.md", "title: ", with: "title: Renamed ")
        let second = try session.build(BuildOptions(root: site.root))
        let summary = try #require(second.incremental)
        #expect(summary.pagesRendered > 1, "the event, its neighbours and the list show its title")
        #expect(summary.pagesReused > 0)
        let changed = second.files.keys.filter { second.files[$0] != first.files[$0] && $0.hasSuffix(".html") }
        #expect(summary.pagesRendered >= changed.count)
        #expect(second.files == (try site.build()).files)
    }

    @Test func linksAreCheckedOnlyOnChangedPagesAndBrokenOnesStillFound() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let session = BuildSession()
        _ = try session.build(BuildOptions(root: site.root))
        // A new paragraph: the page's ids (its headings) stay as they were.
        try site.replace(in: "content/about.md", "Back [home]", with: "Go back [home]")
        let edited = try session.build(BuildOptions(root: site.root))
        let changed = edited.incremental?.linksChecked
        #expect(changed != nil && changed! >= 1 && changed! < 5, "only the changed pages: \(String(describing: changed))")
        // A changed heading changes the page's ids: every page is checked again.
        try site.replace(in: "content/about.md", "## Method", with: "## Methods")
        #expect(try session.build(BuildOptions(root: site.root)).incremental?.linksChecked == nil)
        try site.replace(in: "content/about.md", "Go back [home]", with: "See [nothing](/timeline/first/#no-such-id).")
        let incremental = Result { () throws(BuildFailure) in try session.build(BuildOptions(root: site.root)) }
        let full = Result { () throws(BuildFailure) in try site.build() }
        guard case .failure(let failure) = incremental, case .failure(let expected) = full else {
            Issue.record("both builds should fail on the broken anchor")
            return
        }
        #expect(failure.diagnostics == expected.diagnostics)
        #expect(failure.diagnostics.contains { $0.message.contains("no-such-id") })
    }

    /// No component could show it (`TemplateInvalidationTests` has the rest).
    @Test func aTemplateEditKeepsTheMarkdownMemo() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let session = BuildSession()
        let first = try session.build(BuildOptions(root: site.root))
        try site.replace(in: "templates/base.html", "</body>", with: "<p>edited</p></body>")
        let second = try session.build(BuildOptions(root: site.root))
        #expect(second.incremental?.markdownReused == first.pageCount)
        #expect(second.text("about/index.html")?.contains("<p>edited</p>") == true)
        #expect(second.files == (try site.build()).files)
    }

    /// A change to no file the content's load read (a template here) keeps the last content and page values:
    /// nothing is parsed again, and only the pages that used the template are rendered.
    @Test func aTemplateEditKeepsTheContentAndThePageValues() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let session = BuildSession()
        let first = try session.build(BuildOptions(root: site.root))
        try site.replace(in: "templates/timeline/page.html", "{% block main %}", with: "{% block main %}<p>edited</p>")
        let second = try session.build(BuildOptions(root: site.root))
        #expect(second.incremental?.bodiesEdited == 0, "the last content kept, nothing loaded")
        #expect(second.incremental?.parsesReused == 0)
        #expect(second.incremental?.pagesRendered ?? 0 > 0)
        #expect(second.incremental?.pagesRendered ?? .max < first.pageCount, "only the pages that used the template")
        #expect(second.files == (try site.build()).files)
        // A data file is not read by the load either.
        try site.write("data/extra.yml", "note: new\n")
        let third = try session.build(BuildOptions(root: site.root))
        #expect(third.incremental?.bodiesEdited == 0)
        #expect(third.files == (try site.build()).files)
        // site.yml is: the content is loaded again.
        try site.replace(in: "site.yml", "title: ", with: "title: Edited ")
        let fourth = try session.build(BuildOptions(root: site.root))
        #expect(fourth.incremental?.bodiesEdited == nil)
        #expect(fourth.files == (try site.build()).files)
    }

    /// A page rendered with a fallback template (`people/page.html` missing, so `page.html`) is rendered again when
    /// the more specific template appears, though its context is the last build's: the candidates tried before
    /// the one found were read as absent.
    @Test func aNewMoreSpecificTemplateTakesItsPages() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let session = BuildSession()
        _ = try session.build(BuildOptions(root: site.root))
        let page = try String(contentsOf: site.root.appendingPathComponent("templates/page.html"), encoding: .utf8)
        try site.write("templates/people/page.html", page.replacingOccurrences(of: "{% block main %}", with: "{% block main %}<p>a person</p>"))
        let second = try session.build(BuildOptions(root: site.root))
        #expect(second.incremental?.bodiesEdited == 0)
        #expect(second.text("people/ada/index.html")?.contains("<p>a person</p>") == true)
        #expect(second.text("about/index.html")?.contains("<p>a person</p>") == false)
        #expect(second.files == (try site.build()).files)
    }

    @Test func aNewPageAndARenamedPageGiveAFullBuildsOutput() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let session = BuildSession()
        _ = try session.build(BuildOptions(root: site.root))
        try site.write("content/people/carol.md", "---\ntitle: Carol\n---\nCarol links to [Ada](ada.md).\n")
        #expect(try session.build(BuildOptions(root: site.root)).files == (try site.build()).files)
        try FileManager.default.moveItem(at: site.root.appendingPathComponent("content/people/carol.md"),
                                         to: site.root.appendingPathComponent("content/people/caroline.md"))
        let renamed = try session.build(BuildOptions(root: site.root))
        #expect(renamed.files["people/caroline/index.html"] != nil)
        #expect(renamed.files["people/carol/index.html"] == nil)
        #expect(renamed.files == (try site.build()).files)
    }

    @Test func aFailedBuildKeepsTheLastGoodStateAndTheFixRebuildsExactly() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let session = BuildSession()
        let first = try session.build(BuildOptions(root: site.root))
        let good = try site.read("content/about.md")
        try site.write("content/about.md", "---\ntitle: [unclosed\n---\nbody\n")
        #expect(throws: BuildFailure.self) { try session.build(BuildOptions(root: site.root)) }
        try site.write("content/about.md", good)
        let fixed = try session.build(BuildOptions(root: site.root))
        #expect(fixed.incremental?.reusedWholeBuild == true, "the inputs are the last good build's again")
        #expect(fixed.files == first.files)
    }

    @Test func aNewStaticFileIsNoticedThroughItsFoldersListing() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let session = BuildSession()
        _ = try session.build(BuildOptions(root: site.root))
        try site.write("static/extra.txt", "new\n")
        let second = try session.build(BuildOptions(root: site.root))
        #expect(second.incremental?.reusedWholeBuild == false)
        #expect(second.files["extra.txt"] == Data("new\n".utf8))
    }

    @Test func withoutIncrementalEveryBuildIsFull() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let session = BuildSession(incremental: false)
        _ = try session.build(BuildOptions(root: site.root))
        let second = try session.build(BuildOptions(root: site.root))
        #expect(second.incremental == nil)
        #expect(second.timings.contains { $0.step == "render templates" })
    }

    @Test func otherOptionsAreNeverServedFromTheLastBuild() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let session = BuildSession()
        let published = try session.build(BuildOptions(root: site.root))
        let drafts = try session.build(BuildOptions(root: site.root, includeDrafts: true))
        #expect(drafts.incremental?.changedInputs == nil)
        #expect(drafts.files["timeline/secret/index.html"] != nil)
        #expect(published.files["timeline/secret/index.html"] == nil)
    }

    @Test func inputChangesSeeEditsAbsencesAndListings() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let log = ReadLog()
        _ = try SiteBuilder.build(BuildOptions(root: site.root, readLog: log))
        let reads = log.snapshot
        #expect(InputChanges.since(reads, root: site.root).isEmpty)
        try site.replace(in: "content/timeline/first.md", "met", with: "meets")
        try site.write("templates/extra.html", "x")
        let changes = InputChanges.since(reads, root: site.root)
        #expect(changes.paths == ["content/timeline/first.md", "templates/"])
        #expect(!changes.touchesOnlyPages)
        #expect(InputChanges(paths: ["content/", "content/timeline/first.md"]).touchesOnlyPages)
    }
}

/// The input check's stamps (`InputStamps`): a file is skipped only when its `lstat` is the same as when the
/// last check stamped it and was not racy then.
@Suite("Incremental builds: input stamps")
struct InputStampsTests {
    static let stamp = InputStamps.Stamp(device: 1, inode: 2, mode: 0o100644, size: 10, modified: 5_000_000_000, changed: 5_000_000_000)

    @Test func aStampVouchesOnlyWhenTheSameAndOldEnough() {
        let stamps = InputStamps(taken: 10_000_000_000, realRoot: "/site", files: ["a.md": Self.stamp])
        #expect(stamps.vouches(for: "a.md", now: Self.stamp))
        #expect(!stamps.vouches(for: "b.md", now: Self.stamp), "no stamp")
        for change in [\InputStamps.Stamp.modified, \.changed] {
            var other = Self.stamp
            other[keyPath: change] += 1
            #expect(!stamps.vouches(for: "a.md", now: other))
        }
        var moved = Self.stamp
        moved.inode = 3
        #expect(!stamps.vouches(for: "a.md", now: moved))
        var grown = Self.stamp
        grown.size = 11
        #expect(!stamps.vouches(for: "a.md", now: grown))
        // Changed within the margin of the stamp's time: the same times could hide a second write.
        let racy = InputStamps(taken: Self.stamp.changed + InputStamps.margin, realRoot: "/site", files: ["a.md": Self.stamp])
        #expect(!racy.vouches(for: "a.md", now: Self.stamp))
    }

    @Test func aLinkOrAFolderGetsNoStamp() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let root = site.root.path
        #expect(InputStamps.stamp(root + "/content/about.md") != nil)
        #expect(InputStamps.stamp(root + "/content") == nil)
        try FileManager.default.createSymbolicLink(atPath: root + "/content/link.md", withDestinationPath: "about.md")
        #expect(InputStamps.stamp(root + "/content/link.md") == nil)
        #expect(InputStamps.plainFolders(of: ["content/timeline/first.md"], root: root) == ["content", "content/timeline"])
    }

    /// Stamps taken over a second after the last write vouch for the files; a same-size rewrite with its
    /// modification time put back is still seen (its change time moved), and the result is a full build's.
    @Test func aRewriteWithTheSameSizeAndTimeIsSeen() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let session = BuildSession()
        _ = try session.build(BuildOptions(root: site.root))
        Thread.sleep(forTimeInterval: 1.2)
        let unchanged = try session.build(BuildOptions(root: site.root))
        #expect(unchanged.incremental?.reusedWholeBuild == true)
        let path = site.root.appendingPathComponent("content/about.md").path
        let before = try FileManager.default.attributesOfItem(atPath: path)
        try site.replace(in: "content/about.md", "## Method", with: "## Mxthod")
        try FileManager.default.setAttributes([.modificationDate: before[.modificationDate] as Any], ofItemAtPath: path)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int == before[.size] as? Int)
        let edited = try session.build(BuildOptions(root: site.root))
        #expect(edited.incremental?.changedInputs == 1)
        #expect(edited.text("about/index.html")?.contains("Mxthod") == true)
        #expect(edited.files == (try site.build()).files)
    }
}
