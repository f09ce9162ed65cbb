import Foundation
import Testing
@testable import Site

/// A broken link that a template writes only on another language's pages is traced to the template line of the
/// call, as on the default language's pages: the tracer renders the very page again, in its language.
@Suite struct TranslatedLinkTraceTests {
    private func failure(_ fixture: FixtureSite) throws -> [String] {
        return fixture.failedBuildDiagnostics()
    }

    /// Made from a value, so no search of the templates' text could find it: only the re-render locates it.
    @Test func aTemplateLinkBrokenOnlyOnTranslatedPages() throws {
        let fixture = try FixtureSite("languages")
        defer { fixture.remove() }
        try fixture.replace(in: "templates/page.html", "<p class=\"lang\">",
                            with: "{% if lang != 'en' %}<a href=\"{{ (page.url ~ 'sources/') | relative_url }}\">s</a>{% endif %}<p class=\"lang\">")
        let diagnostics = try failure(fixture)
        #expect(diagnostics.contains {
            $0.hasPrefix("templates/page.html:5:") && $0.contains("broken link 'sources/'")
        }, "got: \(diagnostics.joined(separator: "\n"))")
        #expect(!diagnostics.contains { $0.hasPrefix("content/") }, "got: \(diagnostics.joined(separator: "\n"))")
    }

    @Test func aTemplateLinkBrokenOnATranslatedTermPage() throws {
        let fixture = try FixtureSite("languages")
        defer { fixture.remove() }
        try fixture.replace(in: "templates/term.html", "<ul>",
                            with: "{% if lang == 'zh' %}<a href=\"{{ (page.url ~ 'feed/') | relative_url }}\">f</a>{% endif %}\n<ul>")
        let diagnostics = try failure(fixture)
        #expect(diagnostics.contains {
            $0.hasPrefix("templates/term.html:3:") && $0.contains("broken link 'feed/'")
        }, "got: \(diagnostics.joined(separator: "\n"))")
        #expect(diagnostics.allSatisfy { $0.hasPrefix("templates/term.html:3:") }, "got: \(diagnostics.joined(separator: "\n"))")
    }

    /// In the base template, broken on every zh page, content and generated: each located there.
    @Test func aBaseTemplateLinkBrokenOnEveryTranslatedPage() throws {
        let fixture = try FixtureSite("languages")
        defer { fixture.remove() }
        try fixture.replace(in: "templates/base.html", "<p class=\"site\">",
                            with: "{% if lang == 'zh' %}<a href=\"{{ ('/' ~ lang ~ '/about/') | relative_url }}\">关于</a>{% endif %}<p class=\"site\">")
        let diagnostics = try failure(fixture)
        #expect(!diagnostics.isEmpty && diagnostics.allSatisfy { $0.hasPrefix("templates/base.html:8:") },
                "got: \(diagnostics.joined(separator: "\n"))")
    }
}
