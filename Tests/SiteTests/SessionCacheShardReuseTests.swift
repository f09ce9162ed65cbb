import Foundation
@testable import Site
import SiteInputs
import Testing

/// A shard whose entries are all the restored ones is not encoded again (`ShardReuse`): its file is kept, and it
/// holds exactly the bytes a full encode of the build would make, after an edit, an added page and a removed one.
@Suite("Incremental builds: shards kept without encoding")
struct SessionCacheShardReuseTests {
    enum Change: String, CaseIterable, Sendable {
        case bodyEdit, pageAdded, pageRemoved
    }

    static let added = "content/timeline/fourth.md"

    @Test(arguments: Change.allCases) func aShardOfRestoredEntriesIsKeptAsItWas(change: Change) throws {
        let site = try FixtureSite()
        defer { site.remove() }
        if change == .pageRemoved {
            try site.write(Self.added, "---\ntitle: Fourth event\ndate: 2016-01-02\npeople: [ada]\nsources: [paper]\n---\nNew.\n")
        }
        try SessionCacheTests.run(site)
        switch change {
        case .bodyEdit: try site.replace(in: "content/timeline/first.md", "met", with: "finally met")
        case .pageAdded: try site.write(Self.added, "---\ntitle: Fourth event\ndate: 2016-01-02\npeople: [ada]\nsources: [paper]\n---\nNew.\n")
        case .pageRemoved: try FileManager.default.removeItem(at: site.root.appendingPathComponent(Self.added))
        }
        let options = BuildOptions(root: site.root)
        let session = BuildSession()
        let note = SessionCache.restore(session, options: options, output: site.output, version: SessionCacheTests.version)
        #expect(note.restored && note.upToDate == nil, "\(note)")
        let built = try session.build(options)
        _ = try OutputSync.write(built, to: site.output, unchanged: note.unchanged)
        let last = try #require(session.lastBuild)
        let kept = SessionCache.encodeBodies(last, origins: session.originNames, decoded: note.shardSizes)
        let full = SessionCache.encodeBodies(last, origins: session.originNames)
        #expect(full.allSatisfy { $0 != nil }, "without the restored sizes every shard is encoded")
        let files = SessionCacheShardTests.shardFiles(site)
        let disk = files.map { try? Data(contentsOf: $0) }
        let skipped = (0..<SessionCache.shardCount).filter { kept[$0 + 1] == nil }
        #expect(!skipped.isEmpty, "most shards hold only restored entries")
        let differing = (0..<SessionCache.shardCount).filter { full[$0 + 1].map { Data($0) } != disk[$0] }
        #expect(!differing.isEmpty, "the change reached a shard")
        for index in skipped {
            #expect(full[index + 1].map { Data($0) } == disk[index], "shard \(index) kept, and it is what a full encode makes")
        }
        #expect(SessionCache.save(session, options: options, output: site.output, version: SessionCacheTests.version, note: note) == nil)
        #expect(files.map { try? Data(contentsOf: $0) } == full.dropFirst().map { $0.map { Data($0) } })
        try site.replace(in: "content/about.md", "## Method", with: "## Methods")
        let (next, after) = try SessionCacheTests.run(site)
        #expect(after.restored, "\(after)")
        #expect(next?.files == (try site.build()).files)
    }

    /// A second build in a session does not start from the restored build: every shard is encoded.
    @Test func aBuildNotFromTheRestoredOneEncodesEveryShard() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try SessionCacheTests.run(site)
        try site.replace(in: "content/timeline/first.md", "met", with: "finally met")
        let options = BuildOptions(root: site.root)
        let session = BuildSession()
        let note = SessionCache.restore(session, options: options, output: site.output, version: SessionCacheTests.version)
        _ = try session.build(options)
        try site.replace(in: "content/timeline/first.md", "finally met", with: "met at last")
        _ = try session.build(options)
        let last = try #require(session.lastBuild)
        #expect(last.storedSinceRestore == nil)
        #expect(SessionCache.encodeBodies(last, origins: session.originNames, decoded: note.shardSizes).allSatisfy { $0 != nil })
    }
}
