import Content
import Foundation
import Testing
@testable import Site

/// A site in two languages (`Fixtures/languages`: English, the default, and Chinese): where translations go,
/// what each page knows of its versions, and that relations, links, lists, terms and feeds stay in one language.
@Suite("Languages: translations beside their originals, one edition per language")
struct LanguageTests {
    @Test func theDefaultLanguageKeepsItsURLsAndTheOthersLiveUnderTheirCode() throws {
        let fixture = try FixtureSite("languages")
        defer { fixture.remove() }
        let site = try fixture.build()
        for path in ["index.html", "timeline/a/index.html", "timeline/b/index.html", "people/ada/index.html",
                     "zh/index.html", "zh/timeline/index.html", "zh/timeline/a/index.html", "zh/people/ada/index.html",
                     "zh/topics/money/index.html", "zh/timeline/atom.xml"] {
            #expect(site.files[path] != nil, "missing \(path)")
        }
        #expect(site.files["zh/timeline/b/index.html"] == nil, "an untranslated page has no page in the other language")
        #expect(site.files["timeline/a.zh/index.html"] == nil)
        #expect(site.pageCount == 11)
    }

    @Test func everyPageKnowsItsLanguageAndItsVersions() throws {
        let fixture = try FixtureSite("languages")
        defer { fixture.remove() }
        let site = try fixture.build()
        let zh = try #require(site.text("zh/timeline/a/index.html"))
        #expect(zh.contains(#"<html lang="zh">"#))
        #expect(zh.contains(#"<p class="lang">zh zh</p>"#))
        #expect(zh.contains("""
            <link rel="alternate" hreflang="en" href="https://example.org/timeline/a/">
            <link rel="alternate" hreflang="zh" href="https://example.org/zh/timeline/a/">
            <link rel="alternate" hreflang="x-default" href="https://example.org/timeline/a/">
            """))
        #expect(zh.contains(#"<ul class="switcher"><li><a href="../../../timeline/a/" hreflang="en" lang="en">English</a></li></ul>"#))
        let en = try #require(site.text("timeline/a/index.html"))
        #expect(en.contains(#"<html lang="en">"#))
        #expect(en.contains(#"<li><a href="../../zh/timeline/a/" hreflang="zh" lang="zh">中文</a></li>"#))
        // An untranslated page lists only itself: a switcher built from page.translations never leads to a missing page.
        let untranslated = try #require(site.text("timeline/b/index.html"))
        #expect(untranslated.contains(#"<ul class="switcher"></ul>"#))
        #expect(!untranslated.contains(#"hreflang="zh""#))
        // Generated pages (terms) too.
        let term = try #require(site.text("zh/topics/money/index.html"))
        #expect(term.contains(#"<link rel="alternate" hreflang="en" href="https://example.org/topics/money/">"#))
    }

    @Test func relationsBacklinksListsAndTermsStayInOneLanguage() throws {
        let fixture = try FixtureSite("languages")
        defer { fixture.remove() }
        let site = try fixture.build()
        let zh = try #require(site.text("zh/timeline/a/index.html"))
        #expect(zh.contains(#"<p class="person"><a href="../../people/ada/">艾达</a></p>"#), "the inherited relation leads to the Chinese page")
        #expect(zh.contains(#"<p class="term"><a href="../../topics/money/">money</a></p>"#))
        let zhList = try #require(site.text("zh/timeline/index.html"))
        #expect(zhList.contains("公司成立") && !zhList.contains("The second event"))
        let enList = try #require(site.text("timeline/index.html"))
        #expect(enList.contains("The company is founded") && enList.contains("The second event") && !enList.contains("公司成立"))
        let zhAda = try #require(site.text("zh/people/ada/index.html"))
        #expect(zhAda.contains(#"<p class="backlink">公司成立</p>"#) && !zhAda.contains("The second event"))
        let enAda = try #require(site.text("people/ada/index.html"))
        #expect(enAda.contains(#"<p class="backlink">The company is founded</p><p class="backlink">The second event</p>"#))
        let zhTerm = try #require(site.text("zh/topics/money/index.html"))
        #expect(zhTerm.contains(#"<li class="tagged">公司成立</li>"#) && !zhTerm.contains("The second event"))
        let feed = try #require(site.text("zh/timeline/atom.xml"))
        #expect(feed.contains("https://example.org/zh/timeline/a/") && !feed.contains("https://example.org/timeline/b/"))
        #expect(feed.contains("<title>两种语言: Timeline</title>"))
    }

    @Test func aTranslationInheritsEveryKeyItDoesNotWrite() throws {
        let fixture = try FixtureSite("languages")
        defer { fixture.remove() }
        // ada.zh.md writes only its title: role and summary come from ada.md.
        #expect(try fixture.build().text("zh/people/ada/index.html")?.contains(#"<p class="role">Mathematician · 一位创始人。</p>"#) == true,
                "role is inherited; the summary is the translation's own first paragraph")
        try fixture.replace(in: "content/people/ada.zh.md", "title: 艾达", with: "title: 艾达\nrole: 数学家\nsummary: 第一位程序员。")
        #expect(try fixture.build().text("zh/people/ada/index.html")?.contains(#"<p class="role">数学家 · 第一位程序员。</p>"#) == true)
        // An original's permalink moves its translation too; a translation's own slug is its own.
        try fixture.replace(in: "content/people/ada.md", "title: Ada", with: "title: Ada\npermalink: /ada/")
        try fixture.replace(in: "content/timeline/a.md", "[Ada](../people/ada.md)", with: "Ada")
        try fixture.replace(in: "content/timeline/a.zh.md", "[艾达](../people/ada.md)", with: "艾达")
        let site = try fixture.build()
        #expect(site.files["zh/ada/index.html"] != nil && site.files["ada/index.html"] != nil)
    }

    @Test func aLanguageMayGiveItsOwnSiteSettings() throws {
        let fixture = try FixtureSite("languages")
        defer { fixture.remove() }
        let site = try fixture.build()
        #expect(site.text("zh/index.html")?.contains(#"<p class="site">两种语言</p>"#) == true)
        #expect(site.text("index.html")?.contains(#"<p class="site">Two languages</p>"#) == true)
    }

    @Test func searchJSONAndFeedsAreMadePerLanguageUnderItsPrefix() throws {
        let fixture = try FixtureSite("languages")
        defer { fixture.remove() }
        try fixture.replace(in: "site.yml", "default_language: en", with: "default_language: en\nsearch: true")
        try fixture.replace(in: "content/timeline/_index.md", "title: Timeline", with: "title: Timeline\noutput: [html, json]")
        try fixture.write("templates/list.json", #"{"title": "{{ page.title }}", "lang": "{{ lang }}"}"#)
        let site = try fixture.build()
        // JSON: the translation inherits `output:`, and its file sits under its own URL.
        #expect(site.text("timeline.json") == #"{"title": "Timeline", "lang": "en"}"#)
        // (JSON templates write non-ASCII as \u escapes.)
        #expect(site.text("zh/timeline.json") == #"{"title": "\u65f6\u95f4\u7ebf", "lang": "zh"}"#)
        // Search: an index per language; a zh document's URL is relative to /zh/, where search.js reads it from.
        let english = site.files.keys.filter { $0.hasPrefix("search/d/") }.compactMap { site.text($0) }.joined()
        let chinese = site.files.keys.filter { $0.hasPrefix("zh/search/d/") }.compactMap { site.text($0) }.joined()
        #expect(site.files["search/search.js"] != nil && site.files["zh/search/search.js"] != nil)
        #expect(english.contains("\"timeline/a/\"") && !english.contains("公司成立"))
        #expect(chinese.contains("\"timeline/a/\"") && chinese.contains("公司成立") && !chinese.contains("zh/"))
        // Feeds: each language's under its prefix with its own site title; one sitemap with alternates.
        #expect(site.text("zh/timeline/atom.xml")?.contains("https://example.org/zh/timeline/atom.xml") == true)
        #expect(site.text("zh/timeline/atom.xml")?.contains("两种语言") == true)
        #expect(site.files["zh/sitemap.xml"] == nil && site.files["zh/robots.txt"] == nil)
        #expect(site.text("sitemap.xml")?.contains(#"<loc>https://example.org/zh/timeline/a/</loc>"#) == true)
        #expect(site.text("sitemap.xml")?.contains(#"hreflang="zh" href="https://example.org/zh/timeline/a/""#) == true)
    }

    @Test func markdownLinksLeadToTheSameLanguageOrToTheOriginalWhenUntranslated() throws {
        let fixture = try FixtureSite("languages")
        defer { fixture.remove() }
        let site = try fixture.build()
        let zh = try #require(site.text("zh/timeline/a/index.html"))
        #expect(zh.contains(#"<a href="../../people/ada/">艾达</a>创立了公司。然后是<a href="../../../timeline/b/">第二件事</a>"#))
        let home = try #require(site.text("zh/index.html"))
        #expect(home.contains(#"<a href="timeline/a/">第一件事</a>"#))
    }

    @Test func sharedKeysAreInheritedAndDatesFormatPerLanguage() throws {
        let fixture = try FixtureSite("languages")
        defer { fixture.remove() }
        let site = try fixture.build()
        #expect(site.text("zh/timeline/a/index.html")?.contains(#"<p class="date">2015年12月11日</p>"#) == true)
        #expect(site.text("timeline/a/index.html")?.contains(#"<p class="date">11 December 2015</p>"#) == true)
        let date = PartialDate(year: 2015, month: 12, day: nil)!
        #expect(LocalizedDate.format(date, language: "zh", short: false) == "2015年12月")
        #expect(LocalizedDate.format(PartialDate(year: 2015, month: nil, day: nil)!, language: "zh", short: false) == "2015年")
    }

    @Test func uiStringsComeInThePagesLanguageWithPlurals() throws {
        let fixture = try FixtureSite("languages")
        defer { fixture.remove() }
        let site = try fixture.build()
        #expect(site.text("timeline/a/index.html")?.contains(#"<a href="../">Read the timeline</a> 2 events"#) == true)
        #expect(site.text("zh/timeline/a/index.html")?.contains(#"<a href="../">阅读时间线</a> 1 个事件"#) == true)
        #expect(site.text("zh/index.html")?.contains(#"<a href="../">首页</a>"#) == true)
        try fixture.replace(in: "content/timeline/b.md", "title: The second event", with: "title: The second event\ndraft: true")
        try fixture.replace(in: "content/timeline/a.md", " Then [the second event](b.md).", with: "")
        try fixture.replace(in: "content/timeline/a.zh.md", "然后是[第二件事](b.md)。", with: "")
        #expect(try fixture.build().text("timeline/a/index.html")?.contains("Read the timeline</a> 1 event</p>") == true)
        #expect(PluralRules.category(of: 1, language: "zh") == "other")
        #expect(PluralRules.category(of: 0, language: "fr") == "one")
        #expect(PluralRules.category(of: 0, language: "en-GB") == "other")
    }

    @Test func theSitemapListsEveryVersionOfAPage() throws {
        let fixture = try FixtureSite("languages")
        defer { fixture.remove() }
        let sitemap = try #require(try fixture.build().text("sitemap.xml"))
        #expect(sitemap.contains(#"xmlns:xhtml="http://www.w3.org/1999/xhtml""#))
        #expect(sitemap.contains("""
              <url><loc>https://example.org/zh/timeline/a/</loc>
                <xhtml:link rel="alternate" hreflang="en" href="https://example.org/timeline/a/"/>
                <xhtml:link rel="alternate" hreflang="x-default" href="https://example.org/timeline/a/"/>
                <xhtml:link rel="alternate" hreflang="zh" href="https://example.org/zh/timeline/a/"/>
              </url>
            """))
        #expect(sitemap.contains("  <url><loc>https://example.org/timeline/b/</loc></url>\n"))
    }

    @Test func untranslatedAndOutdatedPagesAreWarnings() throws {
        let fixture = try FixtureSite("languages")
        defer { fixture.remove() }
        #expect(try fixture.build().warnings.map(\.description)
                == ["content/timeline/b.md:1:1: warning: no 'zh' translation of this page (content/timeline/b.zh.md)"])
        try fixture.replace(in: "content/timeline/a.md", "revision: 2", with: "revision: 3")
        #expect(try fixture.build().warnings.map(\.description).contains(
            "content/timeline/a.zh.md:3:1: warning: translation of revision 2, but the original (content/timeline/a.md) is at revision 3"))
        try fixture.replace(in: "content/timeline/a.zh.md", "translation_of_revision: 2\n", with: "")
        #expect(try fixture.build().warnings.map(\.description).contains(
            "content/timeline/a.zh.md:1:1: warning: no 'translation_of_revision:', but the original (content/timeline/a.md) is at revision 3"))
        try fixture.replace(in: "site.yml", "default_language: en", with: "default_language: en\ntranslations: {missing: ignore}")
        #expect(try fixture.build().warnings.count == 1)
    }

    @Test func aDraftOriginalTakesItsTranslationsAlong() throws {
        let fixture = try FixtureSite("languages")
        defer { fixture.remove() }
        try fixture.replace(in: "content/people/ada.md", "title: Ada", with: "title: Ada\ndraft: true")
        try fixture.replace(in: "content/timeline/a.md", "people: [ada]", with: "people: []")
        try fixture.replace(in: "content/timeline/b.md", "people: [ada]", with: "people: []")
        try fixture.replace(in: "content/timeline/a.zh.md", "[艾达](../people/ada.md)", with: "艾达")
        try fixture.replace(in: "content/timeline/a.md", "[Ada](../people/ada.md)", with: "Ada")
        let site = try fixture.build()
        #expect(site.files["zh/people/ada/index.html"] == nil && site.files["people/ada/index.html"] == nil)
    }

    @Test func aTranslationsAliasesGetRedirects() throws {
        let fixture = try FixtureSite("languages")
        defer { fixture.remove() }
        try fixture.replace(in: "content/people/ada.zh.md", "title: 艾达", with: "title: 艾达\naliases: [/zh/people/ada-lovelace/]")
        let redirect = try #require(try fixture.build().text("zh/people/ada-lovelace/index.html"))
        #expect(redirect.contains("https://example.org/zh/people/ada/"))
    }

    @Test func theOutputIsTheSameOnEveryBuild() throws {
        let fixture = try FixtureSite("languages")
        defer { fixture.remove() }
        #expect(try fixture.build().files == fixture.build().files)
    }
}
