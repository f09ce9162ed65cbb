import Foundation
@testable import Site
import Testing

/// What an edit that is not a Markdown page redoes in a `BuildSession`: a template edit renders again only the
/// pages whose renders looked it up (and keeps every page's Markdown unless a component could show it), a data
/// file or a UI string only the pages that read it, a stylesheet only the pages that inline it; `site.yml` is a
/// full build. Every result is also compared with a full build's.
@Suite("Incremental builds: templates, data, UI strings and settings")
struct TemplateInvalidationTests {
    /// A first build, `edit`, a second build (equal to a full build's files), and what the second one redid.
    static func rebuild(_ site: FixtureSite, _ edit: () throws -> Void) throws -> (first: BuiltSite, second: BuiltSite, summary: IncrementalSummary) {
        let session = BuildSession()
        let first = try session.build(BuildOptions(root: site.root))
        try edit()
        let second = try session.build(BuildOptions(root: site.root))
        #expect(second.files == (try site.build()).files, "the incremental build is a full build's")
        return (first, second, try #require(second.incremental))
    }

    /// The HTML files whose bytes differ between two builds.
    static func changedPages(_ first: BuiltSite, _ second: BuiltSite) -> [String] {
        second.files.keys.filter { $0.hasSuffix(".html") && first.files[$0] != second.files[$0] }.sorted()
    }

    @Test func aTemplateEditRendersOnlyThePagesThatUsedItAndKeepsTheirMarkdown() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let (first, second, summary) = try Self.rebuild(site) {
            try site.replace(in: "templates/timeline/page.html", "</article>", with: "<p>edited</p></article>")
        }
        #expect(summary.markdownRendered == 0)
        #expect(summary.markdownReused == first.pageCount)
        let changed = Self.changedPages(first, second)
        #expect(changed == ["timeline/first/index.html", "timeline/second/index.html", "timeline/third/index.html"])
        #expect(summary.pagesRendered == changed.count, "the three events; nothing else uses timeline/page.html")
        #expect(summary.pagesReused > 0)
    }

    @Test func aBaseTemplateOrAPartialItIncludesRendersEveryPageThatExtendsIt() throws {
        for (file, find) in [("templates/base.html", "</main>"), ("templates/partials/nav.html", "</nav>")] {
            let site = try FixtureSite()
            defer { site.remove() }
            let (first, second, summary) = try Self.rebuild(site) {
                try site.replace(in: file, find, with: "<p>edited</p>" + find)
            }
            #expect(summary.markdownRendered == 0, "\(file)")
            let marked = second.files.filter { $0.key.hasSuffix(".html") && String(decoding: $0.value, as: UTF8.self).contains("<p>edited</p>") }
            #expect(!marked.isEmpty)
            #expect(summary.pagesRendered == marked.count, "\(file): exactly the pages that show it")
            #expect(Self.changedPages(first, second).count == marked.count)
        }
    }

