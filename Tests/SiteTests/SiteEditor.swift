import Foundation

/// Random edits of a site's files, as an author makes them, for `IncrementalExactnessTests`.
///
/// Some edits come in pairs that a build is checked between (a page renamed then renamed back, deleted then
/// restored, broken then fixed), so that one sequence goes through errors and back and the site stays
/// mostly buildable.
struct SiteEditor {
    let root: URL

    struct Edit {
        var label: String
        var apply: () throws -> Void
    }

    /// One edit, or a pair, chosen with `random`.
    func randomEdit(_ random: inout SeededRandom) throws -> [Edit] {
        let pages = files(under: "content", suffix: ".md")
        let templates = files(under: "templates", suffix: ".html")
        let data = files(under: "data", suffix: ".yml")
        let strings = files(under: "i18n", suffix: ".yml")
        let statics = files(under: "static", suffix: ".css")
        let mark = Int.random(in: 1...999_999, using: &random)
        guard let page = pages.randomElement(using: &random) else { return [] }
        switch Int.random(in: 0..<17, using: &random) {
        case 0, 1:
            return [edit("body of \(page)", page) { $0 + "\nAn added paragraph, edit \(mark).\n" }]
        case 2:
            return [edit("front matter of \(page)", page) { text in
                Self.afterFrontMatterStart(text, insert: "edited_key: \(mark)\n")
            }]
        case 3:
            return [edit("title of \(page)", page) { text in
                Self.replacingLine(text, starting: "title: ") { $0 + " \(mark)" }
            }]
        case 4:
            return [edit("date of \(page)", page) { text in
                Self.replacingLine(text, starting: "date: ") { _ in "date: \(2000 + mark % 25)-0\(1 + mark % 9)-1\(mark % 9)" }
            }]
        case 5:
            guard Self.isPlainPage(page) else { return [] }
            let renamed = String(page.dropLast(3)) + "-renamed-\(mark).md"
            return [move(page, to: renamed), move(renamed, to: page)]
        case 6:
            guard Self.isPlainPage(page) else { return [] }
            let saved = try read(page)
            return [Edit(label: "delete \(page)") { try FileManager.default.removeItem(at: url(page)) },
                    Edit(label: "restore \(page)") { try write(page, saved) }]
        case 7:
            guard Self.isPlainPage(page) else { return [] }
            let copy = String(page.dropLast(3)) + "-copy-\(mark).md"
            let text = try read(page)
            return [Edit(label: "new page \(copy)") {
                        try write(copy, Self.replacingLine(text, starting: "slug: ") { _ in "slug: copy-\(mark)" })
                    },
                    Edit(label: "delete the new page \(copy)") { try FileManager.default.removeItem(at: url(copy)) }]
        case 8:
            // Any template: a page's, a base, a partial, a macro file, a component (visible text, so that a page
            // that used it and was not rendered again would differ; a Jinja comment only where nothing shows).
            guard let template = templates.randomElement(using: &random) else { return [] }
            return [edit("template \(template)", template) { text in
                Self.visiblyEdited(text, mark: "<!-- edit \(mark) -->")
            }]
        case 9:
            let file = (data + statics).randomElement(using: &random)
            if let file, file.hasPrefix("data/") {
                return [edit("data \(file)", file) { $0 + "\nedit_\(mark): \(mark)\n" }]
            }
            guard let file else { return [] }
            return [edit("stylesheet \(file)", file) { $0 + "\n/* edit \(mark) */\n" }]
        case 10:
            guard let file = strings.randomElement(using: &random) else { return [] }
            let line = Int.random(in: 0..<64, using: &random)
            return [edit("UI strings \(file)", file) { text in
                Self.replacingValue(text, choosing: line) { $0 + " \(mark)" }
            }]
        case 12:
            // A template added (a name some page looks for first, or one nothing uses), then removed.
            guard let base = templates.first(where: { $0 == "templates/page.html" }) ?? templates.first else { return [] }
            let folders = Set(pages.compactMap { path -> String? in
                let parts = path.split(separator: "/")
                return parts.count > 2 ? String(parts[1]) : nil
            }).sorted()
            let candidates = folders.map { "templates/\($0)/page.html" } + folders.map { "templates/\($0)/list.html" }
                + ["templates/unused-\(mark).html", "templates/partials/unused-\(mark).html"]
            guard let added = candidates.filter({ !templates.contains($0) }).randomElement(using: &random) else { return [] }
            let text = try read(base)
            return [Edit(label: "new template \(added)") { try write(added, Self.visiblyEdited(text, mark: "<!-- new \(mark) -->")) },
                    Edit(label: "delete the new template \(added)") { try FileManager.default.removeItem(at: url(added)) }]
        case 13:
            guard let template = templates.randomElement(using: &random) else { return [] }
            let saved = try read(template)
            return [Edit(label: "break template \(template)") { try write(template, saved + "{% if unclosed_\(mark) %}") },
                    Edit(label: "fix template \(template)") { try write(template, saved) }]
        case 14:
            guard let file = data.randomElement(using: &random) else { return [] }
            let line = Int.random(in: 0..<64, using: &random)
            return [edit("a value in data \(file)", file) { text in
                Self.replacingValue(text, choosing: line) { $0 + " \(mark)" }
            }]
        case 15:
            if Bool.random(using: &random) {
                return [edit("site.yml's title", "site.yml") { text in
                    Self.replacingLine(text, starting: "title: ") { $0 + " \(mark)" }
                }]
            }
            // A base path of its own: every link the 404 pages make, and every absolute URL, changes.
            return [edit("site.yml's base_url", "site.yml") { text in
                Self.replacingLine(text, starting: "base_url: ") { line in
                    (line.hasSuffix("/") ? line : line + "/") + "sub\(mark)/"
                }
            }]
        case 16:
            // A UI string added to every language's file: a key no page looks up yet.
            guard !strings.isEmpty else { return [] }
            return strings.map { file in edit("new UI string in \(file)", file) { $0 + "\nunused_\(mark): Unused \(mark)\n" } }
        default:
            let saved = try read(page)
            return [Edit(label: "break \(page)") { try write(page, "---\ntitle: [unclosed \(mark)\n---\nbroken\n") },
                    Edit(label: "fix \(page)") { try write(page, saved) }]
        }
    }

