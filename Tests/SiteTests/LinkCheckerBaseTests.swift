import Foundation
import Testing
@testable import Site

/// `<base href>` in the link check: the 404 page (served by hosts at any missing address) needs one, so the
/// check follows exactly that one and reports any other, instead of checking links against the wrong folder.
@Suite struct LinkCheckerBaseTests {
    private func broken(_ files: [String: String], basePath: String = "/sub/") -> [BrokenLink] {
        LinkChecker(files: files.mapValues { Data($0.utf8) }, basePath: basePath).check()
    }

    private let pages = [
        "index.html": ##"<main id="main"><a href="timeline/">t</a></main>"##,
        "timeline/index.html": #"<h1 id="top">Timeline</h1>"#,
        "style.css": "body {}",
    ]

    @Test func theSitesBasePathOnARootPageIsFollowed() {
        var files = pages
        files["404.html"] = ##"<head><base href="/sub/"><link rel="stylesheet" href="style.css"></head><a href="timeline/#top">t</a><a href="./">home</a>"##
        #expect(broken(files).isEmpty)
    }

    @Test func linksFromAPageWithABaseStillHaveToLeadSomewhere() {
        var files = pages
        files["404.html"] = ##"<base href="/sub/"><a href="people/">p</a><a href="timeline/#nowhere">t</a>"##
        #expect(broken(files).map(\.href) == ["people/", "timeline/#nowhere"])
    }

    @Test func anotherBaseIsReported() {
        var files = pages
        files["404.html"] = #"<base href="/elsewhere/"><a href="timeline/">t</a>"#
        let found = broken(files)
        #expect(found.map(\.href) == ["/elsewhere/"])
        #expect(found.first?.reason.contains("'/sub/'") == true)
    }

    @Test func aBaseBelowTheRootFolderIsReported() {
        var files = pages
        files["timeline/x/index.html"] = #"<base href="/sub/"><a href="timeline/">t</a>"#
        let found = broken(files)
        #expect(found.first?.href == "/sub/")
        #expect(found.first?.reason.contains("root folder") == true)
    }

    /// With a base, `#main` names the home page's element: the reader would leave the page.
    @Test func aFragmentLinkOnAPageWithABaseIsReported() {
        var files = pages
        files["404.html"] = ##"<base href="/sub/"><a href="#main">skip</a><main id="main"></main>"##
        let found = broken(files)
        #expect(found.map(\.href) == ["#main"])
        #expect(found.first?.reason.contains("home page") == true)
    }

    /// Without a base, the same page passes: the rule is about `<base>`, not fragments.
    @Test func theSameFragmentLinkWithoutABaseIsFine() {
        var files = pages
        files["404.html"] = ##"<a href="#main">skip</a><main id="main"></main>"##
        #expect(broken(files).isEmpty)
    }
}
