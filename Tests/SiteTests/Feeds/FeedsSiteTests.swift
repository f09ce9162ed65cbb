import Foundation
import Testing
@testable import Site

/// Feeds, sitemap and robots.txt as a site controls them: options, per-page keys, replacement templates and a
/// static robots.txt; every result valid by the rules of its schema, and escaped.
struct FeedsSiteTests {
    private func fixture(_ settings: String = "") throws -> FixtureSite {
        let fixture = try FixtureSite()
        if !settings.isEmpty { try fixture.replace(in: "site.yml", "collections:", with: "\(settings)\ncollections:") }
        return fixture
    }

    private func expectValid(_ site: BuiltSite) {
        #expect(FeedValidity.sitemapProblems(site.files["sitemap.xml"] ?? Data()) == [])
        #expect(FeedValidity.atomProblems(site.files["timeline/atom.xml"] ?? Data()) == [])
    }

    @Test func theBuiltInFilesAreValid() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        let site = try fixture.build()
        expectValid(site)
        // The checker itself fails on a broken file.
        #expect(FeedValidity.atomProblems(Data("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>x</title></feed>".utf8))
            == ["the feed without exactly one id", "the feed without exactly one updated"])
        #expect(FeedValidity.sitemapProblems(Data("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>/a/</loc><lastmod>May 2015</lastmod></url></urlset>".utf8))
            == ["loc is not an absolute URL of 12 to 2,048 characters: /a/", "lastmod is not a W3C date: May 2015"])
        #expect(FeedValidity.sitemapProblems(Data("<urlset><url>".utf8)) == ["not well-formed XML"])
    }

    @Test func limitAuthorAndFullContent() throws {
        let fixture = try fixture("feeds:\n  limit: 2\n  author: Ada & Co\n  full_content: true")
        defer { fixture.remove() }
        let site = try fixture.build()
        let atom = try #require(site.text("timeline/atom.xml"))
        #expect(atom.components(separatedBy: "<entry>").count - 1 == 2)
        #expect(atom.contains("<author><name>Ada &amp; Co</name></author>"))
        // Newest first: the third (2015-12-11) and the second (2015-05) event; the first (2015) is cut.
        #expect(atom.contains("Third event") && atom.contains("Second event") && !atom.contains("First event"))
        #expect(atom.contains(#"<content type="html" xml:base="https://example.org/fixture/timeline/third/">&lt;p&gt;A table:&lt;/p&gt;"#))
        expectValid(site)
    }

    @Test func pagesCanLeaveTheFeedAndTheSitemapAndSayWhenTheyWereUpdated() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        try fixture.replace(in: "content/timeline/second.md", "date: 2015-05\n", with: "date: 2015-05\nfeed: false\n")
        try fixture.replace(in: "content/people/bob.md", "title: Bob\n", with: "title: Bob\nsitemap: false\n")
        try fixture.replace(in: "content/timeline/first.md", "date: 2015\n", with: "date: 2015\nupdated: 2025-02-03\n")
        let site = try fixture.build()
        let atom = try #require(site.text("timeline/atom.xml"))
        let sitemap = try #require(site.text("sitemap.xml"))
        #expect(!atom.contains("Second event"))
        #expect(sitemap.contains("timeline/second/"), "left out of the feed, not of the sitemap")
        #expect(!sitemap.contains("people/bob/"))
        #expect(sitemap.contains("<loc>https://example.org/fixture/timeline/first/</loc><lastmod>2025-02-03</lastmod>"))
        #expect(atom.contains("<updated>2025-02-03T00:00:00Z</updated>"))
        expectValid(site)
    }

    @Test func templatesReplaceEachFileAndEscapeForTheirFormat() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        try fixture.replace(in: "site.yml", "title: Fixture site", with: "title: Fixture & <site>")
        try fixture.write("templates/atom.xml", """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>{{ site.title }} — {{ feed.title }}</title><id>{{ feed.url }}</id><updated>{{ feed.updated }}</updated>
              <author><name>{{ feed.author }}</name></author>
              {%- for e in feed.entries %}
              <entry><title>{{ e.title }}</title><id>{{ e.url }}</id><updated>{{ e.updated }}</updated><link href="{{ e.url }}"/><summary>{{ e.page.slug }}</summary></entry>
              {%- endfor %}
            </feed>

            """)
        try fixture.write("templates/sitemap.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{% for p in pages %}<url><loc>{{ p.url }}</loc>{% if p.lastmod %}<lastmod>{{ p.lastmod }}</lastmod>{% endif %}</url>{% endfor %}</urlset>

            """)
        // As in Jinja, a template's one final newline is dropped: the second one ends the file.
        try fixture.write("templates/robots.txt", "User-agent: *\nDisallow: /drafts/?a=1&b=2\nSitemap: {{ sitemap_url }}\n\n")
        let site = try fixture.build()
        let atom = try #require(site.text("timeline/atom.xml"))
        #expect(atom.contains("<title>Fixture &amp; &lt;site&gt; — Timeline</title>"))
        #expect(atom.contains("<summary>third</summary>"))
        #expect(site.text("sitemap.xml")?.contains("<url><loc>https://example.org/fixture/about/</loc></url>") == true)
        #expect(site.text("robots.txt") == "User-agent: *\nDisallow: /drafts/?a=1&b=2\nSitemap: https://example.org/fixture/sitemap.xml\n")
        expectValid(site)
    }

    @Test func aStaticRobotsFileReplacesTheGeneratedOne() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        try fixture.write("static/robots.txt", "User-agent: *\nDisallow: /\n")
        let site = try fixture.build()
        #expect(site.text("robots.txt") == "User-agent: *\nDisallow: /\n")
    }

    @Test(arguments: [
        ("feeds:\n  limit: 0", nil, "site.yml:6:10: error: 'limit': expected a whole number of at least 1, found 0"),
        ("feeds:\n  autor: Ada", nil, "site.yml:6:3: error: unknown setting 'autor' for 'feeds' — did you mean 'author'?"),
        ("feeds: [limit]", nil, "site.yml:5:8: error: 'feeds': expected a mapping of feed settings, found a list"),
        ("", ("content/people/bob.md", "title: Bob\n", "title: Bob\nsitemap: no\n"),
         "content/people/bob.md:3:10: error: 'sitemap': expected true or false, found a string"),
        ("", ("content/people/bob.md", "title: Bob\n", "title: Bob\nupdated: 2025-02-30\n"),
         "content/people/bob.md:3:10: error: impossible date '2025-02-30'"),
    ] as [(String, (String, String, String)?, String)])
    func mistakesAreReportedWhereTheyAre(settings: String, edit: (String, String, String)?, expected: String) throws {
        let fixture = try fixture(settings)
        defer { fixture.remove() }
        if let (file, find, replacement) = edit { try fixture.replace(in: file, find, with: replacement) }
        do {
            _ = try fixture.build()
            Issue.record("the build should have failed")
        } catch {
            #expect(error.diagnostics.map(\.description).first?.hasPrefix(expected) == true,
                    "\(error.diagnostics.map(\.description))")
        }
    }
}
