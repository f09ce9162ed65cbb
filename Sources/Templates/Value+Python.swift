/// Python's view of a value: truthiness, `str()` and `repr()`.
///
/// Templates print values the way Jinja does, which is the way Python does
/// (`True`, `None`, `['a', 'b']`), so output stays byte-identical with Jinja2.
extension Value {
    /// Python truthiness: `none`, `false`, zero, and empty strings/lists/mappings are false.
    var isTruthy: Bool {
        switch self {
        case .none: return false
        case .bool(let flag): return flag
        case .int(let number): return number != 0
        case .double(let number): return number != 0
        case .string(let text), .safe(let text): return !text.isEmpty
        case .array(let items): return !items.isEmpty
        case .dictionary(let mapping): return !mapping.isEmpty
        }
    }

    /// `str(value)`: the text printed for the value, before escaping.
    var pythonString: String {
        switch self {
        case .string(let text), .safe(let text): return text
        case .none: return "None"
        case .bool(let flag): return flag ? "True" : "False"
        case .int(let number): return String(number)
        case .double(let number): return PythonFloatFormatter.format(number)
        case .array, .dictionary: return pythonRepr
        }
    }

    /// `repr(value)`: how a value prints inside a list or mapping.
    var pythonRepr: String {
        switch self {
        case .string(let text): return Value.quote(text)
        case .safe(let text): return "Markup(\(Value.quote(text)))"
        case .array(let items): return "[" + items.map(\.pythonRepr).joined(separator: ", ") + "]"
        case .dictionary(let mapping):
            let entries = zip(mapping.keys, mapping.values).map { Value.quote($0.0) + ": " + $0.1.pythonRepr }
            return "{" + entries.joined(separator: ", ") + "}"
        default: return pythonString
        }
    }

    /// A short type name for error messages, in Jinja's vocabulary.
    var typeName: String {
        switch self {
        case .none: return "none"
        case .bool: return "boolean"
        case .int: return "integer"
        case .double: return "float"
        case .string, .safe: return "string"
        case .array: return "list"
        case .dictionary: return "mapping"
        }
    }

    /// The text of a string-like value, or nil for everything else.
    var stringContent: String? {
        switch self {
        case .string(let text), .safe(let text): return text
        default: return nil
        }
    }

    var isSafe: Bool {
        if case .safe = self { return true }
        return false
    }

    /// Python's `repr(str)`: single quotes unless the text holds a single quote and no double quote.
    static func quote(_ text: String) -> String {
        let quoteMark: Character = text.contains("'") && !text.contains("\"") ? "\"" : "'"
        var result = String(quoteMark)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if Character(scalar) == quoteMark {
                    result += "\\" + String(quoteMark)
                } else if scalar.value < 0x20 || scalar.value == 0x7f {
                    result += "\\x" + hex(scalar.value, width: 2)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        result.append(quoteMark)
        return result
    }

    private static func hex(_ number: UInt32, width: Int) -> String {
        let digits = String(number, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
