import Foundation
@testable import Site
import Testing

/// A rebuild's link check with the same file names as the last one takes its lists, tables and unchanged pages'
/// scans (`LinkChecker+Reuse`), and finds exactly what a checker made anew finds.
@Suite struct LinkCheckerReuseTests {
    private static let site: [String: String] = [
        "index.html": "<a href=\"a/\">a</a> <a href=\"b/#part\">b</a> <img src=\"img/x.png\">",
        "a/index.html": "<h2 id=\"top\">A</h2><a href=\"../\">home</a> <a href=\"../b/\">b</a>",
        "b/index.html": "<h2 id=\"part\">B</h2><a href=\"../a/#top\">a</a>",
        "img/x.png": "png",
        "sitemap.xml": "<urlset/>",
    ]

    private static func files(_ site: [String: String]) -> [String: Data] { site.mapValues { Data($0.utf8) } }

    private static func memo(after files: [String: Data]) -> (LinkChecker, LinkMemo) {
        let first = LinkChecker(files: files)
        let kept = LinkMemo()
        kept.keep(first)
        return (first, LinkMemo(previous: kept.filled))
    }

    @Test func oneChangedPageTakesTheLastListsAndFindsWhatANewCheckerFinds() throws {
        let before = Self.files(Self.site)
        let (first, memo) = Self.memo(after: before)
        var edited = before
        edited["a/index.html"] = Data("<h2 id=\"top\">A</h2><a href=\"../c/\">gone</a> <a href=\"../b/#nowhere\">b</a>".utf8)
        let reused = LinkChecker(files: edited, memo: memo)
        #expect(reused.pages.withUnsafeBufferPointer { $0.baseAddress } == first.pages.withUnsafeBufferPointer { $0.baseAddress },
                "the same names: the last check's list of pages")
        let fresh = LinkChecker(files: edited)
        #expect(reused.check() == fresh.check())
        #expect(reused.check().count == 2)
        #expect(memo.pagesToCheck(reused) == [reused.pages.firstIndex(of: "a/index.html")].compactMap { $0 })
        #expect(reused.check(only: memo.pagesToCheck(reused) ?? []) == fresh.check())
    }

    @Test func anotherNameMakesTheCheckerAnew() throws {
        let before = Self.files(Self.site)
        let (first, memo) = Self.memo(after: before)
        var renamed = before
        renamed["img/x.png"] = nil
        renamed["img/y.png"] = Data("png".utf8)
        #expect(LinkChecker(files: renamed, basePath: "/", sameNamesAs: first) == nil)
        let checker = LinkChecker(files: renamed, memo: memo)
        #expect(memo.pagesToCheck(checker) == nil, "another file exists: every page is checked")
        #expect(checker.check() == LinkChecker(files: renamed).check())
        #expect(checker.check().map(\.href) == ["img/x.png"])
    }

    /// The saved form (`SessionCache`) is made from the kept check and checks the same way.
    @Test func theStateGivesEachPageAndPath() {
        let files = Self.files(Self.site)
        let (_, memo) = Self.memo(after: files)
        #expect(memo.previous.paths == Set(files.keys))
        #expect(Set(memo.previous.pages.keys) == ["index.html", "a/index.html", "b/index.html"])
        var stored = LinkMemo.State()
        stored.paths = memo.previous.paths
        stored.pages = memo.previous.pages
        let restored = LinkMemo(previous: stored)
        var edited = files
        edited["b/index.html"] = Data("<h2 id=\"part\">B</h2><a href=\"../a/#top\">a, again</a>".utf8)
        let checker = LinkChecker(files: edited, memo: restored)
        #expect(restored.pagesToCheck(checker) == [checker.pages.firstIndex(of: "b/index.html")].compactMap { $0 })
    }
}
