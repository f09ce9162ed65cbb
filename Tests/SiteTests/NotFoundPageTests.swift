import Foundation
import Testing
@testable import Site

/// The 404 page, which hosts serve for any missing path (`/timeline/nope/deeper/`): its links must not depend on
/// the folder it is served at, so they are root-relative under the path of `base_url`, and checked as such.
@Suite("The 404 page links from the root")
struct NotFoundPageTests {
    /// The fixture site with `base_url` set to `baseURL`.
    private func fixture(baseURL: String) throws -> FixtureSite {
        let fixture = try FixtureSite()
        try fixture.replace(in: "site.yml", "base_url: https://example.org/fixture/", with: "base_url: \(baseURL)")
        return fixture
    }

    /// Every `href` and `src` of a built page, in document order.
    private func links(_ page: Data?) throws -> [String] {
        let page = try #require(page)
        return HTMLAttributeScanner.scan(page).linkValues(in: page)
    }

    @Test func linksUnderASubPathStartWithIt() throws {
        let fixture = try fixture(baseURL: "https://example.org/sub/")
        defer { fixture.remove() }
        let site = try fixture.build()
        let links = try links(site.files["404.html"])
        // The stylesheet and the nav (relative_url), and the Markdown link to timeline/_index.md.
        #expect(links == ["/sub/style.css", "/sub/", "/sub/timeline/", "/sub/about/", "/sub/timeline/"])
        // Every other page keeps its relative links.
        #expect(try self.links(site.files["about/index.html"]).starts(with: ["../style.css", "../", "../timeline/", "./"]))
        #expect(try self.links(site.files["index.html"]).starts(with: ["style.css", "./", "timeline/", "about/"]))
    }

    @Test func linksUnderTheRootPathStartWithASlash() throws {
        let fixture = try fixture(baseURL: "https://example.org")
        defer { fixture.remove() }
        let links = try links(try fixture.build().files["404.html"])
        #expect(links == ["/style.css", "/", "/timeline/", "/about/", "/timeline/"])
    }

    @Test func theBasePathChangesNothingButThe404Page() throws {
        let fixture = try fixture(baseURL: "https://example.org/sub/")
        defer { fixture.remove() }
        let underSub = try fixture.build()
        let atRoot = try SiteBuilder.build(BuildOptions(root: fixture.root, basePath: "/"))
        let differing = Set(underSub.files.keys).union(atRoot.files.keys).filter { underSub.files[$0] != atRoot.files[$0] }
        #expect(differing == ["404.html"])
        #expect(try links(atRoot.files["404.html"]).first == "/style.css", "an explicit base path wins over base_url's")
    }

    @Test func brokenLinksOnThe404PageAreReportedAtTheirLine() throws {
        let fixture = try fixture(baseURL: "https://example.org/sub/")
        defer { fixture.remove() }
        try fixture.replace(in: "content/404.md", "Try the [timeline](timeline/_index.md).", with: """
            Try the [timeline](timeline/_index.md).
            See [the details](timeline/first.md#no-such-section), [the archive](/sub/archive/) or [elsewhere](/elsewhere/).
            """)
        do {
            _ = try fixture.build()
            Issue.record("the build should have failed")
        } catch {
            let descriptions = error.diagnostics.map(\.description)
            #expect(descriptions == [
                "content/404.md:5:36: error: broken link '/sub/timeline/first/#no-such-section': "
                    + "no element with id 'no-such-section' on /timeline/first/",
                "content/404.md:5:69: error: broken link '/sub/archive/': no such page or file in the site",
                "content/404.md:5:99: error: broken link '/elsewhere/': "
                    + "root-relative link outside the site's base path /sub/ (the path of base_url)",
            ])
        }
    }

    @Test func rootRelativeLinksOnOtherPagesAreStillReported() throws {
        let fixture = try fixture(baseURL: "https://example.org/sub/")
        defer { fixture.remove() }
        try fixture.replace(in: "content/about.md", "Back [home](index.md).", with: "Back [home](/sub/).")
        do {
            _ = try fixture.build()
            Issue.record("the build should have failed")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "content/about.md:7:13: error: broken link '/sub/': root-relative link breaks when the site is served "
                    + "under a sub-path; write it as a site path through the relative_url filter",
            ])
        }
    }
}
