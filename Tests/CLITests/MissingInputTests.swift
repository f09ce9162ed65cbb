import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Missing inputs are errors, not empty sites (issue 19, item 3), through the real executable. Before, a
/// missing `content/` printed "Built 0 pages … 70 removed" and exited 0. Each case plants a previous build's
/// `site/` and requires exit status 1, the message, and `site/` byte for byte as it was.
@Suite struct MissingInputTests {
    private func expectRefusal(_ outcome: BuildSiteBinary.Outcome, _ headline: String, site: ScratchSite,
                               before: [String: Data], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!outcome.signalled && outcome.status == 1, "status \(outcome.status):\n\(outcome.stderr)",
                sourceLocation: sourceLocation)
        #expect(outcome.errorLines == [headline], "\(outcome.stderr)", sourceLocation: sourceLocation)
        #expect(!outcome.stdout.contains("Built"), sourceLocation: sourceLocation)
        #expect(ScratchSite.snapshot(of: site.url("site")) == before, sourceLocation: sourceLocation)
    }

    static let noContent = "content: error: there is no content/ folder in the site's root; refusing to build an empty site"

    @Test func aRootThatDoesNotExist() throws {
        let binary = try BuildSiteBinary.locate()
        let site = try ScratchSite(fixture: "base", base: nil)
        defer { site.remove() }
        let before = try site.plantPreviousOutput()
        // Run from inside a real site: the missing --root must not fall back to the current folder.
        let outcome = try binary.run(["--root", "no-such-folder"], currentDirectory: site.root)
        expectRefusal(outcome, "error: --root 'no-such-folder' does not exist", site: site, before: before)
    }

    @Test func aRootWithoutContent() throws {
        let binary = try BuildSiteBinary.locate()
        let site = try ScratchSite(fixture: "base", base: nil)
        defer { site.remove() }
        try FileManager.default.removeItem(at: site.url("content"))
        let before = try site.plantPreviousOutput()
        let outcome = try binary.run(["--root", site.root.path])
        expectRefusal(outcome, Self.noContent, site: site, before: before)
    }

    @Test(arguments: ["dangling", "loop"])
    func aContentLinkThatLeadsNowhere(_ kind: String) throws {
        let binary = try BuildSiteBinary.locate()
        let site = try ScratchSite(fixture: "base", base: nil)
        defer { site.remove() }
        try FileManager.default.removeItem(at: site.url("content"))
        let target = kind == "loop" ? "content" : "moved-away"
        try FileManager.default.createSymbolicLink(atPath: site.url("content").path, withDestinationPath: target)
        let before = try site.plantPreviousOutput()
        let outcome = try binary.run(["--root", site.root.path])
        let reason = kind == "loop" ? "a symlink loop" : "a broken symlink"
        expectRefusal(outcome, "content: error: content is \(reason) (it points to '\(target)'); refusing to build an empty site",
                      site: site, before: before)
    }

    @Test func anEmptyContentFolderWhenTheLastBuildHadPages() throws {
        let binary = try BuildSiteBinary.locate()
        let site = try ScratchSite(fixture: "base", base: nil)
        defer { site.remove() }
        #expect(try binary.run(["--root", site.root.path, "--quiet"]).status == 0)
        try FileManager.default.removeItem(at: site.url("content"))
        try FileManager.default.createDirectory(at: site.url("content"), withIntermediateDirectories: false)
        let before = ScratchSite.snapshot(of: site.url("site"))
        let published = before.keys.filter { $0.hasSuffix(".html") }.count
        let outcome = try binary.run(["--root", site.root.path])
        expectRefusal(outcome, site.url("site").path + ": error: the site has no pages, but the last build here published "
                          + "\(published) HTML files; refusing to remove them", site: site, before: before)
    }

    /// Whether this machine lets us run a program with `/proc` hidden (a user and mount namespace).
    static let canHideProc: Bool = {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        probe.arguments = ["--user", "--map-root-user", "--mount", "sh", "-c", "mount -t tmpfs none /proc && test ! -e /proc/self"]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return false }
        probe.waitUntilExit()
        return probe.terminationStatus == 0
    }()

    /// Without `/proc` the Swift runtime on Linux finds no arguments at all; parsed as usual that would build
    /// the current folder. Run from inside a real site with a planted `site/`, which must stay as it was.
    @Test(.enabled(if: canHideProc, "needs unshare with user namespaces to hide /proc"),
          .disabled(if: ProcessInfo.processInfo.environment["BUILD_SITE_TESTS_SANITIZED"] != nil,
                    "ThreadSanitizer's own runtime reads /proc at start-up"))
    func noProcMeansNoBuild() throws {
        let binary = try BuildSiteBinary.locate()
        let site = try ScratchSite(fixture: "base", base: nil)
        defer { site.remove() }
        let before = try site.plantPreviousOutput()
        let launcher = ["/usr/bin/unshare", "--user", "--map-root-user", "--mount", "sh", "-c",
                        "mount -t tmpfs none /proc && exec \"$0\" \"$@\""]
        // Without /proc a thread of the Swift runtime sometimes traps at start-up (about one run in ten here) and
        // prints a "Signal 4" banner of its own; the refusal has been printed and nothing built by then. So three
        // runs: each must refuse and build nothing, and at least one must end with a plain status 1.
        var clean = 0
        for _ in 0..<3 {
            let outcome = try binary.run(["--root", site.root.path], currentDirectory: site.root, launcher: launcher)
            #expect(outcome.status == 1 || outcome.signalled, "status \(outcome.status):\n\(outcome.stderr)")
            #expect(outcome.stderr.contains("error: cannot read this process's command-line arguments (is /proc mounted?); "
                        + "refusing to guess which site to build"), "\(outcome.stderr)")
            #expect(!outcome.stdout.contains("Built"))
            #expect(ScratchSite.snapshot(of: site.url("site")) == before)
            if !outcome.signalled && outcome.status == 1 { clean += 1 }
        }
        #expect(clean >= 1, "every run without /proc ended by a signal")
        #expect(ScratchSite.snapshot(of: site.url("site")) == before)
    }
}
