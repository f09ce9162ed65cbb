import Foundation
import Testing
@testable import Site

/// The template context reference (docs/content/reference/context.md) lists exactly the fields the build gives
/// templates: a field added, renamed or removed in the code fails here until the reference says so.
@Suite struct ContextReferenceTests {
    /// The reference's tables: for each section, the names in the first column.
    static func documented() throws -> [String: Set<String>] {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/content/reference/context.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        let sections = ["Globals": "globals", "`page`": "page", "Page cards": "card", "Refs": "ref",
                        "A collection": "collection", "A date": "date", "A `toc` entry": "toc", "`site`": "site",
                        "`build`": "build", "A taxonomy": "taxonomy", "A term": "term", "`paginator`": "paginator",
                        "A paginator page": "paginator-page"]
        var result: [String: Set<String>] = [:]
        var current: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") {
                current = sections[String(line.dropFirst(3))]
                continue
            }
            guard let current, line.hasPrefix("| `") else { continue }
            let cell = line.dropFirst(3)
            guard let end = cell.firstIndex(of: "`") else { continue }
            result[current, default: []].insert(String(cell[..<end]))
        }
        return result
    }

    /// What the build really gives, read by a template from a small site whose pages set no key of their own
    /// beyond the computed ones (title, date) and one relation.
    static func actual() throws -> [String: Set<String>] {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("context-reference-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let files = [
            "site.yml": "title: T\nbase_url: https://example.org/\ntaxonomies:\n  tags: {}\ncollections:\n  notes:\n    paginate: 1\n",
            "content/index.md": "---\ntitle: Home\n---\n",
            "content/notes/_index.md": "---\ntitle: Notes\n---\n",
            "content/notes/a.md": "---\ntitle: A\ndate: 2020-05\ntags: [x]\n---\n## Head\n\nText.\n",
            "content/notes/b.md": "---\ntitle: B\nnotes: [a]\n---\nB.\n",
            "templates/page.html": """
                {%- set a = collections.notes.by_slug.a -%}
                page={% for k in page if k not in ["notes", "tags"] %}{{ k }} {% endfor %}
                card={% for k in a if k != "tags" %}{{ k }} {% endfor %}
                ref={% for k in a.backlinks.notes[0] %}{{ k }} {% endfor %}
                collection={% for k in collections.notes %}{{ k }} {% endfor %}
                date={% for k in a.date %}{{ k }} {% endfor %}
                toc={% for k in a.toc | default([]) %}{{ k }} {% endfor %}{% for k in (page.toc[0] if page.toc else {}) %}{{ k }} {% endfor %}
                site={% for k in site %}{{ k }} {% endfor %}
                build={% for k in build %}{{ k }} {% endfor %}
                taxonomy={% for k in taxonomies.tags %}{{ k }} {% endfor %}
                term={% for k in taxonomies.tags.terms[0] %}{{ k }} {% endfor %}{% for k in (page.tags[0] if page.tags is defined else {}) %}{{ k }} {% endfor %}
                {% if paginator is defined %}paginator={% for k in paginator %}{{ k }} {% endfor %}
                paginator-page={% for k in paginator.pages[0] %}{{ k }} {% endfor %}{% endif %}

                """,
        ]
        var all = files
        all["templates/list.html"] = files["templates/page.html"]
        all["templates/index.html"] = files["templates/page.html"]
        all["templates/term.html"] = "{{ page.title }}"
        all["templates/taxonomy.html"] = "{{ page.title }}"
        for (path, text) in all {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let site = try SiteBuilder.build(BuildOptions(root: root))
        // Page a: a plain page with a date, a term and a heading; the list page: the paginator.
        var result: [String: Set<String>] = [:]
        for path in ["notes/a/index.html", "notes/index.html"] {
            let text = try #require(site.files[path].map { String(decoding: $0, as: UTF8.self) })
            for line in text.split(separator: "\n") {
                guard let equals = line.firstIndex(of: "=") else { continue }
                let names = line[line.index(after: equals)...].split(separator: " ").map(String.init)
                result[String(line[..<equals]).trimmingCharacters(in: .whitespaces), default: []].formUnion(names)
            }
        }
        return result
    }

    @Test func everyFieldIsDocumentedAndEveryDocumentedFieldExists() throws {
        let documented = try Self.documented()
        var actual = try Self.actual()
        // `site` also has every key of site.yml as written, which the reference says in words.
        actual["site"]?.subtract(["collections", "taxonomies"])
        actual["globals"] = Set(SiteBuilder.globals(site: .none, collections: .none, taxonomies: .none, data: .none).keys).union(SiteBuilder.pageGlobals)
        for section in ["globals", "page", "card", "ref", "collection", "date", "toc", "site", "build", "taxonomy", "term",
                        "paginator", "paginator-page"] {
            let code = actual[section] ?? []
            let docs = documented[section] ?? []
            #expect(!code.isEmpty, "the test read no field for \(section)")
            #expect(code.subtracting(docs).sorted() == [], "in the code but not in the reference's \(section) table")
            #expect(docs.subtracting(code).sorted() == [], "in the reference's \(section) table but not in the code")
        }
    }
}
