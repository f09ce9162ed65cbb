import Foundation

/// The Python methods templates call on values: `mapping.items()`, `text.startswith("x")`, `list.index(x)`…
///
/// Jinja exposes every Python method; we support the common ones that do not change shared data, and
/// report any other as an error naming the method. Methods of a safe string follow MarkupSafe's `Markup`:
/// their results stay safe, and whatever they take from their arguments into the result is escaped first
/// (`replace`'s new text, `join`'s items, `format`'s fields, `center`'s fill), so no text reaches the page
/// unescaped. String methods are in `Value+StringMethods.swift`.
extension Value {
    func callMethod(_ name: String, _ arguments: [Value], _ keyword: [(String, Value)] = []) throws(EvaluationFailure) -> Value {
        switch self {
        case .dictionary(let mapping):
            return try callMappingMethod(mapping, name, arguments)
        case .array(let items):
            return try callListMethod(items, name, arguments)
        case .string(let text), .safe(let text):
            return try callStringMethod(text, name, arguments, keyword)
        case .int, .bool, .double:
            if name == "is_integer", case .double(let number) = self { return .bool(number == number.rounded(.towardZero) && number.isFinite) }
            throw EvaluationFailure("\(typeName) has no method '\(name)'")
        default:
            throw EvaluationFailure("\(typeName) has no method '\(name)'")
        }
    }

    private func callMappingMethod(_ mapping: OrderedDictionary, _ name: String, _ arguments: [Value]) throws(EvaluationFailure) -> Value {
        switch name {
        case "items":
            return .array(zip(mapping.keys, mapping.values).map { .array([.string($0.0), $0.1]) })
        case "keys":
            return .array(mapping.keys.map { .string($0) })
        case "values":
            return .array(mapping.values)
        case "get":
            guard let key = arguments.first?.stringContent else { return arguments.count > 1 ? arguments[1] : .none }
            return mapping[key] ?? (arguments.count > 1 ? arguments[1] : .none)
        case "copy":
            return self
        default:
            throw EvaluationFailure("mapping has no method '\(name)'")
        }
    }

    /// The list methods that read and do not mutate (`append` and friends would change data shared by pages).
    private func callListMethod(_ items: [Value], _ name: String, _ arguments: [Value]) throws(EvaluationFailure) -> Value {
        switch name {
        case "index":
            guard let wanted = arguments.first else { throw EvaluationFailure("index() takes one argument") }
            guard let position = items.firstIndex(where: { Value.pythonEquals($0, wanted) }) else {
                throw EvaluationFailure("\(wanted.pythonRepr) is not in list")
            }
            return .int(position)
        case "count":
            guard let wanted = arguments.first else { throw EvaluationFailure("count() takes one argument") }
            return .int(items.filter { Value.pythonEquals($0, wanted) }.count)
        case "copy":
            return self
        default:
            throw EvaluationFailure("list has no method '\(name)'")
        }
    }
}
