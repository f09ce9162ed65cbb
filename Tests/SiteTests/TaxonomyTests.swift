import Foundation
import Testing
@testable import Site
import Content

@Suite("Taxonomies: a page per term, an index, terms on pages")
struct TaxonomyTests {
    @Test func writesATermPagePerTermAndAnIndex() throws {
        let fixture = try FixtureSite("features")
        defer { fixture.remove() }
        let site = try fixture.build()
        for path in ["topics/index.html", "topics/money/index.html", "topics/lawsuits/index.html",
                     "topics/ai-race/index.html", "topics/诉讼/index.html"] {
            #expect(site.files[path] != nil, "missing \(path)")
        }
        // The description file is shown on the term's page, not built as a page of its own elsewhere.
        let money = try #require(site.text("topics/money/index.html"))
        #expect(money.contains("<h1>Money matters</h1>"))
        #expect(money.contains("<p class=\"term\">Topics: money (4)</p>"))
        #expect(money.contains("Everything about <strong>money</strong>."))
        let index = try #require(site.text("topics/index.html"))
        #expect(index.contains(#"<li><a href="money/">Money matters</a> 4: Event A, Event B, Event C, Event D</li>"#))
        #expect(index.contains(#"<a href="%E8%AF%89%E8%AE%BC/">诉讼</a> 1: Event D"#))
        #expect(index.contains(#"<p class="global">4</p>"#), "templates see every term with its pages as taxonomies.<name>")
        let sitemap = try #require(site.text("sitemap.xml"))
        #expect(sitemap.contains("https://example.org/features/topics/money/"))
    }

    @Test func termPagesListPagesInTheCollectionsOrder() throws {
        let fixture = try FixtureSite("features")
        defer { fixture.remove() }
        // Dates against file names: the term follows the collection's sort, not the files' order.
        try fixture.replace(in: "content/timeline/a.md", "date: 2015", with: "date: 2020")
        let site = try fixture.build()
        let index = try #require(site.text("topics/index.html"))
        #expect(index.contains("4: Event B, Event C, Event D, Event A"))
    }

    @Test func pagesListTheirTermsInTheOrderWritten() throws {
        let fixture = try FixtureSite("features")
        defer { fixture.remove() }
        let site = try fixture.build()
        let event = try #require(site.text("timeline/a/index.html"))
        #expect(event.contains(#"<ul class="terms"><li><a href="../../topics/money/">Money matters</a> (4)</li><li><a href="../../topics/lawsuits/">lawsuits</a> (1)</li></ul>"#))
        let c = try #require(site.text("timeline/c/index.html"))
        #expect(c.contains(#"<li><a href="../../topics/ai-race/">AI race</a> (1)</li><li><a href="../../topics/money/">"#))
    }

    @Test func aTermTemplateOfTheTaxonomyWinsOverTheGenericOne() throws {
        let fixture = try FixtureSite("features")
        defer { fixture.remove() }
        try fixture.write("templates/topics/term.html", "<!doctype html><title>{{ page.title }}</title><p class=\"own\">{{ page.slug }}</p>")
        try fixture.write("templates/topics/list.html", "<!doctype html><title>x</title><p class=\"own-index\">{{ page.terms | length }}</p>")
        let site = try fixture.build()
        #expect(site.text("topics/lawsuits/index.html")?.contains(#"<p class="own">lawsuits</p>"#) == true)
        #expect(site.text("topics/index.html")?.contains(#"<p class="own-index">4</p>"#) == true)
    }

    @Test func aMissingTermTemplateNamesEveryNameTried() throws {
        let fixture = try FixtureSite("features")
        defer { fixture.remove() }
        try FileManager.default.removeItem(at: fixture.root.appendingPathComponent("templates/term.html"))
        do {
            _ = try fixture.build()
            Issue.record("the build should have failed")
        } catch {
            #expect(error.diagnostics.contains { $0.message == "no template found for this page; tried templates/topics/term.html, templates/term.html" })
        }
    }

    @Test func aDescriptionGivesItsTermATitleAndSummary() throws {
        let fixture = try FixtureSite("features")
        defer { fixture.remove() }
        try fixture.write("content/topics/lawsuits.md", "---\ntitle: In court\n---\nClaims and counterclaims.\n")
        try fixture.write("templates/topics/term.html", "<!doctype html><title>t</title><p class=\"s\">{{ page.title }}: {{ page.summary }}</p>")
        try fixture.write("templates/topics/list.html",
                          "<!doctype html><title>i</title>{% for t in page.terms %}<p>{{ t.title }}: {{ t.summary }}</p>{% endfor %}")
        let site = try fixture.build()
        // Without `summary:`, the description's first paragraph, as for any page; a term without one has none.
        #expect(site.text("topics/lawsuits/index.html")?.contains("<p class=\"s\">In court: Claims and counterclaims.</p>") == true)
        let index = try #require(site.text("topics/index.html"))
        #expect(index.contains("<p>In court: Claims and counterclaims.</p>") && index.contains("<p>AI race: </p>"))
        #expect(index.contains("<p>Money matters: Where the money went.</p>"))
    }

    @Test func aTermOnlyADraftUsesAppearsWithTheDraft() throws {
        let fixture = try FixtureSite("features")
        defer { fixture.remove() }
        try fixture.write("content/timeline/f.md", "---\ntitle: Event F\ndate: 2020\ndraft: true\ntopics: [Antitrust]\n---\nSoon.\n")
        try fixture.write("content/topics/antitrust.md", "---\ntitle: Antitrust\n---\nComing.\n")
        // Its description is not an error while the draft is left out, and the term's page comes with the draft.
        #expect(try fixture.build().files["topics/antitrust/index.html"] == nil)
        #expect(try fixture.build(drafts: true).text("topics/antitrust/index.html")?.contains("Event F") == true)
    }

    @Test func aTemplateErrorNamesTheGeneratedPagesItBroke() throws {
        let fixture = try FixtureSite("features")
        defer { fixture.remove() }
        try fixture.replace(in: "templates/term.html", "{{ page.name }}", with: "{{ page.nmae }}")
        do {
            _ = try fixture.build()
            Issue.record("the build should have failed")
        } catch {
            #expect(error.diagnostics.map(\.description) == ["templates/term.html:4:47: error: page.nmae is undefined"])
            #expect(error.diagnostics.first?.notes.last
                    == "while rendering 5 pages: /topics/ai-race/, /topics/lawsuits/, content/topics/money.md and 2 more")
        }
    }

    @Test func termSlugsAreStableAndKeepEveryScript() {
        #expect(TermSlug.make("OpenAI governance") == "openai-governance")
        #expect(TermSlug.make("  AI  race ") == "ai-race")
        #expect(TermSlug.make("Société Générale") == "société-générale")
        #expect(TermSlug.make("Socie\u{301}te\u{301}") == "société", "decomposed and composed accents give one slug")
        #expect(TermSlug.make("诉讼") == "诉讼")
        #expect(TermSlug.make("C++ / C#") == "c-c")
        #expect(TermSlug.make("!!!") == "")
    }
}
