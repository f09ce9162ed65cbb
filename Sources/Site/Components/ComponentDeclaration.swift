import Content
import DidYouMean

/// What a component takes, as its template declares in a comment at its very top:
///
/// ```jinja
/// {# component
///    arguments: src, alt, caption?, credit?
///    body: markdown
/// #}
/// ```
/// `arguments` lists the names a call may give (`?` marks the optional ones; the others are required);
/// `body: markdown` makes it a paired component, `{{< aside >}} … {{< /aside >}}`, whose body is rendered
/// as Markdown and given to the template as `body`. Without it, a call has no body and no closing tag.
struct ComponentDeclaration: Sendable, Equatable {
    /// The component's name: its file name in `templates/components/` without `.html`.
    var name: String
    /// Every argument a call may give, in the order declared, and whether it must.
    var arguments: [(name: String, required: Bool)]
    var hasBody: Bool

    static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.name == rhs.name && lhs.hasBody == rhs.hasBody
            && lhs.arguments.map(\.name) == rhs.arguments.map(\.name)
            && lhs.arguments.map(\.required) == rhs.arguments.map(\.required)
    }

    /// Reads the declaration at the top of a component's template.
    /// - Parameter file: the template's root-relative path, for errors.
    static func parse(name: String, source: String, file: String) throws(Diagnostic) -> ComponentDeclaration {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.firstIndex(where: { !$0.allSatisfy(\.isWhitespace) }),
              lines[first].drop(while: \.isWhitespace).hasPrefix("{#"),
              lines[first].contains("component") else {
            throw Diagnostic(file: file, line: 1, column: 1,
                             message: "a component starts with a comment declaring its arguments: "
                                 + "{# component arguments: name, other? body: markdown #}")
        }
        var declaration = ComponentDeclaration(name: name, arguments: [], hasBody: false)
        var index = first
        var done = false
        while index < lines.count && !done {
            var line = Substring(lines[index])
            if index == first, let start = line.range(of: "component") { line = line[start.upperBound...] }
            if let end = line.range(of: "#}") {
                line = line[..<end.lowerBound]
                done = true
            }
            let text = line.trimmingCharacters(in: " \t-")
            if !text.isEmpty {
                let column = (lines[index].range(of: text).map { lines[index].distance(from: lines[index].startIndex, to: $0.lowerBound) } ?? 0) + 1
                try declaration.read(text, file: file, line: index + 1, column: column)
            }
            index += 1
        }
        if !done {
            throw Diagnostic(file: file, line: first + 1, column: 1, message: "the component's declaration comment is never closed with #}")
        }
        return declaration
    }

    private mutating func read(_ text: String, file: String, line: Int, column: Int) throws(Diagnostic) {
        guard let colon = text.firstIndex(of: ":") else {
            throw Diagnostic(file: file, line: line, column: column,
                             message: "expected 'arguments: …' or 'body: markdown' in the component's declaration")
        }
        let key = String(text[..<colon]).trimmingCharacters(in: " \t")
        let value = String(text[text.index(after: colon)...]).trimmingCharacters(in: " \t")
        switch key {
        case "arguments":
            for word in value.split(whereSeparator: { $0 == "," || $0 == " " }) {
                let optional = word.hasSuffix("?")
                let name = String(optional ? word.dropLast() : word)
                guard ComponentScanner.isName(name) else {
                    throw Diagnostic(file: file, line: line, column: column, message: "'\(word)' is not an argument name")
                }
                arguments.append((name, !optional))
            }
        case "body":
            guard value == "markdown" || value == "none" else {
                throw Diagnostic(file: file, line: line, column: column, message: "body: expected 'markdown' or 'none', found '\(value)'")
            }
            hasBody = value == "markdown"
        default:
            var message = "unknown key '\(key)' in the component's declaration"
            if let near = Suggestion.closest(to: key, in: ["arguments", "body"]) { message += " — did you mean '\(near)'?" }
            throw Diagnostic(file: file, line: line, column: column, message: message)
        }
    }
}

private extension String {
    func trimmingCharacters(in set: String) -> String {
        let drop: (Character) -> Bool = { set.contains($0) }
        return String(self.drop(while: drop).reversed().drop(while: drop).reversed())
    }
}

private extension Substring {
    func trimmingCharacters(in set: String) -> String { String(self).trimmingCharacters(in: set) }
}
