import Content
import Foundation
import Testing
@testable import Site

/// Rules of the multilingual engine that `LanguageTests` left to one fixture's defaults: which language is the
/// default, the order of `page.translations`, dates from a translated `date_label`, and `lang` in the templates
/// that are not a page's (components, feeds).
@Suite("Languages: the default, the order of versions, dates and lang in every template")
struct LanguageRuleTests {
    /// Every `hreflang` of the page's head, in order.
    private static func hreflangs(_ html: String) -> [String] {
        html.split(separator: "\n").compactMap { line in
            guard line.hasPrefix(#"<link rel="alternate" hreflang=""#) else { return nil }
            return String(line.dropFirst(#"<link rel="alternate" hreflang=""#.count).prefix { $0 != "\"" })
        }
    }

    @Test func withoutDefaultLanguageTheFirstListedIsTheDefault() throws {
        let fixture = try FixtureSite("languages")
        defer { fixture.remove() }
        let declared = try fixture.build().files
        try fixture.replace(in: "site.yml", "default_language: en\n", with: "")
        #expect(try fixture.build().files == declared, "en, listed first, is the default: same URLs, same pages")
        // Listed second and named the default, English still keeps the unprefixed URLs.
        try fixture.replace(in: "site.yml", "  en:\n    title: English\n", with: "")
        try fixture.replace(in: "site.yml", "    site:\n      title: 两种语言\n", with: "    site:\n      title: 两种语言\n  en:\n    title: English\n")
        try fixture.write("site.yml", try fixture.read("site.yml") + "default_language: en\n")
        #expect(try fixture.build().files == declared)
    }

    @Test func translationsAreListedInTheOrderOfLanguagesTheDefaultFirst() throws {
        let fixture = try FixtureSite("languages")
        defer { fixture.remove() }
        try fixture.replace(in: "site.yml", "default_language: en", with: "  fr:\n    title: Français\ndefault_language: en")
        try fixture.write("i18n/fr.yml", "read_timeline: Lire la chronologie\nevents:\n  one: \"{count} événement\"\n  other: \"{count} événements\"\nnav:\n  home: Accueil\n")
        for name in ["index", "people/_index", "people/ada", "timeline/_index", "timeline/a"] {
            try fixture.write("content/\(name).fr.md", "---\ntitle: \(name) (fr)\n\(name == "timeline/a" ? "translation_of_revision: 2\n" : "")---\n")
        }
        var site = try fixture.build()
        for path in ["timeline/a/index.html", "zh/timeline/a/index.html", "fr/timeline/a/index.html"] {
            #expect(Self.hreflangs(try #require(site.text(path))) == ["en", "zh", "fr", "x-default"], "\(path)")
        }
        #expect(Self.hreflangs(try #require(site.text("fr/topics/money/index.html"))) == ["en", "zh", "fr", "x-default"])
        // The order is the file's, not the alphabet's: fr listed before zh comes before it.
        try fixture.replace(in: "site.yml", "  fr:\n    title: Français\n", with: "")
        try fixture.replace(in: "site.yml", "  zh:\n", with: "  fr:\n    title: Français\n  zh:\n")
        site = try fixture.build()
        #expect(Self.hreflangs(try #require(site.text("zh/timeline/a/index.html"))) == ["en", "fr", "zh", "x-default"])
        // Three-way switcher: every other version, none missing (people/ada has all three).
        let ada = try #require(site.text("fr/people/ada/index.html"))
        #expect(ada.contains(#"<ul class="switcher"><li><a href="../../../people/ada/" hreflang="en" lang="en">English</a></li><li><a href="../../../zh/people/ada/" hreflang="zh" lang="zh">中文</a></li></ul>"#))
    }

    /// `date_label` is words: the translation writes its own, and the `date` filter prints it in place of the date.
    @Test func aTranslatedDateLabelIsThePagesDate() throws {
        let fixture = try FixtureSite("languages")
        defer { fixture.remove() }
        try fixture.replace(in: "content/timeline/a.md", "date: 2015-12-11", with: "date: 2015\ndate_label: Late 2015")
        try fixture.replace(in: "content/timeline/a.zh.md", "title: 公司成立", with: "title: 公司成立\ndate_label: 2015年末")
        try fixture.write("content/timeline/b.zh.md", "---\ntitle: 第二件事\n---\n后来。\n")
        let site = try fixture.build()
        #expect(site.text("timeline/a/index.html")?.contains(#"<p class="date">Late 2015</p>"#) == true)
        #expect(site.text("zh/timeline/a/index.html")?.contains(#"<p class="date">2015年末</p>"#) == true)
        // Lists show each language's: the label, and a date at month precision in CLDR's pattern.
        let english = try #require(site.text("timeline/index.html"))
        #expect(english.contains("The company is founded</a> Late 2015</li>") && english.contains("The second event</a> May 2016</li>"))
        let chinese = try #require(site.text("zh/timeline/index.html"))
        #expect(chinese.contains("公司成立</a> 2015年末</li>") && chinese.contains("第二件事</a> 2016年5月</li>"))
    }

    /// A translation without its own `date_label` would show the original's words: reported, and still built.
    @Test func anUntranslatedDateLabelIsReported() throws {
        let fixture = try FixtureSite("languages")
        defer { fixture.remove() }
        try fixture.replace(in: "content/timeline/a.md", "date: 2015-12-11", with: "date: 2015\ndate_label: Late 2015")
        let site = try fixture.build()
        #expect(site.warnings.map(\.description).contains(
            "content/timeline/a.zh.md:1:1: warning: no 'date_label:' of its own, so the original's 'Late 2015' (content/timeline/a.md:4) is shown"))
        #expect(site.text("zh/timeline/a/index.html")?.contains(#"<p class="date">Late 2015</p>"#) == true)
        try fixture.replace(in: "content/timeline/a.zh.md", "title: 公司成立", with: "title: 公司成立\ndate_label: 2015年末")
        #expect(try fixture.build().warnings.allSatisfy { !$0.description.contains("date_label") })
    }

    @Test func datesAtEveryPrecisionInBothLanguages() {
        let cases: [(PartialDate?, String, String)] = [
            (PartialDate(year: 2015, month: 12, day: 11), "11 December 2015", "2015年12月11日"),
            (PartialDate(year: 2015, month: 12, day: nil), "December 2015", "2015年12月"),
            (PartialDate(year: 2015, month: nil, day: nil), "2015", "2015年"),
        ]
        for (date, english, chinese) in cases {
            guard let date else { Issue.record("not a date"); continue }
            let value = PageValues.dateValue(date, label: nil)
            #expect((try? SiteFilters.formatDate(value, style: nil, language: "en")) == .string(english))
            #expect((try? SiteFilters.formatDate(value, style: nil, language: "zh")) == .string(chinese))
        }
        // The machine's locale does not matter: the formatter's is fixed per language.
        #expect(LocalizedDate.format(PartialDate(year: 2016, month: 5, day: nil)!, language: "zh", short: true) == "2016年5月")
    }

    /// A relation inherited by a translation leads to the same language's pages; one to a page not translated
    /// is left out of the list (it was the bare slug, so `person.url` failed to render).
    @Test func aRelationToAnUntranslatedPageIsLeftOut() throws {
        let fixture = try FixtureSite("languages")
        defer { fixture.remove() }
        try fixture.write("content/people/bob.md", "---\ntitle: Bob\n---\nA partner.\n")
        try fixture.replace(in: "content/timeline/a.md", "people: [ada]", with: "people: [bob, ada]")
        try fixture.replace(in: "templates/page.html", "<p class=\"lang\">", with: "<p class=\"count\">{{ (page.people or []) | length }}</p><p class=\"lang\">")
        let site = try fixture.build()
        let chinese = try #require(site.text("zh/timeline/a/index.html"))
        #expect(chinese.contains(#"<p class="count">1</p>"#))
        #expect(chinese.contains(#"<p class="person"><a href="../../people/ada/">艾达</a></p>"#) && !chinese.contains("Bob"))
        let english = try #require(site.text("timeline/a/index.html"))
        #expect(english.contains(#"<p class="count">2</p>"#) && english.contains(">Bob</a>"))
        // Translated, Bob joins the Chinese list, in the original's order.
        try fixture.write("content/people/bob.zh.md", "---\ntitle: 鲍勃\n---\n一位合伙人。\n")
        #expect(try fixture.build().text("zh/timeline/a/index.html")?.contains(
            #"<p class="person"><a href="../../people/bob/">鲍勃</a></p><p class="person"><a href="../../people/ada/">艾达</a></p>"#) == true)
    }

    /// Outdated translations are found from `revision:` and `translation_of_revision:` alone: the files' times
    /// change neither the warnings nor the output.
    @Test func outdatedTranslationsIgnoreFileTimes() throws {
        let fixture = try FixtureSite("languages")
        defer { fixture.remove() }
        try fixture.replace(in: "content/timeline/a.md", "revision: 2", with: "revision: 3")
        let before = try fixture.build()
        let original = fixture.root.appendingPathComponent("content/timeline/a.md").path
        let translation = fixture.root.appendingPathComponent("content/timeline/a.zh.md").path
        for (older, newer) in [(original, translation), (translation, original)] {
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 0)], ofItemAtPath: older)
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 2_000_000_000)], ofItemAtPath: newer)
            let after = try fixture.build()
            #expect(after.warnings.map(\.description) == before.warnings.map(\.description))
            #expect(after.files == before.files)
        }
        #expect(before.warnings.contains { $0.description.hasPrefix("content/timeline/a.zh.md:3:1: warning: translation of revision 2") })
    }

    @Test func componentsKnowThePagesLanguage() throws {
        let fixture = try FixtureSite("languages")
        defer { fixture.remove() }
        try fixture.write("templates/components/note.html",
                          #"{# component arguments: text #}<aside class="note" lang="{{ lang }}">{{ t("read_timeline") }}: {{ text }}</aside>"#)
        try fixture.replace(in: "content/timeline/a.md", "Then [the second event](b.md).", with: "Then [the second event](b.md).\n\n{{< note text=\"x\" >}}")
        try fixture.replace(in: "content/timeline/a.zh.md", "然后是[第二件事](b.md)。", with: "然后是[第二件事](b.md)。\n\n{{< note text=\"甲\" >}}")
        let site = try fixture.build()
        #expect(site.text("timeline/a/index.html")?.contains(#"<aside class="note" lang="en">Read the timeline: x</aside>"#) == true)
        #expect(site.text("zh/timeline/a/index.html")?.contains(#"<aside class="note" lang="zh">阅读时间线: 甲</aside>"#) == true)
    }

    @Test func feedTemplatesKnowTheirLanguage() throws {
        let fixture = try FixtureSite("languages")
        defer { fixture.remove() }
        try fixture.write("templates/atom.xml", #"<feed lang="{{ lang }}"><title>{{ t("read_timeline") }}</title>{% for e in feed.entries %}<entry>{{ e.title }}</entry>{% endfor %}</feed>"#)
        try fixture.write("templates/robots.txt", "# {{ lang }}\nSitemap: {{ sitemap_url }}")
        let site = try fixture.build()
        #expect(site.text("timeline/atom.xml") == #"<feed lang="en"><title>Read the timeline</title><entry>The second event</entry><entry>The company is founded</entry></feed>"#)
        #expect(site.text("zh/timeline/atom.xml") == #"<feed lang="zh"><title>阅读时间线</title><entry>公司成立</entry></feed>"#)
        #expect(site.text("robots.txt") == "# en\nSitemap: https://example.org/sitemap.xml")
    }
}
