import Foundation

/// Jinja's formatting filters: `format`, `round`, `center`, `indent`, `wordwrap`, `filesizeformat`, `xmlattr`,
/// `forceescape`, `pprint`, `attr` and `slice`, with Jinja 3.1's parameters and results.
enum FormatFilters {
    static let table: [String: BuiltinFilter] = [
        "format": BuiltinFilter { call in
            // `value % args` (or `% kwargs`): a safe format string escapes what it takes in.
            let arguments: Value = call.keyword.isEmpty ? .array(call.positional)
                : .dictionary(OrderedDictionary(call.keyword.map { ($0.0, $0.1) }))
            let text = try PythonFormatter.printf(call.value.pythonString, arguments, escaping: call.value.isSafe)
            return call.value.isSafe ? .safe(text) : .string(text)
        },
        "round": BuiltinFilter { call in
            let arguments = try call.bind(["precision", "method"])
            let precision = try call.integer(arguments[0], "precision", default: 0)
            let method = try call.string(arguments[1], "method", default: "common")
            guard ["common", "ceil", "floor"].contains(method) else {
                throw EvaluationFailure("method must be 'common', 'ceil' or 'floor'")
            }
            guard let number = call.value.numeric else { throw EvaluationFailure("filter 'round' needs a number, not \(call.value.typeName)") }
            if method == "common", let integer = call.value.integer, precision >= 0 { return .int(integer) }
            return .double(round(number, precision, method))
        },
        "center": BuiltinFilter { call in
            let arguments = try call.bind(["width"])
            let width = try call.integer(arguments[0], "width", default: 80)
            guard width <= Value.maxBuiltLength else { throw EvaluationFailure("center width is too large", kind: .limitExceeded) }
            let text = call.value.pythonString
            let centered = StringMethods.pad(text, count: text.unicodeScalars.count, width: width, fill: " ", alignment: "center")
            return call.value.isSafe ? .safe(centered) : .string(centered)
        },
        "indent": BuiltinFilter { call in
            let arguments = try call.bind(["width", "first", "blank"])
            let indentation: String
            if let width = arguments[0], let text = width.stringContent {
                indentation = call.value.isSafe ? HTMLEscaper.markup(width) : text
            } else {
                let count = try call.integer(arguments[0], "width", default: 4)
                guard count <= 1000 else { throw EvaluationFailure("indent width is too large", kind: .limitExceeded) }
                indentation = String(repeating: " ", count: max(0, count))
            }
            let lines = StringMethods.lines(Array((call.value.pythonString + "\n").unicodeScalars), keepEnds: false)
            var result: String
            if arguments[2]?.isTruthy ?? false {
                result = lines.joined(separator: "\n" + indentation)
            } else {
                result = lines.first ?? ""
                if lines.count > 1 { result += "\n" + lines.dropFirst().map { $0.isEmpty ? $0 : indentation + $0 }.joined(separator: "\n") }
            }
            if arguments[1]?.isTruthy ?? false { result = indentation + result }
            return call.value.isSafe ? .safe(result) : .string(result)
        },
        "wordwrap": BuiltinFilter { call in
            let arguments = try call.bind(["width", "break_long_words", "wrapstring", "break_on_hyphens"])
            let width = try call.integer(arguments[0], "width", default: 79)
            guard width > 0 else { throw EvaluationFailure("invalid width \(width) (must be > 0)") }
            let breakLong = arguments[1]?.isTruthy ?? true
            let wrapString = try call.string(arguments[2].flatMap { $0 == .none ? nil : $0 }, "wrapstring", default: "\n")
            let lines = StringMethods.lines(Array(call.value.pythonString.unicodeScalars), keepEnds: false)
            return .string(lines.map { TextWrap.wrap($0, width: width, breakLongWords: breakLong).joined(separator: wrapString) }
                .joined(separator: wrapString))
        },
        "filesizeformat": BuiltinFilter { call in
            let arguments = try call.bind(["binary"])
            guard let bytes = NumberParser.float(call.value) ?? call.value.numeric else {
                throw EvaluationFailure("filter 'filesizeformat' needs a number, not \(call.value.typeName)")
            }
            return .string(fileSize(bytes, binary: arguments[0]?.isTruthy ?? false))
        },
        "xmlattr": BuiltinFilter { call in
            let arguments = try call.bind(["autospace"])
            guard case .dictionary(let mapping) = call.value else { throw EvaluationFailure("filter 'xmlattr' needs a mapping, not \(call.value.typeName)") }
            var items: [String] = []
            for (key, value) in zip(mapping.keys, mapping.values) where value != .none {
                if key.unicodeScalars.contains(where: { Lexer.isPythonSpace($0) || $0 == "/" || $0 == ">" || $0 == "=" }) {
                    throw EvaluationFailure("Invalid character in attribute name: \(Value.quote(key))")
                }
                items.append(HTMLEscaper.escape(key) + "=\"" + HTMLEscaper.markup(value) + "\"")
            }
            var text = items.joined(separator: " ")
            if arguments[0]?.isTruthy ?? true, !text.isEmpty { text = " " + text }
            return .safe(text)
        },
        "urlize": URLize.filter,
        "forceescape": BuiltinFilter { call in .safe(HTMLEscaper.escape(call.value.pythonString)) },
        "pprint": BuiltinFilter { call in .string(call.value.pythonPrettyRepr) },
        "attr": BuiltinFilter { call in
            guard let name = call.positional.first?.stringContent, call.positional.count == 1, call.keyword.isEmpty else {
                throw EvaluationFailure("filter 'attr' takes one attribute name")
            }
            // As `x.name`: a mapping's key (Jinja reads only Python attributes, which template data does not have).
            return call.value.attribute(name)
        },
        "slice": BuiltinFilter { call in
            let arguments = try call.bind(["slices", "fill_with"])
            let slices = try call.integer(arguments[0], "slices", default: 1)
            guard slices > 0, slices <= 10_000 else { throw EvaluationFailure("filter 'slice' needs between 1 and 10000 slices") }
            let items = try call.items()
            let perSlice = items.count / slices
            let withExtra = items.count % slices
            var offset = 0
            var result: [Value] = []
            for number in 0..<slices {
                let start = offset + number * perSlice
                if number < withExtra { offset += 1 }
                let end = offset + (number + 1) * perSlice
                var part = Array(items[start..<end])
                if let fill = arguments[1], fill != .none, number >= withExtra { part.append(fill) }
                result.append(.array(part))
            }
            return .array(result)
        },
    ]

