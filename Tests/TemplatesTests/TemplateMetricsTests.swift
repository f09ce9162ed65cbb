import Dispatch
import Foundation
import Testing
@testable import Templates

/// `TemplateMetrics`: every page, include, macro and cache tag is counted, once per call, under a name that
/// says where it is; measuring changes nothing in the output. Times are only checked for consistency
/// (never for speed): a maximum is at most the total, and a page holds the time of what it calls.
@Suite struct TemplateMetricsTests {
    static let templates = [
        "base.html": "<main>{% block content %}{% endblock %}</main>",
        "page.html": """
            {% extends "base.html" %}{% block content %}{% import "macros.html" as m %}
            {%- for item in items %}
            {%- include "partials/item.html" %}{{ m.card(item) }}
            {%- cache item.id %}[{{ item.id }}]{% endcache %}
            {%- endfor %}{% endblock %}
            """,
        "partials/item.html": "<li>{{ item.title }}</li>",
        "macros.html": "{% macro card(x) %}<p>{{ x.title | upper }}</p>{% endmacro %}",
    ]

    static let items: Value = [["id": 1, "title": "a"], ["id": 1, "title": "b"], ["id": 2, "title": "c"]]

    private func entry(_ report: [TemplateMetrics.Entry], _ kind: TemplateMetrics.Kind, _ name: String) -> TemplateMetrics.Entry? {
        report.first { $0.kind == kind && $0.name == name }
    }

    @Test func everyCallIsCountedUnderItsName() throws {
        let environment = try TemplateEnvironment(templates: Self.templates)
        let metrics = TemplateMetrics()
        let cache = FragmentCache()
        for _ in 0..<2 {
            _ = try environment.renderUTF8("page.html", context: ["items": Self.items], fragments: cache, metrics: metrics)
        }
        let report = metrics.report
        #expect(entry(report, .page, "page.html")?.calls == 2)
        #expect(entry(report, .include, "partials/item.html")?.calls == 6)
        #expect(entry(report, .macro, "card (macros.html:1)")?.calls == 6)
        // Ids 1, 1, 2 then 1, 1, 2: the first pass over each id renders the body, the four others paste it.
        let tag = try #require(entry(report, .cache, "page.html:4"))
        #expect(tag.calls == 6)
        #expect(tag.reused == 4)
        #expect(report.count == 4)
        for row in report {
            #expect(row.maximum <= row.total)
            #expect(row.total >= .zero)
        }
        // Inclusive times: the pages hold everything they called.
        let page = try #require(entry(report, .page, "page.html"))
        for row in report where row.kind != .page { #expect(row.total <= page.total) }
        // The most time first.
        #expect(report.map(\.total) == report.map(\.total).sorted(by: >))
    }

    @Test func measuringChangesNoOutput() throws {
        let environment = try TemplateEnvironment(templates: Self.templates)
        let plain = try environment.renderUTF8("page.html", context: ["items": Self.items], fragments: FragmentCache())
        let measured = try environment.renderUTF8("page.html", context: ["items": Self.items], fragments: FragmentCache(),
                                                  metrics: TemplateMetrics())
        #expect(plain == measured)
        #expect(String(decoding: plain, as: UTF8.self) == "<main><li>a</li><p>A</p>[1]<li>b</li><p>B</p>[1]<li>c</li><p>C</p>[2]</main>")
    }

    @Test func withoutAFragmentCacheNothingIsReused() throws {
        let environment = try TemplateEnvironment(templates: Self.templates)
        let metrics = TemplateMetrics()
        _ = try environment.renderUTF8("page.html", context: ["items": Self.items], metrics: metrics)
        let tag = try #require(entry(metrics.report, .cache, "page.html:4"))
        #expect(tag.calls == 3)
        #expect(tag.reused == 0)
    }

    /// Renders on many threads at once (each with its own copy of the templates, as a site build does) add up
    /// to the same counts as one after another.
    @Test func rendersOnManyThreadsAddUp() throws {
        let environment = try TemplateEnvironment(templates: Self.templates)
        let metrics = TemplateMetrics()
        let cache = FragmentCache()
        let copies = (0..<4).map { _ in environment.copy() }
        DispatchQueue.concurrentPerform(iterations: 40) { index in
            _ = try? copies[index % copies.count].renderUTF8("page.html", context: ["items": Self.items], fragments: cache,
                                                            metrics: metrics)
        }
        let report = metrics.report
        #expect(entry(report, .page, "page.html")?.calls == 40)
        #expect(entry(report, .include, "partials/item.html")?.calls == 120)
        #expect(entry(report, .macro, "card (macros.html:1)")?.calls == 120)
        let tag = try #require(entry(report, .cache, "page.html:4"))
        #expect(tag.calls == 120)
        // Two keys: each is rendered at least once, and at most once per thread that missed it at the same time.
        #expect(tag.reused >= 120 - 2 * 40 && tag.reused <= 118)
        #expect(report.count == 4)
    }

    @Test func aFailedRenderAddsNothing() throws {
        let environment = try TemplateEnvironment(templates: ["page.html": "{% include 'partials/item.html' %}{{ missing.x }}",
                                                              "partials/item.html": "<li></li>"])
        let metrics = TemplateMetrics()
        #expect(throws: TemplateError.self) { _ = try environment.renderUTF8("page.html", context: [:], metrics: metrics) }
        #expect(metrics.report.isEmpty)
    }
}
