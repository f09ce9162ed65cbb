import Foundation
import Testing
@testable import Site

/// `hreflang` alternates and language switchers built from `page.translations` lead only to pages that exist,
/// on every page the build writes (content, taxonomy index and term pages, numbered pages of a list, a search
/// page), and a sitemap template can write the same alternates as the built-in sitemap.
@Suite struct LanguageAlternatesTests {
    /// Every `<link rel="alternate" hreflang=… href=…>` of a page, as (hreflang, href).
    private static func alternates(_ html: String) -> [(String, String)] {
        html.split(separator: "\n").compactMap { line -> (String, String)? in
            let prefix = #"<link rel="alternate" hreflang=""#
            guard line.hasPrefix(prefix) else { return nil }
            let rest = line.dropFirst(prefix.count)
            let lang = String(rest.prefix { $0 != "\"" })
            guard let start = rest.range(of: #"href=""#) else { return nil }
            return (lang, String(rest[start.upperBound...].prefix { $0 != "\"" }))
        }
    }

    private func paginatedFixture() throws -> FixtureSite {
        let fixture = try FixtureSite("languages")
        try fixture.replace(in: "site.yml", "    feed: true", with: "    feed: true\n    paginate: 1")
        try fixture.replace(in: "site.yml", "    title: Topics", with: "    title: Topics\n    paginate: 1")
        try fixture.write("content/search.md", "---\ntitle: Search\n---\n")
        try fixture.write("content/search.zh.md", "---\ntitle: 搜索\n---\n")
        return fixture
    }

    @Test func everyAlternateOfEveryPageExists() throws {
        let fixture = try paginatedFixture()
        defer { fixture.remove() }
        let site = try fixture.build()
        var checked = 0
        for path in site.files.keys.sorted() where path.hasSuffix(".html") {
            let html = try #require(site.text(path))
            guard !html.contains(#"http-equiv="refresh""#) else { continue }  // redirect pages (page/1/)
            let links = Self.alternates(html)
            guard !links.isEmpty else { continue }
            #expect(links.last?.0 == "x-default" && links.last?.1 == links.first?.1, "\(path)")
            let own = "https://example.org" + SitePath.sitePath(forOutputFile: path)
            #expect(links.contains { $0.1 == own }, "\(path) lists itself")
            for (_, href) in links {
                let sitePath = String(href.dropFirst("https://example.org".count))
                #expect(site.files[SitePath.outputFile(for: sitePath)] != nil, "\(path): \(href) leads to a missing page")
                checked += 1
            }
        }
        #expect(checked > 20)
    }

    @Test func numberedTaxonomyAndSearchPagesListTheirExistingVersions() throws {
        let fixture = try paginatedFixture()
        defer { fixture.remove() }
        var site = try fixture.build()
        // English has two events, so /timeline/page/2/; Chinese one, so no /zh/timeline/page/2/.
        #expect(site.files["zh/timeline/page/2/index.html"] == nil)
        let second = try #require(site.text("timeline/page/2/index.html"))
        #expect(Self.alternates(second).map(\.1) == ["https://example.org/timeline/page/2/", "https://example.org/timeline/page/2/"],
                "the second page has no Chinese version: itself only")
        #expect(second.contains(#"<ul class="switcher"></ul>"#))
        #expect(Self.alternates(try #require(site.text("zh/topics/index.html"))).map(\.0) == ["en", "zh", "x-default"])
        #expect(Self.alternates(try #require(site.text("zh/search/index.html"))).map(\.1)
                == ["https://example.org/search/", "https://example.org/zh/search/", "https://example.org/search/"])
        // Translated, the second event gives Chinese its second page, and the two list each other.
        try fixture.write("content/timeline/b.zh.md", "---\ntitle: 第二件事\n---\n后来。\n")
        site = try fixture.build()
        let both = try #require(site.text("zh/timeline/page/2/index.html"))
        #expect(Self.alternates(both).map(\.1)
                == ["https://example.org/timeline/page/2/", "https://example.org/zh/timeline/page/2/", "https://example.org/timeline/page/2/"])
        #expect(both.contains(#"<ul class="switcher"><li><a href="../../../../timeline/page/2/" hreflang="en" lang="en">English</a></li></ul>"#))
    }

    @Test func aSitemapTemplateGetsTheAlternates() throws {
        let fixture = try FixtureSite("languages")
        defer { fixture.remove() }
        try fixture.write("templates/sitemap.xml", """
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
            {% for p in pages %}<url><loc>{{ p.url }}</loc>{% for v in p.alternates %}<xhtml:link rel="alternate" hreflang="{{ v.lang }}" href="{{ v.url }}"/>{% endfor %}{% if p.alternates %}<xhtml:link rel="alternate" hreflang="x-default" href="{{ p.alternates[0].url }}"/>{% endif %}</url>
            {% endfor %}</urlset>
            """)
        let sitemap = try #require(try fixture.build().text("sitemap.xml"))
        let expected = #"<xhtml:link rel="alternate" hreflang="en" href="https://example.org/timeline/a/"/>"#
            + #"<xhtml:link rel="alternate" hreflang="zh" href="https://example.org/zh/timeline/a/"/>"#
            + #"<xhtml:link rel="alternate" hreflang="x-default" href="https://example.org/timeline/a/"/>"#
        #expect(sitemap.contains("<url><loc>https://example.org/timeline/a/</loc>" + expected + "</url>"))
        #expect(sitemap.contains("<url><loc>https://example.org/zh/timeline/a/</loc>" + expected + "</url>"))
        #expect(sitemap.contains("<url><loc>https://example.org/timeline/b/</loc></url>"), "one version: no alternates")
        #expect(sitemap.contains(#"<url><loc>https://example.org/zh/topics/money/</loc><xhtml:link rel="alternate" hreflang="en" href="https://example.org/topics/money/"/>"#))
    }
}
