/// How `{{ … }}` writes a value, chosen once per render (`TemplateEnvironment.renderUTF8(escaping:)`; a site
/// picks it by the name of the template rendered): its includes, imports and parents escape the same way.
///
/// - `html` (`.html`, `.xml`, `.svg` and anything else): MarkupSafe's escaping, as Jinja's autoescape does;
///   its five entities are valid XML too. Safe values are written as they are.
/// - `json` (`.json`): every value, safe or not, as the inside of a JSON string (`"{{ page.title }}"`), with
///   `<`, `>`, `&` and `'` as `\u003c`-style escapes like Jinja's `tojson`; `{{ x | json }}` (or `tojson`)
///   writes the whole JSON value as it is.
/// - `text` (`.txt`): values as they are, nothing escaped (`robots.txt`).
public enum OutputEscaping: Sendable, Equatable {
    case html, json, text

    /// The escaping for a template by its file name's extension.
    public static func forTemplate(named name: String) -> OutputEscaping {
        if name.hasSuffix(".json") { return .json }
        if name.hasSuffix(".txt") { return .text }
        return .html
    }

    /// Appends `value` to `output`, escaped for this mode (not `html`, which has its own fast path).
    func append(_ value: Value, to output: inout [UInt8]) {
        switch self {
        case .html:
            HTMLEscaper.appendMarkup(value, to: &output)
        case .text:
            switch value {
            case .string(let text), .safe(let text): output.append(contentsOf: text.utf8)
            default: output.append(contentsOf: value.pythonString.utf8)
            }
        case .json:
            let text: String
            switch value {
            case .string(let string), .safe(let string): text = string
            default: text = value.pythonString
            }
            let quoted = JSONWriter.write(.string(text), sortKeys: false, indent: nil)
            output.append(contentsOf: quoted.utf8.dropFirst().dropLast())
        }
    }

    /// Whether `expression` writes a JSON value already (`| json`, `| tojson`), to be written as it is.
    static func writesJSON(_ expression: Expression) -> Bool {
        if case .filter(_, let call) = expression.kind { return call.name == "json" || call.name == "tojson" }
        return false
    }
}
