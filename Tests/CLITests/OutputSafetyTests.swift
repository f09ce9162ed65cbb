import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The output folder promises, through the real executable: a folder that build-site did not write is
/// refused (or, with `--force`, written without removing anything foreign), and a build killed at any
/// moment leaves only whole files that the next build completes.
@Suite struct OutputSafetyTests {
    @Test func refusesANonEmptyFolderWithoutManifest() throws {
        let binary = try BuildSiteBinary.locate()
        let site = try ScratchSite(fixture: "base", base: nil)
        defer { site.remove() }
        try site.write("my tax return\n", to: "Documents/taxes.txt")
        try site.write("<p>hand-made</p>\n", to: "Documents/index.html")
        let before = ScratchSite.snapshot(of: site.url("Documents"))

        let outcome = try binary.run(["--root", site.root.path, "--output", site.url("Documents").path])

        #expect(!outcome.signalled)
        #expect(outcome.status == 1)
        #expect(outcome.errorLines == [site.url("Documents").standardizedFileURL.path
            + ": error: the output folder is not empty and was not written by build-site (no .build-site-manifest); refusing to touch it"])
        #expect(outcome.stderr.contains("note: pass --force"))
        #expect(ScratchSite.snapshot(of: site.url("Documents")) == before)
    }

    @Test func forceWritesButLeavesUnknownFilesAlone() throws {
        let binary = try BuildSiteBinary.locate()
        let site = try ScratchSite(fixture: "base", base: nil)
        defer { site.remove() }
        try site.write("my tax return\n", to: "out/taxes.txt")
        try site.write("keep me\n", to: "out/timeline/notes.txt")

        let first = try binary.run(["--root", site.root.path, "--output", site.url("out").path, "--force", "--quiet"])
        #expect(first.status == 0, "stderr:\n\(first.stderr)")
        #expect(try site.read("out/taxes.txt") == "my tax return\n")
        #expect(try site.read("out/timeline/notes.txt") == "keep me\n")
        #expect(try site.read("out/timeline/first/index.html").contains("First event"))
        #expect(FileManager.default.fileExists(atPath: site.url("out/.build-site-manifest").path))

        // The next build needs no --force (the manifest is there) and removes only what it wrote before.
        try FileManager.default.removeItem(at: site.url("content/timeline/first.md"))
        try site.write("---\ntitle: Home\n---\nNothing yet.\n", to: "content/index.md")
        let second = try binary.run(["--root", site.root.path, "--output", site.url("out").path, "--verbose"])
        #expect(second.status == 0, "stderr:\n\(second.stderr)")
        #expect(second.stdout.contains("removed timeline/first/index.html"))
        #expect(!FileManager.default.fileExists(atPath: site.url("out/timeline/first").path))
        #expect(try site.read("out/taxes.txt") == "my tax return\n")
        #expect(try site.read("out/timeline/notes.txt") == "keep me\n")
    }

    @Test func refusesToWriteThroughASymlinkInTheOutput() throws {
        let binary = try BuildSiteBinary.locate()
        let site = try ScratchSite(fixture: "base", base: nil)
        defer { site.remove() }
        let first = try binary.run(["--root", site.root.path, "--quiet"])
        #expect(first.status == 0, "stderr:\n\(first.stderr)")
        // Someone replaces a generated folder with a link to a folder outside the output.
        try site.write("precious\n", to: "elsewhere/index.html")
        try FileManager.default.removeItem(at: site.url("site/people"))
        try FileManager.default.createSymbolicLink(atPath: site.url("site/people").path, withDestinationPath: site.url("elsewhere").path)

        let second = try binary.run(["--root", site.root.path])

        #expect(second.status == 1)
        #expect(second.errorLines.first?.hasSuffix("site/people: error: refusing to write through a symbolic link in the output folder") == true,
                "\(second.stderr)")
        #expect(try site.read("elsewhere/index.html") == "precious\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.url("elsewhere").path) == ["index.html"])
    }
}
