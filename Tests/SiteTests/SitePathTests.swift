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
