import Foundation
@testable import Site
import SiteInputs
import Testing

/// The cache's body in shards (`SessionCache+Shards`) and what it keeps of the session besides the memo tables:
/// a shard that is damaged or of another build is found and the cache ignored; only shards whose bytes changed
/// are written again; a template edit through the cache reuses what a preview session would.
@Suite("Incremental builds: the cache's shards")
struct SessionCacheShardTests {
    static func shardFiles(_ site: FixtureSite) -> [URL] {
        let options = BuildOptions(root: site.root)
        return (0..<SessionCache.shardCount).map { SessionCache.shardFile(options: options, output: site.output, index: $0) }
    }

    /// The inode of each file: a file written again (to a temporary file, renamed into place) has a new one.
    static func inodes(_ files: [URL]) -> [UInt64] {
        files.map { url in
            var status = stat()
            return lstat(url.path, &status) == 0 ? UInt64(status.st_ino) : 0
        }
    }

    /// The shards that hold something, by their bytes.
    static func contents(_ files: [URL]) -> [Data?] {
        files.map { try? Data(contentsOf: $0) }
    }

    @Test func aDamagedShardIsIgnored() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try SessionCacheTests.run(site)
        let files = Self.shardFiles(site)
        // The largest shard: it holds pages for sure.
        let target = try #require(files.max { (Self.size($0)) < (Self.size($1)) })
        var bytes = [UInt8](try Data(contentsOf: target))
        bytes[bytes.count / 2] ^= 0x40
        try Data(bytes).write(to: target)
        try site.replace(in: "content/timeline/first.md", "met", with: "finally met")
        let (built, note) = try SessionCacheTests.run(site)
        #expect(!note.restored)
        #expect(note.reason.contains("damaged (body shard"), "\(note)")
        #expect(built?.incremental?.changedInputs == nil, "a full build")
        #expect(built?.files == (try site.build()).files)
    }

    /// A shard of an earlier build (whole, its checksum its own) with a header that names another: not trusted.
    @Test func aShardOfAnotherBuildIsIgnored() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try SessionCacheTests.run(site)
        let files = Self.shardFiles(site)
        let before = Self.contents(files)
        try site.replace(in: "content/timeline/first.md", "met", with: "finally met")
        try SessionCacheTests.run(site)
        let changed = try #require(files.indices.first { Self.contents([files[$0]])[0] != before[$0] }, "the edit changed a shard")
        try #require(before[changed]).write(to: files[changed])
        try site.replace(in: "content/timeline/first.md", "finally met", with: "met at last")
        let (built, note) = try SessionCacheTests.run(site)
        #expect(!note.restored)
        #expect(note.reason.contains("is not the one its header names"), "\(note)")
        #expect(built?.files == (try site.build()).files)
    }

    @Test func aMissingShardIsIgnored() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try SessionCacheTests.run(site)
        try FileManager.default.removeItem(at: Self.shardFiles(site)[3])
        try site.replace(in: "content/timeline/first.md", "met", with: "finally met")
        let (built, note) = try SessionCacheTests.run(site)
        #expect(!note.restored)
        #expect(note.reason.contains("truncated (no body shard 3)"), "\(note)")
        #expect(built?.files == (try site.build()).files)
    }

    /// After one page's edit, a shard whose bytes are what they were is not written again (its inode is the
    /// same), and the edited page's shards are.
    @Test func onlyTheShardsThatChangedAreWritten() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try SessionCacheTests.run(site)
        let files = Self.shardFiles(site)
        let bytes = Self.contents(files)
        let inodes = Self.inodes(files)
        try site.replace(in: "content/about.md", "## Method", with: "## Methods")
        let (built, note) = try SessionCacheTests.run(site)
        #expect(note.restored, "\(note)")
        #expect(built?.files == (try site.build()).files)
        let after = Self.contents(files)
        let newInodes = Self.inodes(files)
        let rewritten = files.indices.filter { newInodes[$0] != inodes[$0] }
        let changed = files.indices.filter { after[$0] != bytes[$0] }
        #expect(!changed.isEmpty, "the edit changed the page's shards")
        #expect(rewritten == changed, "exactly the shards whose bytes changed were written")
        #expect(rewritten.count < files.count)
    }

    /// A template edit through the cache: the pages that did not use the template are reused, and the Markdown
    /// is kept (the template is not one of the Markdown step's reads), as in a preview session.
    @Test func aTemplateEditThroughTheCacheReusesThePagesThatDidNotUseIt() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try SessionCacheTests.run(site)
        try site.replace(in: "templates/timeline/page.html", "<article>", with: "<article class=\"event\">")
        let (built, note) = try SessionCacheTests.run(site)
        #expect(note.restored, "\(note)")
        #expect(built?.incremental?.pagesReused ?? 0 > 0, "pages that do not use the template are reused")
        #expect(built?.incremental?.pagesRendered ?? 0 > 0, "the timeline's pages are rendered again")
        #expect(built?.incremental?.markdownRendered == 0, "the Markdown table is kept")
        #expect(built?.files == (try site.build()).files)
        #expect(SessionCacheTests.outputFiles(site) == (try site.build()).files)
    }

    private static func size(_ url: URL) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int) ?? 0
    }
}
