import Foundation
import Testing
@testable import Site

@Suite("Aliases and redirects: pages at old addresses")
struct AliasTests {
    @Test func writesARedirectPageAtEachAlias() throws {
        let fixture = try FixtureSite("features")
        defer { fixture.remove() }
        let site = try fixture.build()
        let page = try #require(site.text("about-us/index.html"))
        #expect(page.contains(#"<html lang="en">"#))
        #expect(page.contains(#"<meta http-equiv="refresh" content="0; url=../about/">"#))
        #expect(page.contains(#"<link rel="canonical" href="https://example.org/features/about/">"#))
        #expect(page.contains(#"<a href="../about/">/about/</a>"#), "a link for people without refresh")
        #expect(page.contains(#"<meta name="robots" content="noindex">"#))
        #expect(site.text("info.html")?.contains(#"url=about/""#) == true, "an alias may be a file")
        #expect(site.text("timeline/old-e/index.html")?.contains(#"url=../e/""#) == true)
        #expect(site.text("sitemap.xml")?.contains("about-us") == false, "redirects are not pages to index")
    }

    @Test func siteWideRedirectsGoToPagesOrOtherSites() throws {
        let fixture = try FixtureSite("features")
        defer { fixture.remove() }
        let site = try fixture.build()
        #expect(site.text("old-about/index.html")?.contains(#"url=../about/""#) == true)
        let gone = try #require(site.text("gone/index.html"))
        #expect(gone.contains(#"url=https://example.com/elsewhere/""#) && gone.contains(#"<link rel="canonical" href="https://example.com/elsewhere/">"#))
    }

    @Test func writesARedirectsFileWhenAsked() throws {
        let fixture = try FixtureSite("features")
        defer { fixture.remove() }
        let file = try #require(try fixture.build().text("_redirects"))
        #expect(file.contains("/features/about-us/ /features/about/ 301\n"))
        #expect(file.contains("/features/gone/ https://example.com/elsewhere/ 301\n"))
        #expect(file.contains("/features/timeline/page/1/ /features/timeline/ 301\n"))
        #expect(file.contains("/features/topics/%E8%AF%89%E8%AE%BC/page/1/ /features/topics/%E8%AF%89%E8%AE%BC/ 301\n"))
        try fixture.replace(in: "site.yml", "redirects_file: true", with: "redirects_file: false")
        #expect(try fixture.build().files["_redirects"] == nil)
    }

    @Test func redirectPagesEscapeTheirAddresses() throws {
        let fixture = try FixtureSite("features")
        defer { fixture.remove() }
        try fixture.replace(in: "site.yml", "/gone/: https://example.com/elsewhere/", with: "/gone/: \"https://example.com/?a=1&b=\\\"x\\\"<\"")
        let gone = try #require(try fixture.build().text("gone/index.html"))
        #expect(gone.contains("https://example.com/?a=1&amp;b=&quot;x&quot;&lt;"))
        #expect(!gone.contains("\"x\""))
    }
}
