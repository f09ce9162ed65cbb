import Foundation
import Testing

/// libvips is loaded only when a build resizes an image (issue 24, item 5): the executable does not link it, a
/// site without large images builds where it is missing, and a site that needs a resized copy is told, at the
/// image's line, which package to install. `BUILD_SITE_LIBVIPS` names the file the loader opens; a name that
/// does not exist stands for a machine without libvips.
@Suite struct LazyLibvipsTests {
    static let absent = ["BUILD_SITE_LIBVIPS": "libvips-not-installed.so.42"]

    @Test func theExecutableDoesNotLinkLibvips() throws {
        let binary = try BuildSiteBinary.locate()
        let ldd = Process()
        ldd.executableURL = URL(fileURLWithPath: "/usr/bin/ldd")
        ldd.arguments = [binary.url.path]
        let output = Pipe()
        ldd.standardOutput = output
        try ldd.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        ldd.waitUntilExit()
        #expect(ldd.terminationStatus == 0)
        #expect(text.contains("libc.so"), "\(text)")
        #expect(!text.contains("libvips"), "\(text)")
        #expect(!text.contains("libglib"), "\(text)")
    }

    @Test func aSiteWithoutLargeImagesBuildsWithoutLibvips() throws {
        let binary = try BuildSiteBinary.locate()
        let site = try ScratchSite(fixture: "base", base: nil)
        defer { site.remove() }
        let outcome = try binary.run(["--root", site.root.path, "--quiet"], environment: Self.absent)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(FileManager.default.fileExists(atPath: site.url("site/index.html").path))
        #expect(try binary.run(["--version"], environment: Self.absent).status == 0)
    }

    @Test func aResizedCopyWithoutLibvipsIsAnErrorAtTheImage() throws {
        let binary = try BuildSiteBinary.locate()
        let site = try ScratchSite(fixture: "large-image")
        defer { site.remove() }
        let before = try site.plantPreviousOutput()
        let outcome = try binary.run(["--root", site.root.path], environment: Self.absent)
        #expect(!outcome.signalled && outcome.status == 1, "status \(outcome.status):\n\(outcome.stderr)")
        #expect(outcome.errorLines == [
            "content/index.md:6:1: error: /img/picture.png needs resized copies (`images:` in site.yml), and resizing needs "
                + "libvips, which this machine does not have (libvips-not-installed.so.42: cannot open shared object file: "
                + "No such file or directory)",
        ], "\(outcome.stderr)")
        #expect(outcome.stderr.contains("libvips42"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("libvips-dev"), "\(outcome.stderr)")
        #expect(ScratchSite.snapshot(of: site.url("site")) == before)
    }

    @Test func theSameSiteBuildsWithLibvips() throws {
        let binary = try BuildSiteBinary.locate()
        let site = try ScratchSite(fixture: "large-image")
        defer { site.remove() }
        let outcome = try binary.run(["--root", site.root.path, "--quiet"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        for copy in ["img/picture-160w.png", "img/picture-160w.png.webp", "img/picture-640w.png.webp"] {
            #expect(FileManager.default.fileExists(atPath: site.url("site/" + copy).path), "\(copy)")
        }
    }
}
