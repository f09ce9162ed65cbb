import Foundation
import Testing
@testable import Site

@Suite("Building the fixture site")
struct SiteBuildTests {
    @Test func producesPagesFeedsAndStaticFiles() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        let site = try fixture.build()
        for path in ["index.html", "about/index.html", "404.html", "timeline/index.html", "timeline/first/index.html",
                     "people/ada/index.html", "sources/paper/index.html", "sitemap.xml", "robots.txt",
                     "timeline/atom.xml", "style.css"] {
            #expect(site.files[path] != nil, "missing \(path)")
        }
        #expect(site.files["timeline/secret/index.html"] == nil, "drafts are left out by default")
        #expect(site.files["404/index.html"] == nil)
    }

    @Test func linksInAStaticHTMLFileAreCheckedToo() throws {
        // A static page comes from no template and no content file: its links are checked all the same,
        // and reported against the generated file.
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        try fixture.write("static/extra/index.html", #"<a href="../about/">fine</a> <a href="../nowhere/">broken</a>"#)
        do {
            _ = try fixture.build()
            Issue.record("the build should have failed")
        } catch {
            #expect(error.diagnostics.map(\.message) == ["broken link '../nowhere/': no such page or file in the site"])
            #expect(error.diagnostics.first?.notes == ["in the generated file extra/index.html"])
        }
    }

    @Test func relationsLinkBothWays() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        let site = try fixture.build()
        let event = try #require(site.text("timeline/first/index.html"))
        #expect(event.contains(#"<a href="../../people/ada/">Ada</a>"#))
        #expect(event.contains(#"<a href="../../people/bob/">Bob</a>"#))
        let ada = try #require(site.text("people/ada/index.html"))
        #expect(ada.contains(#"<a href="../../timeline/first/">First event</a>"#))
        #expect(ada.contains(#"<a href="../../timeline/third/">Third event</a>"#))
        #expect(!ada.contains("Secret event"))
        let bob = try #require(site.text("people/bob/index.html"))
        #expect(bob.contains("Second event") && !bob.contains("Third event"))
    }

    @Test func draftsAreBuiltWhenAsked() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        let site = try fixture.build(drafts: true)
        #expect(site.files["timeline/secret/index.html"] != nil)
        #expect(site.text("people/ada/index.html")?.contains("Secret event") == true)
    }

    @Test func datesKeepTheirPrecisionAndOrder() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        let site = try fixture.build()
        #expect(site.text("timeline/first/index.html")?.contains(#"<time datetime="2015">2015</time>"#) == true)
        #expect(site.text("timeline/second/index.html")?.contains(#"<time datetime="2015-05">Spring 2015</time>"#) == true)
        #expect(site.text("timeline/third/index.html")?.contains(#"<time datetime="2015-12-11">11 December 2015</time>"#) == true)
        let list = try #require(site.text("timeline/index.html"))
        let positions = ["First event", "Second event", "Third event"].compactMap { list.range(of: $0)?.lowerBound }
        #expect(positions.count == 3 && positions == positions.sorted())
        let second = try #require(site.text("timeline/second/index.html"))
        #expect(second.contains(#"rel="prev" href="../first/""#) && second.contains(#"rel="next" href="../third/""#))
    }

    @Test func sortDateOrdersAnImpreciseDateWithoutShowingIt() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        try fixture.write("content/timeline/late.md",
                          "---\ntitle: Late event\ndate: 2015\ndate_label: Late 2015\nsort_date: 2015-12-31\npeople: [ada]\nsources: [paper]\n---\nLate.\n")
        let site = try fixture.build()
        let list = try #require(site.text("timeline/index.html"))
        let positions = ["First event", "Second event", "Third event", "Late event"].compactMap { list.range(of: $0)?.lowerBound }
        #expect(positions.count == 4 && positions == positions.sorted())
        let page = try #require(site.text("timeline/late/index.html"))
        #expect(page.contains(#"<time datetime="2015">Late 2015</time>"#))
        #expect(!page.contains("2015-12-31"))
    }

    @Test func markdownLinksToContentFilesAreRewritten() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        let site = try fixture.build()
        let home = try #require(site.text("index.html"))
        #expect(home.contains(#"href="people/ada/""#))
        #expect(home.contains(#"href="timeline/first/#what-happened""#))
        #expect(site.text("about/index.html")?.contains(#"href="../""#) == true)
        // The 404 page's links start from the base path (it is served at any depth).
        #expect(site.text("404.html")?.contains(#"href="/fixture/timeline/""#) == true)
    }

    @Test func feedAndSitemapUseAbsoluteURLs() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        let site = try fixture.build()
        let sitemap = try #require(site.text("sitemap.xml"))
        #expect(sitemap.contains("<loc>https://example.org/fixture/timeline/first/</loc>"))
        #expect(!sitemap.contains("404"))
        let feed = try #require(site.text("timeline/atom.xml"))
        #expect(feed.contains("<updated>2015-12-11T00:00:00Z</updated>"))
        #expect(feed.contains("<link href=\"https://example.org/fixture/timeline/third/\"/>"))
        #expect(site.text("robots.txt")?.contains("Sitemap: https://example.org/fixture/sitemap.xml") == true)
    }

    @Test func buildsAreByteForByteDeterministic() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        let first = try fixture.build()
        let second = try fixture.build()
        #expect(first.files == second.files)
        let other = try FixtureSite()
        defer { other.remove() }
        #expect(try other.build().files == first.files, "the same input in another folder gives the same bytes")
    }

    @Test func nothingAboutTheMicrositeIsHardCoded() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        try fixture.write("site.yml", "title: Other\nbase_url: https://other.example/\n")
        try fixture.replace(in: "templates/base.html", "{{ site.title }}", with: "[{{ site.title }}]")
        let site = try fixture.build()
        #expect(site.text("about/index.html")?.contains("About · [Other]") == true)
        #expect(site.files["timeline/atom.xml"] == nil, "feeds only where the config asks")
    }
}
