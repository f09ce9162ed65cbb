/// The builtin filters, by name: Jinja's, with Jinja's parameters and results, plus `slugify` and `json`.
enum BuiltinFilters {
    static let table: [String: BuiltinFilter] = {
        var table: [String: BuiltinFilter] = [:]
        table.merge(textFilters) { $1 }
        table.merge(SequenceFilters.table) { $1 }
        table.merge(conversionFilters) { $1 }
        table.merge(FormatFilters.table) { $1 }
        return table
    }()

    /// Keeps a string filter's result safe when its input was safe, as MarkupSafe's `Markup` methods do.
    private static func preserving(_ input: Value, _ text: String) -> Value {
        input.isSafe ? .safe(text) : .string(text)
    }

    private static let textFilters: [String: BuiltinFilter] = [
        "escape": BuiltinFilter { call in .safe(HTMLEscaper.markup(call.value)) },
        "e": BuiltinFilter { call in .safe(HTMLEscaper.markup(call.value)) },
        "safe": BuiltinFilter { call in .safe(call.value.pythonString) },
        "upper": BuiltinFilter { call in preserving(call.value, call.value.pythonString.uppercased()) },
        "lower": BuiltinFilter { call in preserving(call.value, call.value.pythonString.lowercased()) },
        "capitalize": BuiltinFilter { call in preserving(call.value, TextFilters.capitalize(call.value.pythonString)) },
        "title": BuiltinFilter { call in .string(TextFilters.title(call.value.pythonString)) },
        "trim": BuiltinFilter { call in
            let arguments = try call.bind(["chars"])
            let characters = arguments[0].flatMap { $0 == .none ? nil : $0.pythonString }
            return preserving(call.value, TextFilters.strip(call.value.pythonString, characters: characters))
        },
        "wordcount": BuiltinFilter { call in
            .int(call.value.pythonString.unicodeScalars.split(whereSeparator: { !($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_") }).count)
        },
        "striptags": BuiltinFilter { call in .string(TextFilters.stripTags(call.value.pythonString)) },
        "slugify": BuiltinFilter { call in .string(TextFilters.slugify(call.value.pythonString)) },
        "replace": BuiltinFilter { call in
            let arguments = try call.bind(["old", "new", "count"])
            guard let old = arguments[0], let new = arguments[1] else {
                throw EvaluationFailure("filter 'replace' needs the old and new strings")
            }
            let count = try call.integer(arguments[2].flatMap { $0 == .none ? nil : $0 }, "count", default: -1)
            let input = call.value
            if input.isSafe || old.isSafe || new.isSafe {
                // A plain input is escaped first when an argument is markup; then MarkupSafe 3's `Markup.replace`
                // looks for `old` as it is and escapes only the replacement.
                let base = HTMLEscaper.markup(input)
                return .safe(try TextFilters.replace(base, old.pythonString, HTMLEscaper.markup(new), count: count))
            }
            return .string(try TextFilters.replace(input.pythonString, old.pythonString, new.pythonString, count: count))
        },
        "truncate": BuiltinFilter { call in
            let arguments = try call.bind(["length", "killwords", "end", "leeway"])
            let length = try call.integer(arguments[0], "length", default: 255)
            let killWords = arguments[1]?.isTruthy ?? false
            let end = try call.string(arguments[2], "end", default: "...")
            let leeway = try call.integer(arguments[3].flatMap { $0 == .none ? nil : $0 }, "leeway", default: 5)
            let input = call.value
            let (text, truncated) = try TextFilters.truncate(input.pythonString, length: length, killWords: killWords, end: end, leeway: leeway)
            guard truncated else { return input.stringContent == nil ? .string(text) : input }
            return input.isSafe ? .safe(text + HTMLEscaper.escape(end)) : .string(text + end)
        },
        "urlencode": BuiltinFilter { call in
            switch call.value {
            case .dictionary(let mapping):
                return .string(zip(mapping.keys, mapping.values).map {
                    URLEncoder.quote($0.0, forQuery: true) + "=" + URLEncoder.quote($0.1.pythonString, forQuery: true)
                }.joined(separator: "&"))
            case .array(let pairs):
                return .string(try pairs.map { pair throws(EvaluationFailure) -> String in
                    guard case .array(let parts) = pair, parts.count == 2 else {
                        throw EvaluationFailure("filter 'urlencode' needs a string, a mapping or a list of pairs")
                    }
                    return URLEncoder.quote(parts[0].pythonString, forQuery: true) + "=" + URLEncoder.quote(parts[1].pythonString, forQuery: true)
                }.joined(separator: "&"))
            default:
                return .string(URLEncoder.quote(call.value.pythonString, forQuery: false))
            }
        },
    ]

    private static let conversionFilters: [String: BuiltinFilter] = [
        "default": defaultFilter,
        "d": defaultFilter,
        "string": BuiltinFilter { call in call.value.stringContent != nil ? call.value : .string(call.value.pythonString) },
        "int": BuiltinFilter { call in
            let arguments = try call.bind(["default", "base"])
            let base = try call.integer(arguments[1], "base", default: 10)
            return NumberParser.integer(call.value, base: base).map(Value.int) ?? arguments[0] ?? .int(0)
        },
        "float": BuiltinFilter { call in
            let arguments = try call.bind(["default"])
            return NumberParser.float(call.value).map(Value.double) ?? arguments[0] ?? .double(0)
        },
        "json": BuiltinFilter { call in
            let arguments = try call.bind(["indent"])
            let indent = try jsonIndent(call, arguments[0])
            return .safe(JSONWriter.write(call.value, sortKeys: false, indent: indent < 0 ? nil : indent))
        },
        "tojson": BuiltinFilter { call in
            let arguments = try call.bind(["indent"])
            let indent = try jsonIndent(call, arguments[0])
            return .safe(JSONWriter.write(call.value, sortKeys: true, indent: indent < 0 ? nil : indent))
        },
    ]

    /// The `indent` of `json`/`tojson` (-1 for none), bounded so indentation cannot blow up the output.
    private static func jsonIndent(_ call: FilterCall, _ argument: Value?) throws(EvaluationFailure) -> Int {
        let indent = try call.integer(argument.flatMap { $0 == .none ? nil : $0 }, "indent", default: -1)
        guard indent <= 32 else { throw EvaluationFailure("filter '\(call.name)': indent must be at most 32") }
        return indent
    }

    private static let defaultFilter = BuiltinFilter(acceptsUndefined: true) { call in
        // `x | default([])` runs on almost every page, many times: positional arguments are read in place,
        // without the list of bound parameters `bind` makes.
        if call.keyword.isEmpty, call.positional.count <= 2 {
            let fallback = call.positional.first ?? .string("")
            guard let input = call.input else { return fallback }
            if call.positional.count == 2, call.positional[1].isTruthy, !input.isTruthy { return fallback }
            return input
        }
        let arguments = try call.bind(["default_value", "boolean"])
        let fallback = arguments[0] ?? .string("")
        guard let input = call.input else { return fallback }
        if arguments[1]?.isTruthy ?? false, !input.isTruthy { return fallback }
        return input
    }
}