    @Test func aTemplateNoPageUsesRendersNothing() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.write("templates/unused.html", "{% extends \"base.html\" %}{% block main %}unused{% endblock %}")
        let (_, _, summary) = try Self.rebuild(site) {
            try site.replace(in: "templates/unused.html", "unused", with: "still unused")
        }
        #expect(summary.markdownRendered == 0)
        #expect(summary.pagesRendered == 0)
    }

    @Test func aNewTemplateThatPagesLookForFirstRendersThosePages() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let (first, second, summary) = try Self.rebuild(site) {
            try site.write("templates/people/page.html", "{% extends \"base.html\" %}{% block main %}<p>person {{ page.title }}</p>{% endblock %}")
        }
        #expect(Self.changedPages(first, second) == ["people/ada/index.html", "people/bob/index.html"])
        #expect(summary.pagesRendered == 2)
        #expect(summary.markdownRendered == 0)
    }

    @Test func aBrokenTemplateFailsAndItsFixGivesTheLastGoodBuild() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let session = BuildSession()
        let first = try session.build(BuildOptions(root: site.root))
        let saved = try site.read("templates/timeline/page.html")
        try site.write("templates/timeline/page.html", saved + "{% if %}")
        #expect(throws: BuildFailure.self) { try session.build(BuildOptions(root: site.root)) }
        try site.write("templates/timeline/page.html", saved.replacingOccurrences(of: "</article>", with: "<p>fixed</p></article>"))
        let fixed = try session.build(BuildOptions(root: site.root))
        #expect(fixed.files == (try site.build()).files)
        #expect(fixed.incremental?.pagesRendered == 3)
        #expect(Self.changedPages(first, fixed).count == 3)
    }

    // MARK: - Components, data, UI strings, styles (the two-language fixture with all of them)

    static func languagesSite() throws -> FixtureSite {
        let site = try FixtureSite("languages")
        try IncrementalExactnessTests.addComponentsDataAndStyles(to: site)
        return site
    }

    @Test func aComponentTemplateEditRendersEveryPagesMarkdownAgain() throws {
        let site = try Self.languagesSite()
        defer { site.remove() }
        let (first, second, summary) = try Self.rebuild(site) {
            try site.replace(in: "templates/components/note.html", "<aside class=\"note\">", with: "<aside class=\"note edited\">")
        }
        #expect(summary.markdownReused == 0, "the components' declarations are read by the Markdown step")
        #expect(Self.changedPages(first, second) == ["timeline/a/index.html", "zh/timeline/a/index.html"])
    }

    @Test func aPartialAComponentIncludesRendersOnlyTheMarkdownThatCalledIt() throws {
        let site = try Self.languagesSite()
        defer { site.remove() }
        let (first, second, summary) = try Self.rebuild(site) {
            try site.replace(in: "templates/partials/note-footer.html", "<small>", with: "<small class=\"edited\">")
        }
        #expect(summary.markdownRendered == 2, "a.md and a.zh.md")
        #expect(summary.markdownReused == first.pageCount - 2)
        #expect(Self.changedPages(first, second).contains("timeline/a/index.html"))
        #expect(summary.pagesRendered >= 2)
    }

    @Test func aDataEditRendersOnlyThePagesThatReadThatFile() throws {
        let site = try Self.languagesSite()
        defer { site.remove() }
        let (_, _, unused) = try Self.rebuild(site) { try site.write("data/unused.yml", "key: changed\n") }
        #expect(unused.pagesRendered == 0)
        #expect(unused.markdownRendered == 0)
        let (first, second, used) = try Self.rebuild(site) { try site.write("data/links.yml", "home: https://example.com/\nother: unused\n") }
        #expect(used.markdownRendered == 0)
        #expect(used.pagesRendered == Self.changedPages(first, second).count, "every page shows data.links.home")
        #expect(used.pagesRendered > 0)
    }

    @Test func aUIStringEditRendersOnlyThePagesThatShowIt() throws {
        let site = try Self.languagesSite()
        defer { site.remove() }
        let (first, second, summary) = try Self.rebuild(site) {
            try site.replace(in: "i18n/zh.yml", "阅读时间线", with: "阅读全部时间线")
        }
        let changed = Self.changedPages(first, second)
        #expect(!changed.isEmpty)
        #expect(changed.allSatisfy { $0.hasPrefix("zh/") })
        #expect(summary.pagesRendered == changed.count, "only the Chinese pages that show read_timeline")
        #expect(summary.markdownRendered == 0)
        let (_, _, unused) = try Self.rebuild(site) {
            try site.write("i18n/en.yml", try site.read("i18n/en.yml") + "\nunused: Unused\n")
            try site.write("i18n/zh.yml", try site.read("i18n/zh.yml") + "\nunused: 未用\n")
        }
        #expect(unused.pagesRendered == 0)
        #expect(unused.markdownRendered == 0)
    }

    @Test func aStringAComponentShowsRendersTheMarkdownThatCalledIt() throws {
        let site = try Self.languagesSite()
        defer { site.remove() }
        let (_, second, summary) = try Self.rebuild(site) {
            try site.replace(in: "i18n/zh.yml", "首页", with: "主页")
        }
        #expect(summary.markdownRendered == 1, "a.zh.md's note shows nav.home in Chinese")
        #expect(second.text("zh/timeline/a/index.html")?.contains("<aside class=\"note\">主页") == true)
    }

    @Test func aStylesheetEditRendersOnlyThePagesThatInlineIt() throws {
        let site = try Self.languagesSite()
        defer { site.remove() }
        let (first, second, summary) = try Self.rebuild(site) { try site.write("static/style.css", "body { color: navy; }\n") }
        #expect(Self.changedPages(first, second) == ["index.html"])
        #expect(summary.pagesRendered == 1)
        #expect(summary.markdownRendered == 0)
    }

    /// A `site.yml` that cannot be read leaves the site with no `languages:`: `x.zh.md` is then a page in its own
    /// place, not parsed again as its original's (`PageParseMemo` keys the place too).
    @Test func aBrokenSettingsFileGivesAFullBuildsErrors() throws {
        let site = try FixtureSite("languages")
        defer { site.remove() }
        let session = BuildSession()
        _ = try session.build(BuildOptions(root: site.root))
        try site.replace(in: "site.yml", "base_url: https://example.org/", with: "base_url: \"https://example.org/\"broken/")
        let incremental = Result { () throws(BuildFailure) in try session.build(BuildOptions(root: site.root)) }
        let full = Result { () throws(BuildFailure) in try site.build() }
        guard case .failure(let failure) = incremental, case .failure(let expected) = full else {
            Issue.record("both builds should fail")
            return
        }
        #expect(IncrementalExactnessTests.describe(failure) == IncrementalExactnessTests.describe(expected))
    }

    @Test func aSettingsEditRendersAllMarkdownAndThePagesThatReadTheSetting() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let (first, second, summary) = try Self.rebuild(site) {
            try site.replace(in: "site.yml", "title: Fixture site", with: "title: Fixture site, renamed")
        }
        #expect(summary.markdownReused == 0, "site.yml's settings reach the Markdown step beyond its key")
        #expect(summary.markdownRendered == first.pageCount)
        #expect(summary.pagesRendered == Self.changedPages(first, second).count, "the pages that show site.title")
        let (_, _, moved) = try Self.rebuild(site) {
            try site.replace(in: "site.yml", "base_url: https://example.org/fixture/", with: "base_url: https://example.org/moved/")
        }
        #expect(moved.pagesReused == 0, "every template is parsed with the base URL's filters")
    }
}
