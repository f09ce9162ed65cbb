import Content
import Foundation

/// Finds where a broken link in the output was written, so the error points at a line a person can fix.
///
/// The output no longer knows its origin, so this looks for the link's text: first in the page's own
/// Markdown body (as written, or as the `.md`-free site path), then in the templates (where links are
/// written as site paths through `relative_url`). When neither has it, the page's source file is named.
struct LinkOrigin {
    let content: ContentSet
    let urls: [String]
    let root: URL
    private let pageByOutput: [String: Int]
    private let templates: [(name: String, text: String)]

    init(content: ContentSet, urls: [String], root: URL) {
        self.content = content
        self.urls = urls
        self.root = root
        var byOutput: [String: Int] = [:]
        for (index, url) in urls.enumerated() { byOutput[SitePath.outputFile(for: url)] = index }
        pageByOutput = byOutput
        // The templates were read and checked by their own step; a problem here only means fewer places to look.
        templates = SourceTree.files(under: "templates", root: root).files.compactMap { file in
            guard let data = try? SourceTree.read(file, root: root), let text = String(validating: data, as: UTF8.self) else {
                return nil
            }
            return ("templates/" + file.relativePath, text)
        }
    }

    func diagnostic(for link: BrokenLink) -> Diagnostic {
        let message = link.headline ?? "broken link '\(link.href)': \(link.reason)"
        let fragment = link.href.firstIndex(of: "#").map { String(link.href[$0...]) } ?? ""
        let needles = [link.href, link.sitePath, String(link.sitePath.split(separator: "#").first ?? ""), fragment]
            .filter { !$0.isEmpty && $0 != "/" && $0 != "#" }
        guard let index = pageByOutput[link.page] else {
            return locateInTemplates(needles, message: message, notes: ["in the generated file \(link.page)"])
        }
        let page = content.pages[index]
        for needle in needles {
            if let (line, column) = Self.find(needle, in: page.body) {
                return Diagnostic(file: page.source, line: page.bodyStartLine + line - 1, column: column, message: message)
            }
        }
        return locateInTemplates(needles, message: message, notes: ["on the page built from \(page.source)"],
                                 fallbackFile: page.source)
    }

    private func locateInTemplates(_ needles: [String], message: String, notes: [String],
                                   fallbackFile: String? = nil) -> Diagnostic {
        for needle in needles {
            for template in templates {
                if let (line, column) = Self.find("\"" + needle + "\"", in: template.text)
                    ?? Self.find("'" + needle + "'", in: template.text) {
                    return Diagnostic(file: template.name, line: line, column: column + 1, message: message, notes: notes)
                }
            }
        }
        return Diagnostic(file: fallbackFile, message: message, notes: notes)
    }

    /// 1-based line and column (in characters) of the first occurrence of `needle` in `text`.
    static func find(_ needle: String, in text: String) -> (Int, Int)? {
        guard let range = text.range(of: needle) else { return nil }
        let before = text[..<range.lowerBound]
        let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        return (line, text.distance(from: lineStart, to: range.lowerBound) + 1)
    }
}
