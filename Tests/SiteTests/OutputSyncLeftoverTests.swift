import Foundation
import Testing
@testable import Site

/// A killed build leaves `.<name>.tmp-<pid>` files; the next build removes exactly those, and nothing else.
@Suite struct OutputSyncLeftoverTests {
    /// A pid that cannot belong to a running process (above Linux's pid_max of 2^22).
    static let deadPID = 9_999_999

    @Test func parsesOnlyItsOwnPattern() {
        #expect(OutputSync.temporaryParts(".index.html.tmp-123").map { "\($0.name) \($0.pid)" } == "index.html 123")
        #expect(OutputSync.temporaryParts(".a.tmp-1.tmp-7").map { "\($0.name) \($0.pid)" } == "a.tmp-1 7")
        for other in ["index.html.tmp-1", ".index.html.tmp-", ".index.html.tmp-12a", "..tmp-3", ".x.tmp-+3", ".x.tmp--3"] {
            #expect(OutputSync.temporaryParts(other) == nil, "\(other)")
        }
    }

    @Test func removesLeftoversOfItsOwnFilesOnly() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        let site = try fixture.build()
        _ = try OutputSync.write(site, to: fixture.output)
        let about = fixture.output.appendingPathComponent("about")
        let leftover = about.appendingPathComponent(".index.html.tmp-\(Self.deadPID)")
        let foreignName = about.appendingPathComponent(".notes.txt.tmp-\(Self.deadPID)")
        let live = about.appendingPathComponent(".index.html.tmp-\(getpid() == 1 ? 2 : 1)")
        for file in [leftover, foreignName, live] { try Data("partial".utf8).write(to: file) }

        _ = try OutputSync.write(site, to: fixture.output)

        #expect(!FileManager.default.fileExists(atPath: leftover.path), "our own leftover goes")
        #expect(FileManager.default.fileExists(atPath: foreignName.path), "a name the build never writes is not ours")
        #expect(FileManager.default.fileExists(atPath: live.path), "a running process (pid 1) may still rename it")
    }

    /// A build killed after removing a stale page but before removing its folder leaves an empty folder that
    /// the manifest still names a file in; the next build removes it, and keeps a folder holding anything.
    @Test func emptyFoldersOfAlreadyRemovedFilesGo() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        let site = try fixture.build()
        _ = try OutputSync.write(site, to: fixture.output)
        let manifest = fixture.output.appendingPathComponent(OutputSync.manifestName)
        let listed = try String(contentsOf: manifest, encoding: .utf8)
        try Data((listed + "gone/page/index.html\nkept/page/index.html\n").utf8).write(to: manifest)
        let fm = FileManager.default
        try fm.createDirectory(at: fixture.output.appendingPathComponent("gone/page"), withIntermediateDirectories: true)
        try fm.createDirectory(at: fixture.output.appendingPathComponent("kept/page"), withIntermediateDirectories: true)
        let note = fixture.output.appendingPathComponent("kept/page/notes.txt")
        try Data("mine".utf8).write(to: note)

        let report = try OutputSync.write(site, to: fixture.output)

        #expect(!fm.fileExists(atPath: fixture.output.appendingPathComponent("gone").path), "empty folders of our file go")
        #expect(fm.fileExists(atPath: note.path), "a folder holding something else stays, with it")
        #expect(report.removed.isEmpty, "no file was removed: they were already gone")
    }

    @Test func aFirstBuildKilledBeforeItsManifestIsNotAForeignFolder() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        try FileManager.default.createDirectory(at: fixture.output, withIntermediateDirectories: true)
        let manifestTemp = fixture.output.appendingPathComponent(".\(OutputSync.manifestName).tmp-\(Self.deadPID)")
        try Data("# build-site manifest\n".utf8).write(to: manifestTemp)
        _ = try OutputSync.write(try fixture.build(), to: fixture.output)
        #expect(!FileManager.default.fileExists(atPath: manifestTemp.path))
        #expect(FileManager.default.fileExists(atPath: fixture.output.appendingPathComponent(OutputSync.manifestName).path))
    }

    /// A path's folder and name, split on bytes, are what splitting its components by `Character` gives.
    @Test func splitsAPathAtItsLastSlashAsItsComponentsSay() {
        for path in ["index.html", "a/index.html", "timeline/openai-founded/index.html", "zh/search/t/0.js", "é/ü.html",
                     "马斯克/index.html", "a/b/c/d/e.txt", ".build-site-manifest"] {
            let parts = path.split(separator: "/")
            let (folder, name) = OutputSync.folderAndName(path)
            #expect(folder == parts.dropLast().joined(separator: "/") && name == String(parts.last!), "\(path)")
        }
    }

    /// The manifest's lines, cut on bytes, are the lines a `Character` split gives, carriage returns and all.
    @Test func readsTheManifestsLinesAsACharacterSplitWould() {
        for text in ["# header\nindex.html\na/b.html\n", "", "\n\n", "one", "é/ü.html\n马/index.html\n",
                     "# h\r\nindex.html\r\na.html\n", "a\rb\nc", "x\n\u{301}y\n"] {
            #expect(OutputSync.manifestLines(text) == text.split(separator: "\n").map(String.init), "\(text.debugDescription)")
        }
    }
}
