import Foundation
import Testing
@testable import Site

@Suite("Relative links between site paths")
struct SitePathTests {
    @Test(arguments: [
        ("/people/x/", "/timeline/", "../../timeline/"),
        ("/people/x/", "/people/y/", "../y/"),
        ("/people/x/", "/people/x/", "./"),
        ("/people/x/", "/people/", "../"),
        ("/people/x/", "/", "../../"),
        ("/", "/timeline/", "timeline/"),
        ("/", "/", "./"),
        ("/a/", "/style.css", "../style.css"),
        ("/404.html", "/timeline/", "timeline/"),
        ("/a/b/", "/a/b/c/d/", "c/d/"),
        ("/timeline/x/", "/timeline/y/#top", "../y/#top"),
        ("/timeline/x/", "/timeline/x/#top", "./#top"),
        ("/x/", "#frag", "#frag"),
        ("/x/", "/people/王/", "../people/%E7%8E%8B/"),
        ("/x/", "/a b/?q=1", "../a%20b/?q=1"),
        ("/ab/", "/abc/", "../abc/"),
    ])
    func relative(_ page: String, _ target: String, _ expected: String) {
        #expect(SitePath.relative(from: page, to: target) == expected)
    }

    @Test(arguments: [
        ("/timeline/x/", "/timeline/"),
        ("/about/", "/"),
        ("/a/b/c/", "/a/b/"),
        ("/", ""),
        ("/404.html", ""),
        ("/a/x.html", "/"),
    ])
    func parentFolder(_ page: String, _ expected: String) {
        #expect(SitePath.parentFolder(of: page) == expected)
    }

    /// What the fragment cache relies on: two pages with the same parent folder write every link whose
    /// target is not below that folder the same way, and targets below it are the ones `isBelow` flags.
    @Test func pagesOfOneParentFolderAgreeOnEveryLinkNotBelowIt() {
        let pages = ["/", "/404.html", "/a/", "/b/", "/ab/", "/a/x/", "/a/y/", "/a/x/deep/", "/a/y/deep/", "/b/x/", "/a/page.html"]
        let targets = pages + ["/a/x/img.png", "/a/feed.xml", "/a/x/#top", "/a/?q=1", "/feed.xml", "/a/x/deep/more/", "/ab/x/"]
        var checkedPairs = 0
        for first in pages {
            for second in pages where second != first && SitePath.parentFolder(of: second) == SitePath.parentFolder(of: first) {
                let parent = SitePath.parentFolder(of: first)
                for target in targets where !SitePath.isBelow(target, parentFolder: parent) {
                    #expect(SitePath.relative(from: first, to: target) == SitePath.relative(from: second, to: target),
                            "\(first) and \(second) differ on \(target)")
                    checkedPairs += 1
                }
            }
        }
        #expect(checkedPairs > 40)
        #expect(SitePath.isBelow("/a/x/", parentFolder: "/a/"))
        #expect(SitePath.isBelow("/a/x/img.png#top", parentFolder: "/a/"))
        #expect(!SitePath.isBelow("/a/feed.xml", parentFolder: "/a/"))
        #expect(!SitePath.isBelow("/a/?q=/a/b/", parentFolder: "/a/"))
        #expect(!SitePath.isBelow("/ab/x/", parentFolder: "/a/"))
        // Pages in the root folder have no parent: every site path counts as below it (they share nothing).
        #expect(SitePath.isBelow("/feed.xml", parentFolder: ""))
    }

    @Test func outputFilesAndSitePathsRoundTrip() {
        for path in ["/", "/a/", "/a/b/", "/404.html", "/a/atom.xml"] {
            #expect(SitePath.sitePath(forOutputFile: SitePath.outputFile(for: path)) == path)
        }
    }

    @Test func percentDecoding() {
        #expect(SitePath.percentDecode("%E7%8E%8B") == "王")
        #expect(SitePath.percentDecode("a%2") == nil)
        #expect(SitePath.percentDecode("%FF") == nil)
    }
}

@Suite("Scanning built pages for links and ids")
struct LinkCheckerTests {
    private func broken(_ pages: [String: String]) -> [String] {
        LinkChecker(files: pages.mapValues { Data($0.utf8) }).check().map { "\($0.page) \($0.href)" }
    }

    @Test func findsMissingPagesAnchorsAndBadSchemes() {
        let pages = [
            "index.html": #"<a href="a/">a</a> <a href="a/#here">x</a> <a href="a/#gone">y</a> <img src="missing.png" alt="">"#
                + #" <a href="/root/">r</a> <a href=" JavaScript:alert(1)">j</a> <a href="https://example.org/">e</a>"#
                + #" <a href="../../up/">u</a> <a HREF='a/index.html#here'>ok</a>"#,
            "a/index.html": #"<h2 id="here">Here</h2><!-- <a href="commented-out/"> --><script>var s = '<a href="in-script/">';</script>"#,
        ]
        #expect(broken(pages) == [
            "index.html a/#gone", "index.html missing.png", "index.html /root/",
            "index.html  JavaScript:alert(1)", "index.html ../../up/",
        ])
    }

    @Test func decodesReferencesInAttributes() {
        let page = Data(#"<a href="a?x=1&amp;y=2" id="q&#39;s"><img src=b.png>"#.utf8)
        let scan = HTMLAttributeScanner.scan(page)
        #expect(scan.links == [.decoded("a?x=1&y=2"), .bytes(46..<51)])
        #expect(scan.linkValues(in: page) == ["a?x=1&y=2", "b.png"])
        #expect(scan.idValues(in: page) == ["q's"])
        #expect(scan.hasID("q's", in: page) && !scan.hasID("q&#39;s", in: page))
        // As for `String`: KELVIN SIGN is canonically K, whichever of the two the page or the link holds.
        let kelvin = Data("<p id=\"\u{212A}\"></p><p id=\"L\"></p>".utf8)
        #expect(HTMLAttributeScanner.scan(kelvin).hasID("K", in: kelvin) && !HTMLAttributeScanner.scan(kelvin).hasID("k", in: kelvin))
        #expect(HTMLAttributeScanner.scan(kelvin).hasID("L", in: kelvin))
        let plain = Data("<p id=\"K\"></p>".utf8)
        #expect(HTMLAttributeScanner.scan(plain).hasID("\u{212A}", in: plain))
    }
}
