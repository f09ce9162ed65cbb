import Foundation
@testable import Site
import Testing

/// After an edit, a page whose key parts are the last build's keeps its Markdown memo key instead of hashing its
/// body again (`MarkdownMemo.KeyParts`), and every kept key is the one hashing would give.
@Suite("Incremental builds: Markdown memo keys kept")
struct MarkdownKeptKeysTests {
    /// The keys a fresh session hashes for the site as it is now.
    private func freshKeys(_ site: FixtureSite) throws -> [String: UInt64] {
        let fresh = BuildSession()
        _ = try fresh.build(BuildOptions(root: site.root))
        return try #require(fresh.lastBuild).markdown.mapValues(\.key)
    }

    @Test func aBodyEditHashesOnlyTheEditedPagesKeyAndKeepsTheRestEqual() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let session = BuildSession()
        let first = try session.build(BuildOptions(root: site.root))
        #expect(first.incremental?.markdownKeysHashed == first.incremental?.markdownRendered, "a first build hashes every key")
        try site.replace(in: "content/about.md", "## Method", with: "## Method, revised\n\nA new paragraph.")
        let second = try session.build(BuildOptions(root: site.root))
        #expect(second.incremental?.bodiesEdited == 1)
        #expect(second.incremental?.markdownKeysHashed == 1, "only the edited body is hashed")
        let kept = try #require(session.lastBuild).markdown.mapValues(\.key)
        #expect(kept == (try freshKeys(site)), "every kept key is the key hashing the page now gives")
        #expect(second.files == (try site.build()).files)
    }

    @Test func aTemplateEditKeepsEveryKeyAndAnEditThatMovesTheBodyHashesIt() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let session = BuildSession()
        _ = try session.build(BuildOptions(root: site.root))
        let template = try #require(FileManager.default.enumerator(atPath: site.root.appendingPathComponent("templates").path)?
            .compactMap { $0 as? String }.first { $0.hasSuffix(".html") })
        try site.write("templates/" + template, try site.read("templates/" + template) + "\n")
        let second = try session.build(BuildOptions(root: site.root))
        #expect(second.incremental?.markdownKeysHashed == 0, "the content loaded again: the same bodies")
        #expect(try #require(session.lastBuild).markdown.mapValues(\.key) == (try freshKeys(site)))
        // A line added to the front matter moves the body's first line, which the key holds: hashed again.
        try site.replace(in: "content/about.md", "title: ", with: "# a comment line\ntitle: ")
        let third = try session.build(BuildOptions(root: site.root))
        #expect(third.incremental?.markdownKeysHashed == 1)
        #expect(try #require(session.lastBuild).markdown.mapValues(\.key) == (try freshKeys(site)))
        #expect(third.files == (try site.build()).files)
    }
}
