import Foundation
@testable import Site
import Testing

/// A rebuild hands the search index's three steps (a page's text, a document's terms, a shard's bytes) the same
/// arguments for what did not change and gets the last build's results (`SearchMemo`); what changed is made
/// again, and every build is a full build's.
@Suite struct SearchMemoTests {
    private static func sameBuffer(_ a: Data?, _ b: Data?) -> Bool {
        guard let a, let b else { return false }
        return a.withUnsafeBytes { x in b.withUnsafeBytes { y in x.baseAddress == y.baseAddress } }
    }

    private static func shards(_ site: BuiltSite) -> [String: Data] {
        site.files.filter { $0.key.hasPrefix("search/t/") }
    }

    /// Turns search on, with enough distinct words for several shards (a shard aims at `SearchIndex.shardBytes`).
    private static func searchWithManyShards(_ site: FixtureSite) throws {
        try site.replace(in: "site.yml", "collections:", with: "search: true\ncollections:")
        for page in 0..<60 {
            let words = (0..<300).map { "w\(page)x\($0)" }.joined(separator: " ")
            try site.write("content/people/p\(page).md", "---\ntitle: Person \(page)\n---\n\n\(words)\n")
        }
    }

    @Test func aBodyEditMakesOnlyWhatItChangedAgain() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try Self.searchWithManyShards(site)
        let session = BuildSession()
        let first = try session.build(BuildOptions(root: site.root))
        #expect(first.incremental?.searchReused == 0, "nothing to reuse in a first build")
        #expect(Self.shards(first).count > 3)
        #expect(!Self.shards(first).isEmpty)
        // A word no page has: its shard changes, and only the shards of the edited page's terms can.
        try site.replace(in: "content/about.md", "## Method", with: "## Method\n\nZygomorphic orchids.\n")
        let second = try session.build(BuildOptions(root: site.root))
        #expect(second.files == (try site.build()).files)
        let reused = try #require(second.incremental?.searchReused)
        #expect(reused > 0, "the unedited pages' texts and terms were the last build's")
        let kept = Self.shards(second).filter { Self.sameBuffer($0.value, first.files[$0.key]) }
        #expect(!kept.isEmpty, "shards without the edited page's terms kept their bytes")
        #expect(kept.count < Self.shards(second).count, "the shard with the new word was made again")
        #expect(Self.shards(second).values.contains { String(decoding: $0, as: UTF8.self).contains("\"zygomorphic\"") })
        // The same edit undone: the index is the first build's again, byte for byte.
        try site.replace(in: "content/about.md", "## Method\n\nZygomorphic orchids.\n", with: "## Method")
        let third = try session.build(BuildOptions(root: site.root))
        #expect(Self.shards(third) == Self.shards(first))
        #expect(third.files == (try site.build()).files)
    }

    /// A word taken out of a page leaves a shard no other term of that page is in: that shard is written again
    /// too (the last build's shards of a changed document count, not only this build's).
    @Test func aShardOnlyTheRemovedWordWasInIsWrittenAgain() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try Self.searchWithManyShards(site)
        try site.write("content/people/solo.md", "---\ntitle: Solo\n---\n")
        let session = BuildSession()
        let first = try session.build(BuildOptions(root: site.root))
        let count = Self.shards(first).count
        let own = Set(["solo", "people"].map { SearchText.shard(of: $0, count: count) })
        let word = try #require(["zygomorphic", "quixotic", "xylophone", "jubilant", "marzipan", "obelisk", "wombat"]
            .first { !own.contains(SearchText.shard(of: $0, count: count)) })
        try site.write("content/people/solo.md", "---\ntitle: Solo\n---\n\n\(word)\n")
        let second = try session.build(BuildOptions(root: site.root))
        #expect(second.files == (try site.build()).files)
        try #require(Self.shards(second).count == count, "as many shards: the layout is kept")
        try site.write("content/people/solo.md", "---\ntitle: Solo\n---\n")
        let third = try session.build(BuildOptions(root: site.root))
        #expect(Self.shards(third) == Self.shards(first), "the word's shard is the first build's again")
        #expect(third.files == (try site.build()).files)
    }

    @Test func aChangedTitleIsFoundUnderItsNewWords() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.replace(in: "site.yml", "collections:", with: "search: true\ncollections:")
        let session = BuildSession()
        _ = try session.build(BuildOptions(root: site.root))
        try site.replace(in: "content/timeline/first.md", "title: First event", with: "title: Quixotic event")
        let second = try session.build(BuildOptions(root: site.root))
        #expect(second.files == (try site.build()).files)
        #expect(Self.shards(second).values.contains { String(decoding: $0, as: UTF8.self).contains("\"quixotic\"") })
    }
}
