import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Nothing the user owns is overwritten (issue 19, item 2), through the real executable: an output folder on
/// the site's sources, the root, `/` or the home folder is refused with and without `--force`; `--force`
/// adopts a foreign folder but overwrites no file it did not write unless byte-identical; a default `site/`
/// symlinked outside the root is refused unless named with `--output`. Every case compares the whole root
/// and a sentinel file outside it, byte for byte, before and after.
@Suite struct OutputPlacementTests {
    /// A site, a folder outside it holding a sentinel (also used as `$HOME`), and a previous build's `site/`.
    private struct Setup {
        let site: ScratchSite
        let outside: ScratchSite
        let rootBefore: [String: Data]
        let outsideBefore: [String: Data]

        init() throws {
            site = try ScratchSite(fixture: "base", base: nil)
            outside = try ScratchSite()
            try site.write("body { color: red }\n", to: "static/style.css")
            try site.plantPreviousOutput()
            try outside.write("do not touch\n", to: "sentinel.txt")
            try outside.write("my own things\n", to: "home/notes.txt")
            rootBefore = ScratchSite.snapshot(of: site.root)
            outsideBefore = ScratchSite.snapshot(of: outside.root)
        }

        func remove() {
            site.remove()
            outside.remove()
        }

        func expectUntouched(_ outcome: BuildSiteBinary.Outcome, sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(ScratchSite.snapshot(of: site.root) == rootBefore, "the root changed", sourceLocation: sourceLocation)
            #expect(ScratchSite.snapshot(of: outside.root) == outsideBefore, "outside the root changed",
                    sourceLocation: sourceLocation)
            #expect(!outcome.signalled && outcome.status == 1, "status \(outcome.status):\n\(outcome.stderr)",
                    sourceLocation: sourceLocation)
        }
    }

    static let refused: [(output: String, reason: String)] = [
        (".", "is the site's root folder"),
        ("..", "contains the site's root folder"),
        ("content", "is the site's content"),
        ("content/timeline", "lies inside the site's content"),
        ("templates", "is the site's templates"),
        ("static", "is the site's static"),
        ("site.yml", "is the site's site.yml"),
        ("data", "is the site's data"),
        ("i18n/en", "lies inside the site's i18n"),
        ("/", "is the file system's root, /"),
        ("HOME", "is your home folder"),
        ("HOME/..", "contains your home folder"),
    ]

    @Test(arguments: refused, [false, true])
    func refusesFoldersTheUserOwns(_ refusal: (output: String, reason: String), force: Bool) throws {
        let binary = try BuildSiteBinary.locate()
        let setup = try Setup()
        defer { setup.remove() }
        let output: String
        if refusal.output == "/" {
            output = "/"
        } else if refusal.output.hasPrefix("HOME") {
            output = setup.outside.url("home").path + refusal.output.dropFirst(4)
        } else {
            output = setup.site.url(refusal.output).path
        }

        let outcome = try binary.run(["--root", setup.site.root.path, "--output", output] + (force ? ["--force"] : []),
                                     environment: ["HOME": setup.outside.url("home").path])

        setup.expectUntouched(outcome)
        #expect(outcome.errorLines.count == 1, "\(outcome.stderr)")
        #expect(outcome.errorLines.first?.hasSuffix(
            "error: the output folder \(refusal.reason); refusing to write there, even with --force") == true, "\(outcome.stderr)")
    }

    @Test func aDefaultOutputLinkedOutsideTheRootIsRefusedUnlessNamed() throws {
        let binary = try BuildSiteBinary.locate()
        let setup = try Setup()
        defer { setup.remove() }
        try FileManager.default.removeItem(at: setup.site.url("site"))
        try FileManager.default.createDirectory(at: setup.outside.url("deploy"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: setup.site.url("site").path, withDestinationPath: setup.outside.url("deploy").path)
        let rootBefore = ScratchSite.snapshot(of: setup.site.root)
        let outsideBefore = ScratchSite.snapshot(of: setup.outside.root)

        let refused = try binary.run(["--root", setup.site.root.path, "--force"])
        #expect(refused.status == 1)
        #expect(refused.errorLines.first?.contains("error: the output folder is a symbolic link to") == true, "\(refused.stderr)")
        #expect(refused.stderr.contains("note: name it with --output"))
        #expect(ScratchSite.snapshot(of: setup.site.root) == rootBefore)
        #expect(ScratchSite.snapshot(of: setup.outside.root) == outsideBefore)

        let named = try binary.run(["--root", setup.site.root.path, "--output", setup.site.url("site").path, "--quiet"])
        #expect(named.status == 0, "\(named.stderr)")
        #expect(try setup.outside.read("deploy/timeline/first/index.html").contains("First event"))
        #expect(try setup.outside.read("sentinel.txt") == "do not touch\n")
    }

    @Test func forceStopsBeforeOverwritingAFileItDidNotWrite() throws {
        let binary = try BuildSiteBinary.locate()
        let setup = try Setup()
        defer { setup.remove() }
        let reference = try binary.run(["--root", setup.site.root.path, "--output", setup.outside.url("reference").path, "--quiet"])
        #expect(reference.status == 0, "\(reference.stderr)")
        try setup.outside.write("<p>my own home page</p>\n", to: "adopted/index.html")
        try setup.outside.write("<p>my own first event</p>\n", to: "adopted/timeline/first/index.html")
        try setup.outside.write("keep me\n", to: "adopted/notes.txt")
        let before = ScratchSite.snapshot(of: setup.outside.url("adopted"))

        let outcome = try binary.run(["--root", setup.site.root.path, "--output", setup.outside.url("adopted").path, "--force"])

        #expect(outcome.status == 1)
        #expect(outcome.errorLines == [setup.outside.url("adopted").path + ": error: refusing to overwrite 2 files that build-site "
            + "did not write (not in .build-site-manifest); nothing was changed"], "\(outcome.stderr)")
        #expect(outcome.stderr.contains("note: would overwrite index.html\nnote: would overwrite timeline/first/index.html\n"))
        #expect(ScratchSite.snapshot(of: setup.outside.url("adopted")) == before)
        #expect(!FileManager.default.fileExists(atPath: setup.outside.url("adopted/.build-site-staging").path))

        // The same bytes the build would write are no conflict: the folder is adopted, the rest left alone.
        for path in ["index.html", "timeline/first/index.html"] {
            try setup.outside.write(try Data(contentsOf: setup.outside.url("reference/" + path)), to: "adopted/" + path)
        }
        let adopted = try binary.run(["--root", setup.site.root.path, "--output", setup.outside.url("adopted").path, "--force", "--quiet"])
        #expect(adopted.status == 0, "\(adopted.stderr)")
        #expect(try setup.outside.read("adopted/notes.txt") == "keep me\n")
        var built = ScratchSite.snapshot(of: setup.outside.url("adopted"))
        built["notes.txt"] = nil
        #expect(built == ScratchSite.snapshot(of: setup.outside.url("reference")))
    }

    /// Also without `--force`: a file the manifest does not list is not overwritten just because the folder is ours.
    @Test func aHandMadeFileInOurOwnFolderIsNotOverwritten() throws {
        let binary = try BuildSiteBinary.locate()
        let site = try ScratchSite(fixture: "base", base: nil)
        defer { site.remove() }
        try site.write("---\ntitle: Home\n---\nHello.\n", to: "content/index.md")
        #expect(try binary.run(["--root", site.root.path, "--quiet"]).status == 0)
        try site.write("---\ntitle: About\n---\nAbout us.\n", to: "content/about.md")
        try site.write("<p>written by hand</p>\n", to: "site/about/index.html")
        let before = ScratchSite.snapshot(of: site.url("site"))

        let outcome = try binary.run(["--root", site.root.path])

        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("refusing to overwrite 1 file that build-site did not write"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("note: would overwrite about/index.html"))
        #expect(ScratchSite.snapshot(of: site.url("site")) == before)
    }
}
