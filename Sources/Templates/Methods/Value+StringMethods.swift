import DidYouMean

/// Python's `str` methods, as templates call them (`title.startswith(("A", "B"))`, `"a b".split(" ", 1)`).
///
/// Positions and lengths count code points, as Python's do. On a safe string (MarkupSafe's `Markup`) every
/// method that returns text returns safe text, and text an argument adds to it is escaped first.
extension Value {
    func callStringMethod(_ text: String, _ name: String, _ arguments: [Value], _ keyword: [(String, Value)]) throws(EvaluationFailure) -> Value {
        let safe = isSafe
        let wrap: (String) -> Value = { safe ? .safe($0) : .string($0) }
        /// An argument's text as it enters the result: escaped when the receiver is markup.
        let entering: (Value) -> String = { safe ? HTMLEscaper.markup($0) : $0.pythonString }
        func argument(_ index: Int, _ parameter: String) throws(EvaluationFailure) -> String {
            guard index < arguments.count, let text = arguments[index].stringContent else {
                throw EvaluationFailure("\(name)() needs a string for '\(parameter)'")
            }
            return text
        }
        func optionalString(_ index: Int) -> String? {
            guard index < arguments.count, arguments[index] != .none else { return nil }
            return arguments[index].pythonString
        }
        func integer(_ index: Int, default defaultValue: Int) throws(EvaluationFailure) -> Int {
            guard index < arguments.count, arguments[index] != .none else { return defaultValue }
            guard let number = arguments[index].integer else { throw EvaluationFailure("\(name)() needs an integer") }
            return number
        }
        // The code points, made only for the methods that count or search them (not for upper() or startswith()).
        var madeScalars: [Unicode.Scalar]?
        func scalars() -> [Unicode.Scalar] {
            if let madeScalars { return madeScalars }
            let made = Array(text.unicodeScalars)
            madeScalars = made
            return made
        }
        switch name {
        case "upper": return wrap(text.uppercased())
        case "lower": return wrap(text.lowercased())
        case "casefold": return wrap(text.lowercased())
        case "capitalize": return wrap(TextFilters.capitalize(text))
        case "title": return wrap(StringMethods.title(scalars()))
        case "swapcase":
            return wrap(scalars().map { $0.properties.isLowercase ? $0.properties.uppercaseMapping : $0.properties.lowercaseMapping }.joined())
        case "strip": return wrap(TextFilters.strip(text, characters: optionalString(0)))
        case "lstrip": return wrap(StringMethods.strip(scalars(), optionalString(0), leading: true, trailing: false))
        case "rstrip": return wrap(StringMethods.strip(scalars(), optionalString(0), leading: false, trailing: true))
        case "startswith", "endswith":
            guard let first = arguments.first else { throw EvaluationFailure("\(name)() takes at least 1 argument (0 given)") }
            func matches(_ candidate: Value) throws(EvaluationFailure) -> Bool {
                guard let affix = candidate.stringContent else {
                    throw EvaluationFailure("\(name) first arg must be str or a tuple of str, not \(candidate.typeName)")
                }
                return name == "startswith" ? text.utf8.starts(with: affix.utf8) : text.utf8.reversed().starts(with: affix.utf8.reversed())
            }
            // A tuple (a list here) of prefixes or suffixes: any of them.
            if case .array(let candidates) = first {
                for candidate in candidates where try matches(candidate) { return .bool(true) }
                return .bool(false)
            }
            return .bool(try matches(first))
        case "replace":
            guard arguments.count >= 2 else { throw EvaluationFailure("replace() takes two strings") }
            let old = try argument(0, "old")
            _ = try argument(1, "new")
            return wrap(try TextFilters.replace(text, old, entering(arguments[1]), count: try integer(2, default: -1)))
        case "split", "rsplit":
            var separator = optionalString(0)
            var limit = try integer(1, default: -1)
            for (key, value) in keyword {
                if key == "sep", value != .none { separator = value.pythonString }
                if key == "maxsplit", let number = value.integer { limit = number }
            }
            if separator == nil, limit < 0 {
                // `text.split()`, the common case: runs of whitespace, straight from the string.
                return .array(text.unicodeScalars.split(whereSeparator: Lexer.isPythonSpace).map { wrap(String($0)) })
            }
            let parts = try StringMethods.split(scalars(), separator, limit: limit, fromEnd: name == "rsplit")
            return .array(parts.map(wrap))
        case "splitlines":
            return .array(StringMethods.lines(scalars(), keepEnds: arguments.first?.isTruthy ?? false).map(wrap))
        case "join":
            guard let iterable = arguments.first else { throw EvaluationFailure("join() takes exactly one argument") }
            let items: [Value]
            do { items = try iterable.iterated() } catch { throw EvaluationFailure("can only join an iterable") }
            if !safe, let bad = items.first(where: { $0.stringContent == nil }) {
                throw EvaluationFailure("sequence item: expected str instance, \(bad.typeName) found")
            }
            return wrap(items.map(entering).joined(separator: text))
        case "format":
            return wrap(try PythonFormatter.format(text, arguments, keyword, escaping: safe))
        case "count":
            let needle = Array(try argument(0, "sub").unicodeScalars)
            if needle.isEmpty { return .int(scalars().count + 1) }
            var count = 0
            var index = 0
            while let found = StringMethods.find(needle, in: scalars(), from: index) {
                count += 1
                index = found + needle.count
            }
            return .int(count)
        case "find", "index", "rfind", "rindex":
            let needle = Array(try argument(0, "sub").unicodeScalars)
            let found = name.hasPrefix("r") ? StringMethods.findLast(needle, in: scalars()) : StringMethods.find(needle, in: scalars(), from: 0)
            if let found { return .int(found) }
            if name.hasSuffix("index") { throw EvaluationFailure("substring not found") }
            return .int(-1)
        case "isdigit", "isdecimal", "isnumeric", "isalpha", "isalnum", "isspace", "islower", "isupper", "istitle":
            return .bool(StringMethods.classify(name, scalars()))
        case "center", "ljust", "rjust":
            let width = try integer(0, default: 0)
            let fill = arguments.count > 1 ? try argument(1, "fillchar") : " "
            guard fill.unicodeScalars.count == 1 else { throw EvaluationFailure("The fill character must be exactly one character long") }
            guard width <= Value.maxBuiltLength else { throw EvaluationFailure("\(name)() width is too large", kind: .limitExceeded) }
            let padding = entering(.string(fill))
            return wrap(StringMethods.pad(text, count: scalars().count, width: width, fill: padding, alignment: name))
        case "zfill":
            let width = try integer(0, default: 0)
            guard width <= Value.maxBuiltLength else { throw EvaluationFailure("zfill() width is too large", kind: .limitExceeded) }
            guard scalars().count < width else { return wrap(text) }
            let zeros = String(repeating: "0", count: width - scalars().count)
            if let sign = scalars().first, sign == "+" || sign == "-" { return wrap(String(sign) + zeros + String(text.unicodeScalars.dropFirst())) }
            return wrap(zeros + text)
        case "removeprefix":
            let prefix = try argument(0, "prefix")
            return wrap(text.utf8.starts(with: prefix.utf8) ? String(decoding: text.utf8.dropFirst(prefix.utf8.count), as: UTF8.self) : text)
        case "removesuffix":
            let suffix = try argument(0, "suffix")
            return wrap(!suffix.isEmpty && text.utf8.reversed().starts(with: suffix.utf8.reversed())
                ? String(decoding: text.utf8.dropLast(suffix.utf8.count), as: UTF8.self) : text)
        case "partition", "rpartition":
            let separator = Array(try argument(0, "sep").unicodeScalars)
            guard !separator.isEmpty else { throw EvaluationFailure("empty separator") }
            let found = name == "partition" ? StringMethods.find(separator, in: scalars(), from: 0) : StringMethods.findLast(separator, in: scalars())
            guard let found else {
                return .array(name == "partition" ? [wrap(text), wrap(""), wrap("")] : [wrap(""), wrap(""), wrap(text)])
            }
            return .array([wrap(StringMethods.string(scalars()[..<found])), wrap(StringMethods.string(separator[...])),
                           wrap(StringMethods.string(scalars()[(found + separator.count)...]))])
        default:
            var message = "string has no method '\(name)'"
            if let suggestion = Suggestion.closest(to: name, among: Value.stringMethodNames) { message += " — did you mean '\(suggestion)'?" }
            throw EvaluationFailure(message)
        }
    }

    /// The string methods templates can call, for "did you mean".
    static let stringMethodNames = [
        "upper", "lower", "casefold", "capitalize", "title", "swapcase", "strip", "lstrip", "rstrip", "startswith",
        "endswith", "replace", "split", "rsplit", "splitlines", "join", "format", "count", "find", "index", "rfind",
        "rindex", "isdigit", "isdecimal", "isnumeric", "isalpha", "isalnum", "isspace", "islower", "isupper",
        "istitle", "center", "ljust", "rjust", "zfill", "removeprefix", "removesuffix", "partition", "rpartition",
    ]
}
