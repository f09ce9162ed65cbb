import Content
import DidYouMean

/// `output:` in a page's front matter: the formats it is written in besides HTML. `output: [html, json]`
/// also writes the page through a JSON template (`OutputsStep`); HTML is always written, so the list must
/// name it.
enum OutputFormats {
    static let known = ["html", "json"]

    /// Whether each page asks for JSON, or every malformed `output:`, located.
    static func wantsJSON(_ pages: [Page]) -> Result<[Bool], BuildFailure> {
        var diagnostics: [Diagnostic] = []
        let wanted = pages.map { page -> Bool in
            guard let node = page["output"] else { return false }
            func fail(_ at: Node, _ message: String) {
                diagnostics.append(Diagnostic(file: page.source, line: at.line, column: at.column, message: message))
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
        if !diagnostics.isEmpty { return .failure(BuildFailure(diagnostics: diagnostics)) }
        return .success(wanted)
    }
}
