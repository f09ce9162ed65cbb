import Foundation
import Testing
@testable import Site

@Suite("Pagination: numbered list pages with a paginator")
struct PaginationTests {
    @Test func splitsAListIntoNumberedPagesAndWritesNoOthers() throws {
        let fixture = try FixtureSite("features")
        defer { fixture.remove() }
        let site = try fixture.build()
        let first = try #require(site.text("timeline/index.html"))
        #expect(first.contains(#"<ul class="items"><li><a href="a/">Event A</a></li><li><a href="b/">Event B</a></li></ul>"#))
        #expect(first.contains(#"<p class="all">5 in all</p>"#), "page.pages still lists the whole collection")
        #expect(first.contains(#"<nav class="paginator"><span>1</span> <a href="page/2/">2</a> <a href="page/3/">3</a> <a rel="next" href="page/2/">Next</a></nav>"#))
        #expect(first.contains("page 1 of 3, 5 items, 2 a page"))
        let second = try #require(site.text("timeline/page/2/index.html"))
        #expect(second.contains(#"<li><a href="../../c/">Event C</a></li><li><a href="../../d/">Event D</a></li>"#))
        #expect(second.contains(#"<a rel="prev" href="../../">Previous</a>"#) && second.contains(#"<a rel="next" href="../3/">Next</a>"#))
        let third = try #require(site.text("timeline/page/3/index.html"))
        #expect(third.contains(#"<ul class="items"><li><a href="../../e/">Event E</a></li></ul>"#))
        #expect(!third.contains("rel=\"next\""))
        for outside in ["timeline/page/0/index.html", "timeline/page/4/index.html", "topics/money/page/3/index.html",
                        "topics/lawsuits/page/2/index.html"] {
            #expect(site.files[outside] == nil, "\(outside) is outside the list's range")
        }
    }

    @Test func pageOneRedirectsToTheList() throws {
        let fixture = try FixtureSite("features")
        defer { fixture.remove() }
        let site = try fixture.build()
        let redirect = try #require(site.text("timeline/page/1/index.html"))
        #expect(redirect.contains(#"<meta http-equiv="refresh" content="0; url=../../">"#))
        #expect(redirect.contains(#"<link rel="canonical" href="https://example.org/features/timeline/">"#))
    }

    @Test func termPagesPaginateTheSameWay() throws {
        let fixture = try FixtureSite("features")
        defer { fixture.remove() }
        let site = try fixture.build()
        let money = try #require(site.text("topics/money/index.html"))
        #expect(money.contains(#"<li><a href="../../timeline/a/">Event A</a></li><li><a href="../../timeline/b/">Event B</a></li></ul>"#))
        let second = try #require(site.text("topics/money/page/2/index.html"))
        #expect(second.contains(#"<li><a href="../../../../timeline/c/">Event C</a></li><li><a href="../../../../timeline/d/">Event D</a></li></ul>"#))
        #expect(second.contains("page 2 of 2, 4 items"))
        #expect(second.contains("Everything about <strong>money</strong>."), "each page shows the term's description")
    }

    @Test func anEmptyListStillHasItsFirstPage() throws {
        let fixture = try FixtureSite("features")
        defer { fixture.remove() }
        for name in ["a", "b", "c", "d", "e"] {
            try FileManager.default.removeItem(at: fixture.root.appendingPathComponent("content/timeline/\(name).md"))
        }
        try FileManager.default.removeItem(at: fixture.root.appendingPathComponent("content/topics/money.md"))
        try fixture.replace(in: "templates/taxonomy.html", "{{ taxonomies.topics.by_slug.money.count }}", with: "{{ taxonomies.topics.terms | length }}")
        let site = try fixture.build()
        #expect(site.text("timeline/index.html")?.contains("page 1 of 1, 0 items") == true)
        #expect(site.files["timeline/page/2/index.html"] == nil)
    }

    @Test func theLinkCheckerFollowsTheNumberedNavigation() throws {
        let fixture = try FixtureSite("features")
        defer { fixture.remove() }
        // A navigation that links one page past the end must fail the build: that page is never written.
        try fixture.replace(in: "templates/paginator.html", "{% if paginator.next_url %}",
                            with: "<a href=\"{{ (paginator.first_url ~ 'page/' ~ (paginator.total + 1) ~ '/') | relative_url }}\">past</a>{% if paginator.next_url %}")
        do {
            _ = try fixture.build()
            Issue.record("the build should have failed")
        } catch {
            #expect(error.diagnostics.contains { $0.message.hasPrefix("broken link 'page/4/'") },
                    "got: \(error.diagnostics.map(\.description))")
        }
    }

    @Test func pagerArithmetic() {
        #expect(Pager.pageCount(itemCount: 0, size: 20) == 1)
        #expect(Pager.pageCount(itemCount: 20, size: 20) == 1)
        #expect(Pager.pageCount(itemCount: 21, size: 20) == 2)
        let last = Pager(number: 3, total: 3, size: 2, itemCount: 5, baseURL: "/x/")
        #expect(last.range == 4..<5)
        #expect(last.url == "/x/page/3/")
        #expect(Pager.url(of: 1, baseURL: "/x/") == "/x/")
    }
}
