import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bad inputs that cannot live in the fixture folder (bytes git or editors mangle, symlinks, permissions),
/// written into a copy of `Fixtures/base` by each test and built with the real executable.
@Suite struct GeneratedBadInputTests {
    @discardableResult
    private func failingBuild(expecting lines: [String], asUser: (uid: UInt32, gid: UInt32)? = nil,
                              sourceLocation: SourceLocation = #_sourceLocation,
                              _ prepare: (ScratchSite) throws -> Void) throws -> BuildSiteBinary.Outcome {
        let binary = try BuildSiteBinary.locate()
        let site = try ScratchSite(fixture: "base", base: nil)
        defer { site.remove() }
        try prepare(site)
        let before = try site.plantPreviousOutput()
        let outcome = try binary.run(["--root", site.root.path], asUser: asUser)
        try BuildExpectations.checkFailure(outcome, in: site, before: before, expectedLines: lines, sourceLocation: sourceLocation)
        return outcome
    }

    @Test func invalidUTF8() throws {
        try failingBuild(expecting: ["content/about.md:2:10: error: file is not valid UTF-8 text (bad byte at this position)"]) { site in
            try site.write(Data("---\ntitle: Ab".utf8) + Data([0xC3, 0x28]) + Data("out\n---\nText.\n".utf8), to: "content/about.md")
        }
    }

    @Test func binaryFileWithMarkdownExtension() throws {
        let outcome = try failingBuild(expecting: ["content/logo.md:3:1: error: file contains a NUL byte: it looks binary, not UTF-8 text"]) { site in
            // The first bytes of a PNG file.
            try site.write(Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]),
                           to: "content/logo.md")
        }
        // The excerpt of a binary line shows no raw control bytes to the terminal.
        #expect(outcome.stderr.contains("  3 | \u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}IHDR\n"), "\(outcome.stderr)")
    }

    /// A CRLF file's excerpt must show the line the error is on (a `\r\n` is one Character in Swift,
    /// so splitting the text on "\n" Characters would not split it at all).
    @Test func errorInACRLFFileShowsItsOwnLine() throws {
        let outcome = try failingBuild(expecting: ["content/timeline/first.md:3:7: error: expected a date (2015, 2015-05 or 2015-12-11), found 'yesterday'"]) { site in
            try site.write("---\r\ntitle: First event\r\ndate: yesterday\r\n---\r\nIt happened.\r\n", to: "content/timeline/first.md")
        }
        #expect(outcome.stderr.contains("  3 | date: yesterday\n    |       ^\n"), "\(outcome.stderr)")
    }

    @Test func symlinkLoop() throws {
        try failingBuild(expecting: ["content/loop.md: error: symlink loop: the link resolves to itself"]) { site in
            try FileManager.default.createSymbolicLink(atPath: site.url("content/loop.md").path, withDestinationPath: "loop.md")
        }
    }

    @Test func folderSymlinkBackToParent() throws {
        try failingBuild(expecting: ["content/people/back: error: symlink loop: this folder points back to one of its parents"]) { site in
            try FileManager.default.createSymbolicLink(atPath: site.url("content/people/back").path, withDestinationPath: "..")
        }
    }

    /// `chmod 000` does not stop root (CI runs as root), so as root the build runs as `nobody` through
    /// `setpriv`, where the permission really applies. The test never passes by not testing.
    @Test func unreadableFile() throws {
        let asUser: (uid: UInt32, gid: UInt32)? = getuid() == 0 ? (65534, 65534) : nil
        if asUser != nil {
            try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
                         "running as root: /usr/bin/setpriv (util-linux) is needed to drop privileges for this test")
        }
        try failingBuild(expecting: ["content/secret.md: error: cannot read: permission denied"],
                         asUser: asUser) { site in
            try site.write("---\ntitle: Secret\n---\nText.\n", to: "content/secret.md")
            #expect(chmod(site.url("content/secret.md").path, 0) == 0)
            // Let the unprivileged user reach the site and read the rest.
            #expect(chmod(site.root.path, 0o755) == 0)
        }
    }
}