    /// Python's `round(number, precision)` (to nearest, ties to even on the exact binary value), or Jinja's
    /// `ceil`/`floor` methods (`ceil(number * 10**precision) / 10**precision`).
    private static func round(_ number: Double, _ precision: Int, _ method: String) -> Double {
        let scale = pow(10, Double(precision))
        switch method {
        case "ceil": return (number * scale).rounded(.up) / scale
        case "floor": return (number * scale).rounded(.down) / scale
        default:
            guard number.isFinite else { return number }
            if precision >= 0 {
                // printf rounds the exact binary value correctly, as Python's round does.
                return Double(String(format: "%.\(min(precision, 300))f", number)) ?? number
            }
            return (number / pow(10, Double(-precision))).rounded(.toNearestOrEven) * pow(10, Double(-precision))
        }
    }

    /// Jinja's `filesizeformat`: "1 Byte", "100 Bytes", "1.0 kB" (or "KiB" with `binary`).
    private static func fileSize(_ bytes: Double, binary: Bool) -> String {
        let base: Double = binary ? 1024 : 1000
        let prefixes = binary ? ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"] : ["kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"]
        if bytes == 1 { return "1 Byte" }
        if bytes < base {
            // Python's int() of any float; ours only of those an Int holds (the rest print as floats do).
            let whole = bytes.rounded(.towardZero)
            return (whole.isFinite && abs(whole) < 9e18 ? String(Int(whole)) : PythonFloatFormatter.format(whole)) + " Bytes"
        }
        var unit = base
        for prefix in prefixes {
            unit *= base
            if bytes < unit { return String(format: "%.1f %@", base * bytes / unit, prefix) }
        }
        return String(format: "%.1f %@", base * bytes / unit, prefixes[prefixes.count - 1])
    }
}

extension Value {
    /// Python's `pprint.pformat` for values that fit on one line: `repr`, with mapping keys sorted.
    var pythonPrettyRepr: String {
        switch self {
        case .array(let items): return "[" + items.map(\.pythonPrettyRepr).joined(separator: ", ") + "]"
        case .dictionary(let mapping):
            let entries = zip(mapping.keys, mapping.values).sorted { Value.compareCodePoints($0.0, $1.0) < 0 }
            return "{" + entries.map { Value.quote($0.0) + ": " + $0.1.pythonPrettyRepr }.joined(separator: ", ") + "}"
        default: return pythonRepr
        }
    }
}