    // MARK: - Edits

    private func edit(_ label: String, _ path: String, _ change: @escaping (String) -> String) -> Edit {
        Edit(label: label) { try write(path, change(try read(path))) }
    }

    private func move(_ path: String, to destination: String) -> Edit {
        Edit(label: "rename \(path) to \(destination)") { try FileManager.default.moveItem(at: url(path), to: url(destination)) }
    }

    /// Not a list page or the home page, whose names mean something.
    private static func isPlainPage(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? ""
        return !name.hasPrefix("_") && name != "index.md" && name != "404.md" && !name.contains(".", after: 1)
    }

    static func afterFrontMatterStart(_ text: String, insert: String) -> String {
        guard text.hasPrefix("---\n") else { return text }
        return "---\n" + insert + text.dropFirst(4)
    }

    /// The first line starting with `prefix` (before the body), changed; the text as it was without one.
    static func replacingLine(_ text: String, starting prefix: String, _ change: (String) -> String) -> String {
        var lines = text.components(separatedBy: "\n")
        guard let index = lines.firstIndex(where: { $0.hasPrefix(prefix) }) else { return text }
        lines[index] = change(lines[index])
        return lines.joined(separator: "\n")
    }

    /// One `key: value` line with a plain value (the `choice`-th, counted round), its value changed.
    static func replacingValue(_ text: String, choosing choice: Int, _ change: (String) -> String) -> String {
        var lines = text.components(separatedBy: "\n")
        let plain = lines.indices.filter { index in
            let line = lines[index]
            guard let colon = line.firstIndex(of: ":"), !line.hasPrefix("#") else { return false }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            return !value.isEmpty && value.first.map { !"|>[{&*'\"#".contains($0) } == true
        }
        guard !plain.isEmpty else { return text }
        let index = plain[choice % plain.count]
        lines[index] = change(lines[index])
        return lines.joined(separator: "\n")
    }

    /// A template with `mark` where it shows: before the first `</footer>`, `</main>`, `</article>` or
    /// `{% endblock %}`, or at the end.
    static func visiblyEdited(_ text: String, mark: String) -> String {
        for anchor in ["</footer>", "</main>", "</article>", "{% endblock %}"] {
            if let range = text.range(of: anchor) { return text.replacingCharacters(in: range, with: mark + text[range]) }
        }
        return text + mark
    }

    // MARK: - Files

    func files(under folder: String, suffix: String) -> [String] {
        let base = root.appendingPathComponent(folder)
        guard let enumerator = FileManager.default.enumerator(atPath: base.path) else { return [] }
        var found: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.hasSuffix(suffix) && !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                found.append(folder + "/" + relative)
            }
        }
        return found.sorted()
    }

    private func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    private func read(_ path: String) throws -> String { try String(contentsOf: url(path), encoding: .utf8) }

    private func write(_ path: String, _ text: String) throws {
        try FileManager.default.createDirectory(at: url(path).deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url(path))
    }
}

private extension String {
    /// Whether `character` occurs at or after offset `start` (a translation's `x.zh.md` has a second dot).
    func contains(_ character: Character, after start: Int) -> Bool {
        dropFirst(start).dropLast(3).contains(character)
    }
}
