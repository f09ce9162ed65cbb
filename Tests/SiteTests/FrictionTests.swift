import Foundation
import Testing
@testable import Site

/// Issue 20, item 6: the rough edges a new author met first, each with the message it now gives.
@Suite struct FrictionTests {
    /// Builds the fixture site after `edits` and returns every diagnostic (the build must fail).
    private func failures(_ edits: [(file: String, find: String?, replace: String)]) throws -> [Diagnostic] {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        for edit in edits {
            if let find = edit.find { try fixture.replace(in: edit.file, find, with: edit.replace) } else { try fixture.write(edit.file, edit.replace) }
        }
        do {
            _ = try fixture.build()
            Issue.record("the build should have failed")
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test func aBrokenLinkInTheHeaderIsReportedOnceWithACount() throws {
        let found = try failures([("templates/partials/nav.html", "\"/about/\"", "\"/abuot/\"")])
        let about = found.filter { $0.message.contains("abuot") }
        #expect(about.count == 1, "\(found.map(\.description))")
        let pages = try #require(about.first)
        #expect(pages.file == "templates/partials/nav.html")
        #expect(pages.message.hasSuffix("no such page or file in the site (on 10 pages)"), "\(pages.message)")
        #expect(pages.notes.last?.hasPrefix("broken on /404.html, /about/index.html, /index.html and 7 more") == true, "\(pages.notes)")
    }

    @Test func aCollectionWithoutAFolderIsAnError() throws {
        let found = try failures([("site.yml", "  people:\n    title: People", "  peple:\n    title: People")])
        #expect(found.map(\.description).contains(
            "site.yml:12:3: error: collection 'peple' has no folder content/peple/ with Markdown files — did you mean 'people'?"),
            "\(found.map(\.description))")
    }

    @Test func anUnknownSortKeyIsAnError() throws {
        let found = try failures([("site.yml", "    sort_by: title", "    sort_by: titel")])
        #expect(found.map(\.description) == [
            "site.yml:14:14: error: no page of collection 'people' has the key 'titel' to sort by — did you mean 'title'?"])
    }

    @Test func theRenderSettingIsGone() throws {
        let found = try failures([("site.yml", "    sort_by: title", "    sort_by: title\n    render: false")])
        #expect(found.map(\.description) == ["site.yml:15:5: error: unknown setting 'render' for collection 'people'"])
    }

    @Test func aMarkdownLinkToADraftSaysItIsADraft() throws {
        let found = try failures([("content/about.md", "Back [home](index.md).", "See [the secret](timeline/secret.md).")])
        #expect(found.map(\.description) == ["content/about.md:7:5: error: link to 'timeline/secret.md': content/timeline/secret.md "
            + "is a draft (draft: true), left out of this build; build with --drafts, or publish it, or remove the link"])
    }

    @Test func aTemplateLinkToADraftSaysItIsADraft() throws {
        let found = try failures([("templates/page.html", nil, #"{% extends "base.html" %}{% block main %}<a href="{{ '/timeline/secret/' | relative_url }}">s</a>{% endblock %}"#)])
        #expect(!found.isEmpty)
        for diagnostic in found {
            #expect(diagnostic.message.contains("the page there, content/timeline/secret.md, is a draft (draft: true)"), "\(diagnostic)")
        }
    }

    @Test func didYouMeanGoesByNameSimilarity() throws {
        let found = try failures([("templates/page.html", "{{ page.title }}", "{{ page.title | upcase }}")])
        #expect(found.contains { $0.message == "unknown filter 'upcase' — did you mean 'upper'?" }, "\(found.map(\.description))")
    }

    /// The link is traced to the template that wrote it (an included partial), not to the first template whose
    /// text happens to hold the same path.
    @Test func aBrokenLinkPointsAtTheIncludedTemplateThatWroteIt() throws {
        let found = try failures([
            ("templates/a-unused.html", nil, #"<a href="{{ "/abuot/" | relative_url }}">unused</a>"#),
            ("templates/partials/nav.html", "\"/about/\"", "\"/abuot/\""),
        ])
        let about = found.filter { $0.message.contains("abuot") }
        #expect(about.map(\.file) == ["templates/partials/nav.html"], "\(found.map(\.description))")
        let column = try #require(try String(contentsOf: Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
            .appendingPathComponent("basic/templates/partials/nav.html"), encoding: .utf8)
            .components(separatedBy: "\"/about/\" | ").first).count + "\"/about/\" | ".count + 1
        #expect(about.first?.line == 1)
        #expect(about.first?.column == column)
    }

    /// A link made from a value in a loop has no text to search for; the re-render knows the call's line.
    @Test func aBrokenLinkMadeInALoopHasItsTemplateLine() throws {
        let found = try failures([("templates/page.html", "{{ page.content }}",
                                   "{{ page.content }}\n{% for p in collections.people.pages %}<a href=\"{{ (p.url ~ 'cv/') | relative_url }}\">CV</a>{% endfor %}")])
        let cv = found.filter { $0.message.contains("cv/") }
        #expect(cv.count == 2, "\(found.map(\.description))")  // /people/ada/cv/ and /people/bob/cv/, each once
        for diagnostic in cv {
            #expect(diagnostic.file == "templates/page.html")
            #expect(diagnostic.line == 5)
            #expect(diagnostic.column == 70)
            #expect(diagnostic.message.contains("(on "), "\(diagnostic.message)")
        }
    }
}
