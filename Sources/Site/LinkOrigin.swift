import Content
import Foundation

/// Finds where a broken link in the output was written, so the error points at a line a person can fix.
///
/// The output no longer knows its origin, so this looks for the link's text: first in the page's own
/// Markdown body (as written, or as the `.md`-free site path), then where the page's re-render saw
/// `relative_url` write it (`trace`, `LinkRetracer`: the included or base template and line of the very call,
/// also for a link made in a loop), then in the templates' text. When none has it, the page's source file is named.
struct LinkOrigin {
    /// Every language's pages (one `ContentSet` on a one-language site), with their URLs.
    let editions: [ContentSet]
    let urls: [[String]]
    let root: URL
    private let pageByOutput: [String: (edition: Int, index: Int)]
    private let templates: [(name: String, text: String)]
    /// Where each `relative_url` link of the pages with a broken one was written (`trace`), by output file.
    private var traced: [String: [String: LinkRecorder.Location]] = [:]

    init(content: ContentSet, urls: [String], root: URL) {
        self.init(editions: [content], urls: [urls], root: root)
    }

    init(editions: [ContentSet], urls: [[String]], root: URL) {
        self.editions = editions
        self.urls = urls
        self.root = root
        var byOutput: [String: (edition: Int, index: Int)] = [:]
        for (edition, list) in urls.enumerated() {
            for (index, url) in list.enumerated() { byOutput[SitePath.outputFile(for: url)] = (edition, index) }
        }
        pageByOutput = byOutput
        // The templates were read and checked by their own step; a problem here only means fewer places to look.
        templates = SourceTree.files(under: "templates", root: root, log: nil).files.compactMap { file in
            guard let data = try? SourceTree.read(file, root: root, log: nil), let text = String(validating: data, as: UTF8.self) else {
                return nil
            }
            return ("templates/" + file.relativePath, text)
        }
    }

    /// The same, by the broken link's site path and reason, for the pages that were not rendered again.
    private var tracedBySitePath: [String: LinkRecorder.Location] = [:]

    /// Renders pages holding `broken` links once more, recording where their `relative_url` links come from: the
    /// first page on which each broken site path appears, at most `limit` pages, in any language and generated
    /// pages (terms, numbered pages) too. A link in a header, broken on ten thousand pages, costs one render; the
    /// other pages take its location.
    mutating func trace(_ broken: [BrokenLink], with retracer: LinkRetracer, limit: Int = 100) {
        var files: [String] = []
        var covered = Set<String>()
        for link in broken where covered.insert(link.sitePath + "\u{0}" + link.reason).inserted {
            guard !files.contains(link.page) else { continue }
            files.append(link.page)
            if files.count == limit { break }
        }
        traced = retracer.locations(forFiles: Set(files))
        for link in broken {
            guard let location = traced[link.page]?[link.href] else { continue }
            let key = link.sitePath + "\u{0}" + link.reason
            if tracedBySitePath[key] == nil { tracedBySitePath[key] = location }
        }
    }

    func diagnostic(for link: BrokenLink) -> Diagnostic {
        let message = link.headline ?? "broken link '\(link.href)': \(reason(for: link))"
        let fragment = link.href.firstIndex(of: "#").map { String(link.href[$0...]) } ?? ""
        let needles = [link.href, link.sitePath, String(link.sitePath.split(separator: "#").first ?? ""), fragment]
            .filter { !$0.isEmpty && $0 != "/" && $0 != "#" }
        guard let (edition, index) = pageByOutput[link.page] else {
            if let location = traced(link) {
                return Diagnostic(file: location.file, line: location.line, column: location.column, message: message,
                                  notes: ["in the generated file \(link.page)"])
            }
            return locateInTemplates(needles, message: message, notes: ["in the generated file \(link.page)"])
        }
        let page = editions[edition].pages[index]
        for needle in needles {
            if let (line, column) = Self.find(needle, in: page.body) {
                return Diagnostic(file: page.source, line: page.bodyStartLine + line - 1, column: column, message: message)
            }
        }
        if let location = traced(link) {
            return Diagnostic(file: location.file, line: location.line, column: location.column, message: message,
                              notes: ["on the page built from \(page.source)"])
        }
        return locateInTemplates(needles, message: message, notes: ["on the page built from \(page.source)"],
                                 fallbackFile: page.source)
    }

    /// Where the re-render saw `link` written: on its own page, or where the same broken site path was written on
    /// the page that was rendered again for it.
    private func traced(_ link: BrokenLink) -> LinkRecorder.Location? {
        traced[link.page]?[link.href] ?? tracedBySitePath[link.sitePath + "\u{0}" + link.reason]
    }

    /// The checker's reason, or, for a link to the address of a draft left out of the build, that it is one.
    private func reason(for link: BrokenLink) -> String {
        let path = String(link.sitePath.split(separator: "#", omittingEmptySubsequences: false).first ?? "")
        guard link.reason == "no such page or file in the site", let draft = editions.lazy.compactMap({ $0.draftsByURL[path] }).first else { return link.reason }
        return "the page there, \(draft), is a draft (draft: true), left out of this build; build with --drafts to include it"
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
