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
    /// As the CLI: nothing built or written when the cache says nothing changed (then the built site is nil).
    static func run(_ site: FixtureSite, drafts: Bool = false, version: String = version,
                    margin: Int64 = SessionCache.racyMargin) throws -> (BuiltSite?, SessionCache.Note) {
        let options = BuildOptions(root: site.root, includeDrafts: drafts)
        let session = BuildSession()
        let note = SessionCache.restore(session, options: options, output: site.output, version: version, margin: margin)
        if note.upToDate != nil { return (nil, note) }
        let built = try session.build(options)
        _ = try OutputSync.write(built, to: site.output, unchanged: note.unchanged)
        #expect(SessionCache.save(session, options: options, output: site.output, version: version, note: note) == nil)
        return (built, note)
    }

    /// The output folder's files (without the manifest), as a built site's paths.
    static func outputFiles(_ site: FixtureSite) -> [String: Data] {
        var files: [String: Data] = [:]
        for (path, data) in FixtureSite.snapshot(site.output) where path != "/" + OutputSync.manifestName {
            files[String(path.dropFirst())] = data
        }
        return files
    }

    @Test func aCachedBuildAfterAnEditEqualsAFullBuild() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let (_, first) = try Self.run(site)
        #expect(!first.restored)
        try site.replace(in: "content/timeline/first.md", "met", with: "finally met")
        let (built, note) = try Self.run(site)
        #expect(note.restored, "\(note)")
        #expect(built?.incremental?.markdownRendered == 1)
        #expect(built?.incremental?.pagesReused ?? 0 > 0, "the page memo came back from the cache")
        #expect(built?.files == (try site.build()).files)
        #expect(Self.outputFiles(site) == (try site.build()).files)
        #expect(FixtureSite.snapshot(site.output).count == (built?.files.count ?? 0) + 1, "the files and the manifest")
    }

    @Test func aCachedBuildWithNoChangeBuildsAndWritesNothing() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let (full, _) = try Self.run(site)
        let before = FixtureSite.snapshot(site.output)
        let (built, note) = try Self.run(site)
        #expect(note.restored)
        #expect(built == nil, "nothing built")
        #expect(note.upToDate?.pageCount == full?.pageCount)
        #expect(note.upToDate?.files == full?.files.count)
        #expect(FixtureSite.snapshot(site.output) == before)
        #expect(Self.outputFiles(site) == full?.files)
    }

    /// Files that settled before a run are known by their stamps: the second run after a build reads what the
    /// first wrote (too recent to trust), the third reads nothing.
    @Test func settledFilesAreKnownByTheirStamps() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let margin: Int64 = 50_000_000
        try Self.run(site, margin: margin)
        Thread.sleep(forTimeInterval: 0.12)
        let (_, second) = try Self.run(site, margin: margin)
        #expect((second.upToDate?.filesRead ?? 0) > 0, "\(second)")
        let (_, third) = try Self.run(site, margin: margin)
        #expect(third.upToDate?.filesRead == 0, "\(third)")
        // An edit of the same size, by hand, in a settled file: its stamp changes, so it is read.
        try site.replace(in: "content/timeline/first.md", "met", with: "mat")
        let (built, fourth) = try Self.run(site, margin: margin)
        #expect(fourth.upToDate == nil, "\(fourth)")
        #expect(built?.incremental?.changedInputs == 1)
        #expect(Self.outputFiles(site) == (try site.build()).files)
        // An output edited by hand after it settled: found by its stamp, and the cache is not trusted.
        Thread.sleep(forTimeInterval: 0.12)
        try Self.run(site, margin: margin)
        Thread.sleep(forTimeInterval: 0.12)
        try Self.run(site, margin: margin)
        let about = site.output.appendingPathComponent("about/index.html")
        var bytes = [UInt8](try Data(contentsOf: about))
        bytes[bytes.count / 2] ^= 0x01
        try Data(bytes).write(to: about)
        let (_, fifth) = try Self.run(site, margin: margin)
        #expect(!fifth.restored, "\(fifth)")
        #expect(Self.outputFiles(site) == (try site.build()).files, "the build restored it")
    }

    /// A page added to a folder whose stamp stood for its listing, and one removed: each found, and the output is
    /// a full build's.
    @Test func aPageAddedOrRemovedInASettledFolderIsFound() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let margin: Int64 = 50_000_000
        try Self.run(site, margin: margin)
        Thread.sleep(forTimeInterval: 0.12)
        try Self.run(site, margin: margin)
        let (_, settled) = try Self.run(site, margin: margin)
        #expect(settled.upToDate?.filesRead == 0, "\(settled)")
        try site.write("content/timeline/fourth.md", "---\ntitle: Fourth event\ndate: 2016-01-02\npeople: [ada]\nsources: [paper]\n---\nNew.\n")
        let (added, note) = try Self.run(site, margin: margin)
        #expect(note.upToDate == nil, "\(note)")
        #expect(added?.files["timeline/fourth/index.html"] != nil)
        #expect(Self.outputFiles(site) == (try site.build()).files)
        Thread.sleep(forTimeInterval: 0.12)
        try Self.run(site, margin: margin)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/timeline/fourth.md"))
        let (removed, after) = try Self.run(site, margin: margin)
        #expect(after.upToDate == nil, "\(after)")
        #expect(removed?.files["timeline/fourth/index.html"] == nil)
        #expect(Self.outputFiles(site) == (try site.build()).files)
    }

    /// A folder moved out of the root and linked back: every file keeps its inode and times, but the folder above
    /// them is now a link, so they are checked as a full build reads them (and refused, as it refuses them).
    @Test func aFolderMovedOutOfTheRootBehindALinkIsFound() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let margin: Int64 = 50_000_000
        try Self.run(site, margin: margin)
        Thread.sleep(forTimeInterval: 0.12)
        let (_, settled) = try Self.run(site, margin: margin)
        #expect(settled.upToDate != nil, "\(settled)")
        let outside = site.root.deletingLastPathComponent().appendingPathComponent("outside-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: outside) }
        let folder = site.root.appendingPathComponent("content/timeline")
        try FileManager.default.moveItem(at: folder, to: outside)
        try FileManager.default.createSymbolicLink(at: folder, withDestinationURL: outside)
        #expect(throws: BuildFailure.self) { try site.build() }
        #expect(throws: BuildFailure.self) { try Self.run(site, margin: margin) }
    }

    /// A file a sync would clean up (a killed build's temporary file) in a folder of the output: not up to date.
    @Test func aLeftoverInTheOutputIsCleanedUp() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try Self.run(site)
        let leftover = site.output.appendingPathComponent("about/.index.html.tmp-999999")
        try Data("half".utf8).write(to: leftover)
        let (_, note) = try Self.run(site)
        #expect(note.upToDate == nil, "\(note)")
        #expect(!FileManager.default.fileExists(atPath: leftover.path))
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
        #expect(built?.incremental?.changedInputs == nil, "a full build")
        #expect(built?.files == (try site.build()).files)
    }

    @Test func aDamagedHeaderIsIgnored() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try Self.run(site)
        try Self.alter(site, header: true) { bytes in bytes[bytes.count / 2] ^= 0x40 }
        let (built, note) = try Self.run(site)
        #expect(!note.restored)
        #expect(note.reason.contains("damaged"), "\(note)")
        #expect(built?.files == (try site.build()).files)
    }

    /// Cut short, with a checksum that matches what is left: the decoder itself must notice.
    @Test(arguments: [false, true]) func aTruncatedCacheIsIgnored(header: Bool) throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try Self.run(site)
        try Self.alter(site, header: header) { bytes in
            bytes = Array(bytes.dropLast(8).prefix(bytes.count / 2))
            var tail = CacheEncoder()
            tail.number(CacheHash.of(bytes))
            bytes += tail.bytes
        }
        if !header {
            // A truncated body is noticed when the body is needed: after a change.
            try site.replace(in: "content/about.md", "## Method", with: "## Methods")
        }
        let (built, note) = try Self.run(site)
        #expect(!note.restored)
        #expect(note.reason.contains(header ? "truncated" : "damaged"), "\(note)")
        #expect(built?.files == (try site.build()).files)
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
        #expect(drafts?.files["timeline/secret/index.html"] != nil)
    }

    @Test func anOutputChangedByHandMakesTheCacheStale() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try Self.run(site)
        try Data("edited by hand".utf8).write(to: site.output.appendingPathComponent("about/index.html"))
        let (built, note) = try Self.run(site)
        #expect(!note.restored)
        #expect(note.reason.contains("a file differs"), "\(note)")
        #expect(FixtureSite.snapshot(site.output)["/about/index.html"] == built?.files["about/index.html"], "the build restored it")
    }

    @Test func theCacheIsNeverInTheOutput() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try Self.run(site)
        for file in [SessionCache.file(options: BuildOptions(root: site.root), output: site.output),
                     SessionCache.headerFile(options: BuildOptions(root: site.root), output: site.output)] {
            #expect(FileManager.default.fileExists(atPath: file.path))
            #expect(!file.path.hasPrefix(site.output.standardizedFileURL.path + "/"))
        }
    }

    private static func alter(_ site: FixtureSite, header: Bool = false, _ change: (inout [UInt8]) -> Void) throws {
        let options = BuildOptions(root: site.root)
        let file = header ? SessionCache.headerFile(options: options, output: site.output) : SessionCache.file(options: options, output: site.output)
        var bytes = [UInt8](try Data(contentsOf: file))
        change(&bytes)
        try Data(bytes).write(to: file)
    }
}
