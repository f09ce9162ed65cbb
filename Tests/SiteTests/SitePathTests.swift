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
        ("/404.html", "/", "/sub/", "/sub/"),
        ("/404.html", "/style.css", "/sub/", "/sub/style.css"),
        ("/404.html", "/timeline/x/#top", "/sub/", "/sub/timeline/x/#top"),
        ("/404.html", "/a b/?q=1", "/sub/", "/sub/a%20b/?q=1"),
        ("/404.html", "/people/王/", "/a/b/", "/a/b/people/%E7%8E%8B/"),
        ("/404.html", "/timeline/", "/", "/timeline/"),
        ("/404.html", "/", "/", "/"),
        ("/404.html", "#main", "/sub/", "#main"),
        ("/404.html", "?q=1", "/sub/", "?q=1"),
        // Every other page links relatively, whatever the base path.
        ("/", "/style.css", "/sub/", "style.css"),
        ("/people/x/", "/timeline/", "/sub/", "../../timeline/"),
        ("/a/404.html", "/timeline/", "/sub/", "../timeline/"),
    ])
    func link(_ page: String, _ target: String, _ basePath: String, _ expected: String) {
        #expect(SitePath.link(from: page, to: target, basePath: basePath) == expected)
    }

    @Test(arguments: [
        ("https://example.org/mentor-to-rival/", "/mentor-to-rival/"),
        ("https://example.org/a/b/", "/a/b/"),
        ("https://example.org/", "/"),
        ("https://example.org", "/"),
        ("http://localhost:8000/docs", "/docs/"),
        ("https://example.org/sub/?ref=x#top", "/sub/"),
        ("https://example.org/my%20site/", "/my%20site/"),
        ("//cdn.example.org/x/", "/x/"),
        ("/", "/"),
        ("/docs/", "/docs/"),
        ("docs", "/docs/"),
    ])
    func basePath(_ baseURL: String, _ expected: String) {
        #expect(SitePath.basePath(ofBaseURL: baseURL) == expected)
    }

    @Test func theRelativeURLFilterLinksFromTheRootOnlyOnThe404Page() {
        #expect(SiteFilters.relativeURL("/timeline/", from: .string("/404.html"), basePath: "/sub/") == "/sub/timeline/")
        #expect(SiteFilters.relativeURL("/timeline/", from: .string("/people/"), basePath: "/sub/") == "../timeline/")
        for untouched in ["#main", "timeline/", "https://example.org/", "//cdn.example.org/x.css"] {
            #expect(SiteFilters.relativeURL(untouched, from: .string("/404.html"), basePath: "/sub/") == untouched)
        }
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

    @Test func checksRootRelativeLinksOn404PageUnderTheBasePath() {
        let pages = [
            "404.html": ##"<main id="main"><a href="#main">s</a> <a href="/sub/">h</a> <a href="/sub/a/#here">a</a> <a href="/sub/a/#gone">g</a>"##
                + #" <a href="/sub/missing/">m</a> <a href="/a/">o</a> <a href="/sub/../../x">u</a> <img src="/sub/a/pic.png" alt="">"#,
            "index.html": #"<a href="/sub/a/">r</a>"#,
            "a/index.html": #"<h2 id="here">Here</h2>"#,
            "a/pic.png": "png",
        ]
        let broken = LinkChecker(files: pages.mapValues { Data($0.utf8) }, basePath: "/sub/").check()
        #expect(broken.map { "\($0.page) \($0.href): \($0.reason)" } == [
            "404.html /sub/a/#gone: no element with id 'gone' on /a/",
            "404.html /sub/missing/: no such page or file in the site",
            "404.html /a/: root-relative link outside the site's base path /sub/ (the path of base_url)",
            "404.html /sub/../../x: leads outside the site",
            "index.html /sub/a/: root-relative link breaks when the site is served under a sub-path; "
                + "write it as a site path through the relative_url filter",
        ])
    }

    @Test func decodesReferencesInAttributes() {
        let page = Data(#"<a href="a?x=1&amp;y=2" id="q&#39;s"><img src=b.png>"#.utf8)
        let scan = HTMLAttributeScanner.scan(page)
        #expect(scan.links == [.decoded("a?x=1&y=2"), .bytes(46..<51)])
        #expect(scan.linkValues(in: page) == ["a?x=1&y=2", "b.png"])
        #expect(scan.ids == ["q's"])
    }
}
