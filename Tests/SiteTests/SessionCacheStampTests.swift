import Foundation
@testable import Site
import SiteInputs
import Testing

/// The stamps a cached run already has, carried into the header it writes (`CacheHeader.make(known:)`,
/// `SessionCache.Note.inputStamps`): an input found unchanged by its stamp at the start of the run is not
/// `lstat`ed again when the cache is saved, unless that stamp is racy (taken within the margin).
@Suite("Incremental builds: the cache's known stamps")
struct SessionCacheStampTests {
    /// `make` writes a known, settled stamp as it is (here one that differs from the disk, so only `known` can
    /// have put it there), and `lstat`s again for one that has not settled.
    @Test func makeTakesAKnownStampOnlyWhenItSettled() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let path = "content/about.md"
        let real = try #require(FileStamp.of(site.root.appendingPathComponent(path).path))
        let margin: Int64 = 1_000_000_000
        let start = FileStamp.now() + 10 * margin
        var known = real
        known.inode &+= 1
        func make(_ stamp: FileStamp) -> FileStamp? {
            CacheHeader.make(reads: [path: .file(fingerprint: 1)], fingerprints: [:], site: BuiltSite(files: [:], pageCount: 0),
                             root: site.root, output: site.output, start: start, margin: margin, bodies: [],
                             known: [path: stamp]).inputs.first?.stamp
        }
        #expect(make(known) == known)
        var racy = known
        racy.changed = start - margin / 2
        #expect(make(racy) == real, "a stamp taken within the margin is taken again")
    }

    /// `restore` hands `save` the stamps it found for unchanged inputs (not for the edited one), and `save` writes
    /// them into the header. A stamp that no longer matches the disk only makes the next run read the file.
    @Test func saveWritesTheStampsRestoreFound() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let margin: Int64 = 50_000_000
        try SessionCacheTests.run(site, margin: margin)
        Thread.sleep(forTimeInterval: 0.12)
        // A build saved once the files settled stamps them (and the folders above them).
        try site.replace(in: "content/timeline/first.md", "met", with: "finally met")
        try SessionCacheTests.run(site, margin: margin)
        Thread.sleep(forTimeInterval: 0.12)
        try site.replace(in: "content/timeline/first.md", "finally met", with: "met at last")
        let options = BuildOptions(root: site.root)
        let session = BuildSession()
        var note = SessionCache.restore(session, options: options, output: site.output, version: SessionCacheTests.version, margin: margin)
        #expect(note.restored && note.upToDate == nil, "\(note)")
        let path = "content/about.md"
        let found = try #require(note.inputStamps[path], "an unchanged, settled input's stamp")
        #expect(found == FileStamp.of(site.root.appendingPathComponent(path).path))
        #expect(note.inputStamps["content/timeline/first.md"] == nil, "the edited file is stamped by `save`, not by `restore`")
        var fake = found
        fake.inode &+= 1
        note.inputStamps[path] = fake
        let built = try session.build(options)
        _ = try OutputSync.write(built, to: site.output, unchanged: note.unchanged)
        #expect(SessionCache.save(session, options: options, output: site.output, version: SessionCacheTests.version, note: note) == nil)
        let bytes = try #require(CacheFile.readRegular(SessionCache.headerFile(options: options, output: site.output).path))
        let header = try SessionCache.decodeHeader(bytes, options: options, output: site.output, version: SessionCacheTests.version).get()
        #expect(header.inputs.first { $0.path == path }?.stamp == fake, "save wrote the stamp restore found")
        try site.replace(in: "content/timeline/first.md", "met at last", with: "met")
        let (next, after) = try SessionCacheTests.run(site, margin: margin)
        #expect(after.restored, "\(after)")
        #expect(next?.incremental?.changedInputs == 1, "the file whose stamp differs is read and found unchanged")
        #expect(SessionCacheTests.outputFiles(site) == (try site.build()).files)
    }
}
