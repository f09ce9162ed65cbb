import Foundation

/// The Python methods templates commonly call on values: `mapping.items()`, `text.startswith("x")`, …
///
/// Jinja exposes every Python method; we support the handful seen in real templates and
/// report any other as an error naming the method.
extension Value {
    func callMethod(_ name: String, _ arguments: [Value]) throws(EvaluationFailure) -> Value {
        switch (self, name) {
        case (.dictionary(let mapping), "items"):
            return .array(zip(mapping.keys, mapping.values).map { .array([.string($0.0), $0.1]) })
        case (.dictionary(let mapping), "keys"):
            return .array(mapping.keys.map { .string($0) })
        case (.dictionary(let mapping), "values"):
            return .array(mapping.values)
        case (.dictionary(let mapping), "get"):
            guard let key = arguments.first?.stringContent else { return arguments.count > 1 ? arguments[1] : .none }
            return mapping[key] ?? (arguments.count > 1 ? arguments[1] : .none)
        case (.string(let text), _), (.safe(let text), _):
            return try callStringMethod(text, name, arguments)
        default:
            throw EvaluationFailure("\(typeName) has no method '\(name)'")
        }
    }

    private func callStringMethod(_ text: String, _ name: String, _ arguments: [Value]) throws(EvaluationFailure) -> Value {
        let wrap: (String) -> Value = { self.isSafe ? .safe($0) : .string($0) }
        switch name {
        case "upper": return wrap(text.uppercased())
        case "lower": return wrap(text.lowercased())
        case "strip": return wrap(TextFilters.strip(text))
        case "startswith", "endswith":
            guard let affix = arguments.first?.stringContent else { throw EvaluationFailure("\(name)() takes a string") }
            return .bool(name == "startswith" ? text.utf8.starts(with: affix.utf8) : text.utf8.reversed().starts(with: affix.utf8.reversed()))
        case "replace":
            guard arguments.count == 2, let old = arguments[0].stringContent, let new = arguments[1].stringContent else {
                throw EvaluationFailure("replace() takes two strings")
            }
            return wrap(try TextFilters.replace(text, old, new, count: -1))
        case "split":
            if let separator = arguments.first?.stringContent, !separator.isEmpty {
                return .array(text.components(separatedBy: separator).map { .string($0) })
            }
            return .array(text.unicodeScalars.split(whereSeparator: Lexer.isPythonSpace).map { .string(String($0)) })
        default:
            throw EvaluationFailure("string has no method '\(name)'")
        }
    }
}
