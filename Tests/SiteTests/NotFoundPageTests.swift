import Foundation
import Testing
@testable import Site

/// The 404 page's links start from the site's base path, in any site (not only through a template's script).
@Suite struct NotFoundPageTests {
    @Test func linksStartFromTheBasePath() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        let site = try fixture.build()
        let notFound = try #require(site.text("404.html"))
        // relative_url in the templates, and the rewritten .md link in content/404.md.
        #expect(notFound.contains(#"<link rel="stylesheet" href="/fixture/style.css">"#))
        #expect(notFound.contains(#"<a href="/fixture/timeline/">Timeline</a>"#))
        #expect(notFound.contains(#"<a href="/fixture/timeline/">timeline</a>"#))
        // Every other page still links relatively.
        #expect(try #require(site.text("about/index.html")).contains(#"<a href="../timeline/">Timeline</a>"#))
    }

    /// The index page and the 404 page sit in the same folder, but a cached fragment with links is not shared
    /// between them: the one writes `about/`, the other `/fixture/about/`.
    @Test func sharesNoCachedFragmentWithItsNeighbours() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        try fixture.write("templates/partials/nav.html",
                          #"{% cache %}<nav><a href="{{ "/" | relative_url }}">Home</a> <a href="{{ "/timeline/" | relative_url }}">Timeline</a> <a href="{{ "/about/" | relative_url }}">About</a></nav>{% endcache %}"#)
        let site = try fixture.build()
        #expect(try #require(site.text("index.html")).contains(#"<a href="about/">About</a>"#))
        #expect(try #require(site.text("404.html")).contains(#"<a href="/fixture/about/">About</a>"#))
    }

    /// A broken link on the 404 page is still found.
    @Test func brokenLinksAreStillReported() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        try fixture.write("templates/404.html", #"{% extends "base.html" %}{% block main %}<a href="{{ '/nowhere/' | relative_url }}">x</a>{% endblock %}"#)
        do {
            _ = try fixture.build()
            Issue.record("the build should have failed")
        } catch {
            #expect(error.diagnostics.contains { $0.message.hasPrefix("broken link '/fixture/nowhere/'") }, "\(error.diagnostics)")
        }
    }

    @Test func fromBasePath() {
        #expect(SitePath.fromBasePath("/", basePath: "/sub/") == "/sub/")
        #expect(SitePath.fromBasePath("/timeline/x/#top", basePath: "/sub/") == "/sub/timeline/x/#top")
        #expect(SitePath.fromBasePath("/people/é/?q=1", basePath: "/") == "/people/%C3%A9/?q=1")
    }
}
