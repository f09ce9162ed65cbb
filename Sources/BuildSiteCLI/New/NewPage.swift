import Content
import DidYouMean
import Foundation
import Site

/// The Markdown file `build-site new` writes: `content/<collection>/<slug>.md`, with front matter for every key
/// the collection's `required:` list names, as a draft.
struct NewPage: Equatable {
    /// Root-relative path: `content/timeline/opening-day.md`.
    var path: String
    var text: String

    /// Plans the page without writing it.
    /// - Parameters:
    ///   - name: a slug (`opening-day`) or a title (`Opening day`); the other is made from it.
    ///   - today: the date written for date keys, `YYYY-MM-DD`.
    /// - Throws: a `Diagnostic` for an unknown collection (with "did you mean"), a name that gives no slug, or
    ///   a problem in `site.yml`.
    static func plan(root: URL, collection: String, name: String, today: String) throws(Diagnostic) -> NewPage {
        let config: SiteConfig
        do {
            config = try SiteConfig.read(root: root)
        } catch {
            let first = error.errors.first
            throw Diagnostic(file: first?.file, line: first?.line, column: first?.column,
                             message: first?.message ?? "cannot read site.yml", notes: first?.notes ?? [])
        }
        let known = knownCollections(root: root, config: config)
        guard known.contains(collection) else {
            let hint = Suggestion.closest(to: collection, in: known).map { " — did you mean '\($0)'?" } ?? ""
            throw Diagnostic(file: nil, message: "unknown collection '\(collection)'\(hint)",
                             notes: [known.isEmpty ? "this site has no collection yet: add one under collections: in site.yml"
                                                   : "collections: " + known.joined(separator: ", ")])
        }
        let (slug, title) = slugAndTitle(name)
        guard !slug.isEmpty else {
            throw Diagnostic(file: nil, message: "cannot make a file name from '\(name)': give a slug such as opening-day")
        }
        let required = config.collection(named: collection)?.required ?? []
        var lines = ["---", "title: " + quoted(title)]
        for key in required where key != "title" && key != "draft" {
            lines.append("\(key): " + placeholder(for: key, collections: known, today: today))
        }
        lines += ["draft: true", "---", "", "Write the page here, in Markdown. Remove `draft: true` above to publish it.", ""]
        return NewPage(path: "content/\(collection)/\(slug).md", text: lines.joined(separator: "\n"))
    }

    /// Collections named in `site.yml`, then the other folders under `content/`, each once.
    static func knownCollections(root: URL, config: SiteConfig) -> [String] {
        var names = config.collections.map(\.name)
        let content = root.appendingPathComponent("content")
        let folders = ((try? FileManager.default.contentsOfDirectory(atPath: content.path)) ?? []).sorted().filter { name in
            var isDirectory: ObjCBool = false
            return !name.hasPrefix(".")
                && FileManager.default.fileExists(atPath: content.appendingPathComponent(name).path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }
        for folder in folders where !names.contains(folder) { names.append(folder) }
        return names
    }

    /// A slug is kept as it is and gives a title (`opening-day` → "Opening day"); a title gives a slug
    /// (`L'été à Millbrook` → `l-ete-a-millbrook`).
    static func slugAndTitle(_ name: String) -> (slug: String, title: String) {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if isSlug(trimmed) {
            let words = trimmed.replacingOccurrences(of: "-", with: " ")
            return (trimmed, words.prefix(1).uppercased() + words.dropFirst())
        }
        return (slugify(trimmed), trimmed)
    }

    static func isSlug(_ text: String) -> Bool {
        !text.isEmpty && text.first != "-" && text.last != "-" && !text.contains("--")
            && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// Lowercase letters and digits (accents dropped, other scripts kept), every other run of characters one `-`.
    static func slugify(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        var slug = ""
        var pendingDash = false
        for scalar in folded.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingDash && !slug.isEmpty { slug += "-" }
                pendingDash = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        return slug.lowercased()
    }

    /// What a required key starts as: today for a date, an empty list for a relation (a key named after a
    /// collection), an empty string otherwise; each with a comment saying it is to be filled in.
    static func placeholder(for key: String, collections: [String], today: String) -> String {
        if ["date", "start", "end"].contains(key) || key.hasSuffix("_date") { return today }
        if collections.contains(key) { return "[]    # slugs of \(key) pages" }
        return "\"\"    # required (site.yml)"
    }

    /// A YAML double-quoted scalar.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n", "\r", "\t": result += " "
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
