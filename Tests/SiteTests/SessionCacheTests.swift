import Foundation
@testable import Site
import SiteInputs
import Testing

/// The CLI's cache of the last build (`SessionCache`): a build that uses it gives a full build's output, and a
/// cache that is damaged, truncated, stale or about an output changed since is ignored, never trusted.
@Suite("Incremental builds: the cache between runs")
struct SessionCacheTests {
    static let version = "test-1"

    /// One run of `build-site build`: restore, build, write, save. Returns the build and what restoring said.
    @discardableResult
    static func run(_ site: FixtureSite, drafts: Bool = false, version: String = version) throws -> (BuiltSite, SessionCache.Note) {
        let options = BuildOptions(root: site.root, includeDrafts: drafts)
        let session = BuildSession()
        let note = SessionCache.restore(session, options: options, output: site.output, version: version)
        let built = try session.build(options)
        _ = try OutputSync.write(built, to: site.output)
        #expect(SessionCache.save(session, options: options, output: site.output, version: version) == nil)
        return (built, note)
    }

    @Test func aCachedBuildAfterAnEditEqualsAFullBuild() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let (_, first) = try Self.run(site)
        #expect(!first.restored)
        try site.replace(in: "content/timeline/first.md", "met", with: "finally met")
        let (built, note) = try Self.run(site)
        #expect(note.restored, "\(note)")
        #expect(built.incremental?.markdownRendered == 1)
        #expect(built.incremental?.pagesReused ?? 0 > 0, "the page memo came back from the cache")
        #expect(built.files == (try site.build()).files)
        #expect(FixtureSite.snapshot(site.output).count == built.files.count + 1, "the files and the manifest")
    }

    @Test func aCachedBuildWithNoChangeReusesTheLastBuild() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let (full, _) = try Self.run(site)
        let (built, note) = try Self.run(site)
        #expect(note.restored)
        #expect(built.incremental?.reusedWholeBuild == true)
        #expect(built.files == full.files)
        #expect(built.pageCount == full.pageCount)
    }

    @Test func aDamagedCacheIsIgnored() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try Self.run(site)
        try Self.alter(site) { bytes in bytes[bytes.count / 2] ^= 0x40 }
        try site.replace(in: "content/about.md", "## Method", with: "## Methods")
        let (built, note) = try Self.run(site)
        #expect(!note.restored)
        #expect(note.reason.contains("damaged"), "\(note)")
        #expect(built.incremental?.changedInputs == nil, "a full build")
        #expect(built.files == (try site.build()).files)
    }

    /// Cut short, with a checksum that matches what is left: the decoder itself must notice.
    @Test func aTruncatedCacheIsIgnored() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try Self.run(site)
        try Self.alter(site) { bytes in
            bytes = Array(bytes.dropLast(8).prefix(bytes.count / 2))
            var tail = CacheEncoder()
            tail.number(CacheHash.of(bytes))
            bytes += tail.bytes
        }
        let (built, note) = try Self.run(site)
        #expect(!note.restored)
        #expect(note.reason.contains("truncated"), "\(note)")
        #expect(built.files == (try site.build()).files)
    }

    @Test func aCacheOfAnotherVersionOrOtherOptionsIsStale() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try Self.run(site)
        let (_, other) = try Self.run(site, version: "test-2")
        #expect(!other.restored)
        #expect(other.reason.contains("another version"), "\(other)")
        let (drafts, note) = try Self.run(site, drafts: true, version: "test-2")
        #expect(!note.restored)
        #expect(drafts.files["timeline/secret/index.html"] != nil)
    }

    @Test func anOutputChangedByHandMakesTheCacheStale() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try Self.run(site)
        try Data("edited by hand".utf8).write(to: site.output.appendingPathComponent("about/index.html"))
        let (built, note) = try Self.run(site)
        #expect(!note.restored)
        #expect(note.reason.contains("a file differs"), "\(note)")
        #expect(FixtureSite.snapshot(site.output)["/about/index.html"] == built.files["about/index.html"], "the build restored it")
    }

    @Test func theCacheIsNeverInTheOutput() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try Self.run(site)
        let file = SessionCache.file(options: BuildOptions(root: site.root), output: site.output)
        #expect(FileManager.default.fileExists(atPath: file.path))
        #expect(!file.path.hasPrefix(site.output.standardizedFileURL.path + "/"))
    }

    private static func alter(_ site: FixtureSite, _ change: (inout [UInt8]) -> Void) throws {
        let file = SessionCache.file(options: BuildOptions(root: site.root), output: site.output)
        var bytes = [UInt8](try Data(contentsOf: file))
        change(&bytes)
        try Data(bytes).write(to: file)
    }
}
