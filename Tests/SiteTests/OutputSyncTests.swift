import Foundation
import Testing
@testable import Site

@Suite("Syncing a build into the output folder")
struct OutputSyncTests {
    @Test func writesOnlyChangedFilesAndRemovesStaleOnes() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        try fixture.write("content/people/carol.md", "---\ntitle: Carol\n---\nShort-lived.\n")
        let first = try OutputSync.write(try fixture.build(), to: fixture.output)
        #expect(first.removed.isEmpty && first.unchanged == 0 && !first.written.isEmpty)
        let about = fixture.output.appendingPathComponent("about/index.html")
        let mtime = try FileManager.default.attributesOfItem(atPath: about.path)[.modificationDate] as? Date

        let again = try OutputSync.write(try fixture.build(), to: fixture.output)
        #expect(again.written.isEmpty, "an unchanged build writes nothing")
        #expect(again.unchanged == first.written.count)
        #expect(try FileManager.default.attributesOfItem(atPath: about.path)[.modificationDate] as? Date == mtime)

        try fixture.replace(in: "content/about.md", "Back", with: "Go back")
        try FileManager.default.removeItem(at: fixture.root.appendingPathComponent("content/people/carol.md"))
        let third = try OutputSync.write(try fixture.build(), to: fixture.output)
        #expect(third.written.contains("about/index.html"))
        #expect(third.removed == ["people/carol/index.html"])
        #expect(!FileManager.default.fileExists(atPath: fixture.output.appendingPathComponent("people/carol").path),
                "the folder the stale page leaves empty goes too")
    }

    @Test func neverRemovesFilesItDidNotWrite() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        try fixture.write("content/people/carol.md", "---\ntitle: Carol\n---\nShort-lived.\n")
        _ = try OutputSync.write(try fixture.build(), to: fixture.output)
        let mine = fixture.output.appendingPathComponent("people/carol/notes.txt")
        try Data("keep me".utf8).write(to: mine)
        try FileManager.default.removeItem(at: fixture.root.appendingPathComponent("content/people/carol.md"))
        _ = try OutputSync.write(try fixture.build(), to: fixture.output)
        #expect(FileManager.default.fileExists(atPath: mine.path))
        #expect(!FileManager.default.fileExists(atPath: fixture.output.appendingPathComponent("people/carol/index.html").path))
    }

    @Test func refusesAForeignNonEmptyFolderUnlessForced() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        let foreign = fixture.root.appendingPathComponent("documents")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        try Data("precious".utf8).write(to: foreign.appendingPathComponent("thesis.txt"))
        let site = try fixture.build()
        #expect(throws: Diagnostic.self) { try OutputSync.write(site, to: foreign) }
        #expect(FixtureSite.snapshot(foreign) == ["/thesis.txt": Data("precious".utf8)])
        _ = try OutputSync.write(site, to: foreign, force: true)
        #expect(FileManager.default.fileExists(atPath: foreign.appendingPathComponent("index.html").path))
        #expect(FileManager.default.fileExists(atPath: foreign.appendingPathComponent("thesis.txt").path))
    }

    @Test func neverWritesThroughASymbolicLink() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        let outside = fixture.root.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        _ = try OutputSync.write(try fixture.build(), to: fixture.output)
        let people = fixture.output.appendingPathComponent("people")
        try FileManager.default.removeItem(at: people)
        try FileManager.default.createSymbolicLink(at: people, withDestinationURL: outside)
        #expect(throws: Diagnostic.self) { try OutputSync.write(try fixture.build(), to: fixture.output) }
        #expect(FixtureSite.snapshot(outside).isEmpty)
    }

    @Test func rejectsPathsThatLeaveTheOutput() {
        for path in ["../x.html", "/etc/passwd", "a/../../b", "a\\b", "", "./a"] {
            #expect(!OutputSync.isSafeRelativePath(path), "\(path)")
        }
        #expect(OutputSync.isSafeRelativePath("timeline/x/index.html"))
    }

    @Test func aKilledBuildIsCompletedByTheNextOne() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        let site = try fixture.build()
        _ = try OutputSync.write(site, to: fixture.output)
        // Simulate a build killed after its temporary file was written but before the rename,
        // and a page that a crashed run left half-updated.
        try Data("partial".utf8).write(to: fixture.output.appendingPathComponent("about/index.html"))
        let report = try OutputSync.write(site, to: fixture.output)
        #expect(report.written == ["about/index.html"])
        #expect(FixtureSite.snapshot(fixture.output)["/about/index.html"] == site.files["about/index.html"])
    }
}
