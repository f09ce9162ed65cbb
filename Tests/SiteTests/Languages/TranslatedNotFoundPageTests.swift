import Foundation
import Testing
@testable import Site

/// `content/404.zh.md` is published at `/zh/404.html`, which hosts that look for the nearest `404.html`
/// (Cloudflare Pages, the preview) serve for misses under `/zh/`; like the default 404 page, its links start
/// from the base path, since it is served at any depth.
@Suite struct TranslatedNotFoundPageTests {
    private func fixture() throws -> FixtureSite {
        let fixture = try FixtureSite("languages")
        try fixture.replace(in: "site.yml", "base_url: https://example.org/", with: "base_url: https://example.org/sub/\nsearch: true")
        try fixture.write("content/404.md", "---\ntitle: Not found\n---\nTry [the timeline](timeline/_index.md).\n")
        try fixture.write("content/404.zh.md", "---\ntitle: 找不到\n---\n请看[时间线](timeline/_index.md)。\n")
        try fixture.write("templates/404.html", """
            {% extends "base.html" %}
            {% block main %}<h1>{{ page.title }}</h1>{{ page.content }}<a class="home" href="{{ collections.timeline.url | relative_url }}">{{ t("read_timeline") }}</a>{% endblock %}
            """)
        return fixture
    }

    @Test func eachLanguagesNotFoundPageIsAFileInItsFolder() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        let site = try fixture.build()
        #expect(site.files["404.html"] != nil)
        #expect(site.files["zh/404/index.html"] == nil)
        let chinese = try #require(site.text("zh/404.html"))
        #expect(chinese.contains(#"<html lang="zh">"#))
        // Links from the base path: the rewritten .md link, relative_url in the template, the switcher.
        #expect(chinese.contains(#"请看<a href="/sub/zh/timeline/">时间线</a>。"#))
        #expect(chinese.contains(#"<a class="home" href="/sub/zh/timeline/">阅读时间线</a>"#))
        #expect(chinese.contains(#"<li><a href="/sub/404.html" hreflang="en" lang="en">English</a></li>"#))
        #expect(try #require(site.text("404.html")).contains(#"<li><a href="/sub/zh/404.html" hreflang="zh" lang="zh">中文</a></li>"#))
        // Neither is a page to list: not in the sitemap, not in either search index.
        let sitemap = try #require(site.text("sitemap.xml"))
        #expect(!sitemap.contains("404"))
        let index = site.files.keys.filter { $0.hasPrefix("zh/search/") || $0.hasPrefix("search/") }.compactMap { site.text($0) }.joined()
        #expect(!index.contains("找不到") && !index.contains("Not found"))
    }

    @Test func aBrokenLinkOnTheTranslatedNotFoundPageIsReported() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        try fixture.replace(in: "content/404.zh.md", "请看", with: "或[别处](/zh/nowhere/)。请看")
        do {
            _ = try fixture.build()
            Issue.record("the build should have failed")
        } catch {
            #expect(error.diagnostics.map(\.description).contains { $0.hasPrefix("content/404.zh.md:4:") && $0.contains("/zh/nowhere/") },
                    "got: \(error.diagnostics)")
        }
    }

    @Test func theRuleForNotFoundPaths() {
        #expect(SitePath.isNotFoundPage("/404.html"))
        #expect(SitePath.isNotFoundPage("/zh/404.html"))
        #expect(SitePath.isNotFoundPage("/pt-BR/404.html"))
        #expect(!SitePath.isNotFoundPage("/zh/timeline/404.html"))
        #expect(!SitePath.isNotFoundPage("/404/"))
        #expect(!SitePath.isNotFoundPage("/x404.html"))
        #expect(!SitePath.isNotFoundPage("//404.html"))
        #expect(SitePath.link(from: "/zh/404.html", to: "/zh/timeline/", basePath: "/sub/") == "/sub/zh/timeline/")
        #expect(SitePath.fragmentPartition(of: "/zh/404.html") == "/zh/404.html")
    }
}
