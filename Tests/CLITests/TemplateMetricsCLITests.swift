import Foundation
import Testing

/// `build-site --template-metrics`: the table of where the render step's time went, end to end.
@Suite struct TemplateMetricsCLITests {
    /// The rows of the table as (calls, kind, name); the times in between are not checked (they are times).
    private func rows(_ stdout: String) -> [(calls: Int, kind: String, name: String)] {
        stdout.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 3, let calls = Int(fields[0].replacingOccurrences(of: ",", with: "")) else { return nil }
            let kinds = ["page", "include", "macro", "cache"]
            guard let kindIndex = fields.firstIndex(where: { kinds.contains(String($0)) }) else { return nil }
            return (calls, String(fields[kindIndex]), fields[(kindIndex + 1)...].joined(separator: " "))
        }
    }

    @Test func printsACountedRowForEveryTemplateIncludeMacroAndCacheTag() throws {
        let binary = try BuildSiteBinary.locate()
        let site = try ScratchSite(fixture: "base", base: nil)
        defer { site.remove() }
        // page.html (three pages: the home page, one event, one person) includes a partial, calls a macro and has a cache tag.
        try site.write("""
            {% extends "base.html" %}
            {% block main %}{% import "macros.html" as m %}
            {% include "partials/title.html" %}{{ m.when(page.date) }}
            {% cache %}<p>Same on every page</p>{% endcache %}
            {{ page.content }}
            {% endblock %}
            """, to: "templates/page.html")
        try site.write("<h1>{{ page.title }}</h1>", to: "templates/partials/title.html")
        try site.write("{% macro when(d) %}{% if d %}<p>{{ d | date }}</p>{% endif %}{% endmacro %}", to: "templates/macros.html")

        let measured = try binary.run(["--root", site.root.path, "--output", site.url("measured").path, "--template-metrics", "--quiet"])
        #expect(measured.status == 0, "stderr:\n\(measured.stderr)")
        #expect(measured.stdout.hasPrefix("Template metrics: wall time inside each template"))
        let table = rows(measured.stdout)
        func calls(_ kind: String, _ name: String) -> Int? { table.first { $0.kind == kind && $0.name == name }?.calls }
        #expect(calls("page", "page.html") == 3)
        #expect(calls("page", "list.html") == 2)
        #expect(calls("include", "partials/title.html") == 3)
        #expect(calls("macro", "when (macros.html:1)") == 3)
        #expect(calls("cache", "page.html:4") == 3)
        #expect(table.count == 5)

        // Measuring changes no output file.
        let plain = try binary.run(["--root", site.root.path, "--output", site.url("plain").path, "--quiet"])
        #expect(plain.status == 0)
        #expect(plain.stdout.isEmpty)
        let measuredFiles = ScratchSite.snapshot(of: site.url("measured"))
        let plainFiles = ScratchSite.snapshot(of: site.url("plain"))
        #expect(measuredFiles.count > 5)
        #expect(measuredFiles == plainFiles)
    }
}
