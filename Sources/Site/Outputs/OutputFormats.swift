import Content
import DidYouMean

/// `output:` in a page's front matter: the formats it is written in besides HTML. `output: [html, json]`
/// also writes the page through a JSON template (`OutputsStep`); HTML is always written, so the list must
/// name it.
enum OutputFormats {
    static let known = ["html", "json"]

    /// Whether each page asks for JSON, or every malformed `output:`, located.
    ///
    /// Only each page's front matter is taken (and its source, for a diagnostic): copying a whole `Page` retains
    /// a dozen fields, and this runs over every page of every build, an incremental one too.
    static func wantsJSON(_ pages: [Page]) -> Result<[Bool], BuildFailure> {
        var diagnostics: [Diagnostic] = []
        var wanted: [Bool] = []
        wanted.reserveCapacity(pages.count)
        pages.withUnsafeBufferPointer { pages in
            for index in pages.indices {
                wanted.append(wantsJSON(pages[index].frontMatter, source: pages[index].source, diagnostics: &diagnostics))
            }
        }
        if !diagnostics.isEmpty { return .failure(BuildFailure(diagnostics: diagnostics)) }
        return .success(wanted)
    }

    /// Whether one page asks for JSON; a malformed `output:` is added to `diagnostics`.
    private static func wantsJSON(_ frontMatter: [(key: String, value: Node)], source: @autoclosure () -> String,
                                  diagnostics: inout [Diagnostic]) -> Bool {
        guard let node = frontMatter.firstValue(forKey: "output") else { return false }
        let source = source()
        func fail(_ at: Node, _ message: String) {
            diagnostics.append(Diagnostic(file: source, line: at.line, column: at.column, message: message))
        }
        guard case .list(let items) = node.value else {
            fail(node, "'output': expected a list of formats such as [html, json], found \(node.value.typeName)")
            return false
        }
        var formats: [String] = []
        for item in items {
            guard case .string(let name) = item.value, known.contains(name) else {
                let name = item.string ?? item.value.typeName
                let hint = item.string.flatMap { Suggestion.closest(to: $0, in: known) }.map { " — did you mean '\($0)'?" } ?? ""
                fail(item, "'output': unknown format '\(name)'\(hint)")
                continue
            }
            formats.append(name)
        }
        if !formats.contains("html") && formats.count == items.count {
            fail(node, "'output': every page is written as HTML, so the list must name html too, as in [html, json]")
        }
        return formats.contains("json")
    }
}
