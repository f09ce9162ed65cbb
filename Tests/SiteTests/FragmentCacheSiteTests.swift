import Foundation
import Testing
@testable import Site

/// `{% cache %}` in a real build: fragments are shared between pages of one folder, and links made relative
/// to the page stay right whichever page rendered a fragment first.
@Suite struct FragmentCacheSiteTests {
    /// Links to every event in a cached fragment on every page. On event pages each link into the timeline
    /// folder differs from page to page (`./` for the page itself), so those fragments must not be shared.
    private static let eventLinks = """
        {% extends "base.html" %}
        {% block main %}{{ page.content }}<nav>{% cache %}{% for e in collections.timeline.pages %}<a href="{{ e.url | relative_url }}">{{ e.title }}</a>{% endfor %}{% endcache %}</nav>{% endblock %}
        """

    @Test func linksStayRightOnEveryPageAndMatchABuildWithoutTheCache() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        try fixture.write("templates/page.html", Self.eventLinks)
        try fixture.write("templates/timeline/page.html", Self.eventLinks)
        let cached = try fixture.build()
        let uncached = try SiteBuilder.build(BuildOptions(root: fixture.root, reusesFragments: false))
        #expect(cached.files == uncached.files)
        let first = try #require(cached.text("timeline/first/index.html"))
        let second = try #require(cached.text("timeline/second/index.html"))
        #expect(first.contains(#"<a href="./">"#) && first.contains(#"<a href="../second/">"#))
        #expect(second.contains(#"<a href="../first/">"#) && second.contains(#"<a href="./">"#))
        let ada = try #require(cached.text("people/ada/index.html"))
        #expect(ada.contains(#"<a href="../../timeline/first/">"#))
    }

    @Test func pagesOfOneFolderShareAFragment() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        // `page.title` is deliberately left out of the (empty) key: whichever person's page rendered the
        // fragment first, both profiles show the same one, which only a shared fragment can do.
        try fixture.write("templates/page.html", """
            {% extends "base.html" %}
            {% block main %}{% cache %}<p class="who">{{ page.title }}</p>{% endcache %}{% endblock %}
            """)
        let site = try fixture.build()
        let who = try ["people/ada/index.html", "people/bob/index.html"].map { path in
            let html = try #require(site.text(path))
            return html.components(separatedBy: #"<p class="who">"#).dropFirst().first?.prefix(while: { $0 != "<" })
        }
        #expect(who[0] != nil && who[0] == who[1])
        let uncached = try SiteBuilder.build(BuildOptions(root: fixture.root, reusesFragments: false))
        #expect(uncached.text("people/ada/index.html") != uncached.text("people/bob/index.html"))
    }
}
