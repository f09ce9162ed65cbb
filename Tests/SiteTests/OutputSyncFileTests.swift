import Foundation
import Testing
@testable import Site
#if canImport(Glibc)
import Glibc
#endif

/// How the sync treats what it finds where a file goes: the same bytes, other bytes of the same size,
/// a link, a file where a folder belongs, a FIFO; and which failure it reports when several files fail.
@Suite("Syncing single files")
struct OutputSyncFileTests {
    @Test func otherBytesOfTheSameSizeAreRewritten() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        let site = try fixture.build()
        _ = try OutputSync.write(site, to: fixture.output)
        let about = fixture.output.appendingPathComponent("about/index.html")
        var bytes = try Data(contentsOf: about)
        bytes[bytes.count / 2] ^= 0x01
        try bytes.write(to: about)
        let report = try OutputSync.write(site, to: fixture.output)
        #expect(report.written == ["about/index.html"])
        #expect(try Data(contentsOf: about) == site.files["about/index.html"])
    }

    @Test func aFileWhereAFolderBelongsIsReported() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        let site = try fixture.build()
        _ = try OutputSync.write(site, to: fixture.output)
        let people = fixture.output.appendingPathComponent("people")
        try FileManager.default.removeItem(at: people)
        try Data("not a folder".utf8).write(to: people)
        let error = try #require(throws: Diagnostic.self) { try OutputSync.write(site, to: fixture.output) }
        #expect(error.file == people.path)
        #expect(error.message == "expected a folder here, found a file")
        #expect(try Data(contentsOf: people) == Data("not a folder".utf8))
    }

    @Test func aLinkInPlaceOfAFileIsNotWrittenThrough() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        let site = try fixture.build()
        _ = try OutputSync.write(site, to: fixture.output)
        let outside = fixture.root.appendingPathComponent("outside.html")
        try Data("precious".utf8).write(to: outside)
        let about = fixture.output.appendingPathComponent("about/index.html")
        try FileManager.default.removeItem(at: about)
        try FileManager.default.createSymbolicLink(at: about, withDestinationURL: outside)
        let error = try #require(throws: Diagnostic.self) { try OutputSync.write(site, to: fixture.output) }
        #expect(error.file == about.path)
        #expect(error.message == "refusing to write through a symbolic link in the output folder")
        #expect(try Data(contentsOf: outside) == Data("precious".utf8))
    }

    /// Files are written in parallel; the failure reported is still the first in path order, every time.
    @Test func theFirstFailureInPathOrderIsReported() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        let site = try fixture.build()
        _ = try OutputSync.write(site, to: fixture.output)
        let outside = fixture.root.appendingPathComponent("outside.html")
        try Data("precious".utf8).write(to: outside)
        let failing = site.files.keys.filter { $0.hasSuffix(".html") && $0 != "404.html" }.sorted()
        try #require(failing.count >= 4)
        for path in failing.dropFirst() {
            let url = fixture.output.appendingPathComponent(path)
            try FileManager.default.removeItem(at: url)
            try FileManager.default.createSymbolicLink(at: url, withDestinationURL: outside)
        }
        for _ in 0..<5 {
            let error = try #require(throws: Diagnostic.self) { try OutputSync.write(site, to: fixture.output) }
            #expect(error.file == fixture.output.appendingPathComponent(failing[1]).path)
        }
        #expect(try Data(contentsOf: outside) == Data("precious".utf8))
    }

    /// Two thousand files in many new folders: every one staged, renamed into place (its folders made on the
    /// way), and the staging folder gone afterwards.
    @Test func manyFilesInNewFoldersAreAllWritten() throws {
        var files: [String: Data] = [:]
        for folder in 0..<40 {
            for file in 0..<50 {
                files["f\(folder)/g\(file % 5)/p\(file)/index.html"] = Data("\(folder).\(file)".utf8)
            }
        }
        let site = BuiltSite(files: files, pageCount: files.count)
        for round in 0..<3 {
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("race-\(getpid())-\(round)")
            defer { try? FileManager.default.removeItem(at: root) }
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: false)
            let report = try OutputSync.write(site, to: root)
            #expect(report.written.count == files.count)
            for (path, bytes) in files {
                #expect(try Data(contentsOf: root.appendingPathComponent(path)) == bytes)
            }
            #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent(".build-site-staging").path))
        }
    }

    @Test func aFIFOWhereAPageGoesIsReplacedNotRead() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        let site = try fixture.build()
        _ = try OutputSync.write(site, to: fixture.output)
        let about = fixture.output.appendingPathComponent("about/index.html")
        try FileManager.default.removeItem(at: about)
        try #require(mkfifo(about.path, 0o644) == 0)
        let report = try OutputSync.write(site, to: fixture.output)
        #expect(report.written == ["about/index.html"])
        #expect(try Data(contentsOf: about) == site.files["about/index.html"])
    }

    @Test(arguments: [
        ("index.html", true), ("a/b/c.html", true), ("...", true), ("a/.../b", true), (".a/b", true), ("a/..b", true),
        ("é/王.html", true), ("x/.build-site-manifest", true),
        ("", false), ("/a", false), ("a//b", false), ("a/", false), ("./a", false), ("a/.", false), ("a/../b", false),
        ("..", false), ("a\\b", false), ("a\0b", false), (".build-site-manifest", false), ("é/../x", false), ("é//x", false),
    ])
    func safeRelativePaths(_ path: String, _ safe: Bool) {
        #expect(OutputSync.isSafeRelativePath(path) == safe, "\(path)")
    }
}
