import Foundation
@testable import Site
import Testing

/// After a body edit that keeps the page values (`ContentMemo.valuesKept`), the built-in sitemap and feeds are
/// taken from the last build without making their arguments (`FeedsStep.argumentsKept`), except a feed with full
/// content, which shows the edited body; every build is a full build's.
@Suite struct FeedsMemoKeptTests {
    private static func sameBuffer(_ a: Data?, _ b: Data?) -> Bool {
        guard let a, let b else { return false }
        return a.withUnsafeBytes { x in b.withUnsafeBytes { y in x.baseAddress == y.baseAddress } }
    }

    @Test func aFeedWithFullContentShowsTheEditedBody() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.replace(in: "site.yml", "collections:", with: "feeds:\n  full_content: true\ncollections:")
        let session = BuildSession()
        let first = try session.build(BuildOptions(root: site.root))
        // A paragraph after the first: the summary, title and date stay, the body (the feed's content) does not.
        try site.replace(in: "content/timeline/first.md", "met [Bob](../people/bob.md).",
                         with: "met [Bob](../people/bob.md).\n\nA later paragraph.\n")
        let second = try session.build(BuildOptions(root: site.root))
        #expect(second.incremental?.bodiesEdited == 1)
        #expect(second.text("timeline/atom.xml")?.contains("A later paragraph.") == true)
        #expect(Self.sameBuffer(first.files["sitemap.xml"], second.files["sitemap.xml"]), "the sitemap kept")
        #expect(second.files == (try site.build()).files)
    }

    @Test func aFeedWithoutFullContentIsKeptAfterABodyEdit() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let session = BuildSession()
        let first = try session.build(BuildOptions(root: site.root))
        try site.replace(in: "content/timeline/first.md", "met [Bob](../people/bob.md).",
                         with: "met [Bob](../people/bob.md).\n\nA later paragraph.\n")
        let second = try session.build(BuildOptions(root: site.root))
        #expect(second.incremental?.bodiesEdited == 1)
        #expect(Self.sameBuffer(first.files["timeline/atom.xml"], second.files["timeline/atom.xml"]), "the feed kept")
        #expect(second.files == (try site.build()).files)
        // A summary that changes (the first paragraph) makes the page values, and the feed, again.
        try site.replace(in: "content/timeline/first.md", "## What happened\n\n", with: "## What happened\n\nA new first paragraph.\n\n")
        let third = try session.build(BuildOptions(root: site.root))
        #expect(third.text("timeline/atom.xml")?.contains("A new first paragraph.") == true)
        #expect(third.files == (try site.build()).files)
    }
}
