/// One lexical unit of a template, with its position.
struct Token: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// Literal text between tags, with whitespace control already applied.
        case text(String)
        /// `{{`
        case variableBegin
        /// `}}`
        case variableEnd
        /// `{%`
        case blockBegin
        /// `%}`
        case blockEnd
        case name(String)
        case string(String)
        case integer(Int)
        case float(Double)
        /// Punctuation and operators: `+`, `//`, `==`, `(`, `|`, …
        case symbol(String)
        case end
    }

    var kind: Kind
    var span: Span

    /// How the token reads in an error message ("'endfor'", "'}}'", "end of template").
    var display: String {
        switch kind {
        case .text: return "text"
        case .variableBegin: return "'{{'"
        case .variableEnd: return "'}}'"
        case .blockBegin: return "'{%'"
        case .blockEnd: return "'%}'"
        case .name(let name): return "'\(name)'"
        case .string(let text): return Value.quote(text)
        case .integer(let number): return String(number)
        case .float(let number): return PythonFloatFormatter.format(number)
        case .symbol(let symbol): return "'\(symbol)'"
        case .end: return "end of template"
        }
    }
}
