import Foundation

/// Python's two string formatting languages: `"%s, %d" % (a, b)` (what the `format` filter uses) and
/// `"{}, {name}".format(a, name=b)`, with their common conversions, widths, alignments and precisions.
///
/// With `escaping` (the format string is markup, MarkupSafe's `Markup.__mod__` and `Markup.format`), every
/// argument that is not safe is escaped as it enters the result, so formatting never lets text through.
enum PythonFormatter {
    // MARK: - printf style

    /// `format % arguments`: a list stands for Python's tuple of arguments, a mapping for `%(name)s`.
    static func printf(_ format: String, _ arguments: Value, escaping: Bool) throws(EvaluationFailure) -> String {
        let scalars = Array(format.unicodeScalars)
        var positional: [Value]
        var mapping: OrderedDictionary?
        switch arguments {
        case .array(let items): positional = items
        case .dictionary(let dictionary): positional = [arguments]; mapping = dictionary
        default: positional = [arguments]
        }
        // `"%s" % [1, 2]` formats the list itself; only a list with as many items as conversions is a tuple.
        if case .array = arguments, conversionCount(scalars) != positional.count { positional = [arguments] }
        var next = 0
        func take() throws(EvaluationFailure) -> Value {
            guard next < positional.count else { throw EvaluationFailure("not enough arguments for format string") }
            defer { next += 1 }
            return positional[next]
        }
        var result = ""
        var index = 0
        var usedMapping = false
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            guard scalar == "%" else { result.unicodeScalars.append(scalar); continue }
            guard index < scalars.count else { throw EvaluationFailure("incomplete format") }
            var key: String?
            if scalars[index] == "(" {
                guard let close = scalars[index...].firstIndex(of: ")") else { throw EvaluationFailure("incomplete format key") }
                key = StringMethods.string(scalars[(index + 1)..<close])
                index = close + 1
            }
            var flags = Set<Unicode.Scalar>()
            while index < scalars.count, "-+ #0".unicodeScalars.contains(scalars[index]) { flags.insert(scalars[index]); index += 1 }
            var width: Int?
            if index < scalars.count, scalars[index] == "*" {
                // A negative width means left-aligned, as in C; widths are bounded like every built string.
                let given = try take().integer ?? 0
                if given < 0 { flags.insert("-") }
                width = min(given.magnitude, UInt(Value.maxBuiltLength + 1)).toInt
                index += 1
            } else {
                width = number(scalars, &index)
            }
            try checkWidth(width)
            var precision: Int?
            if index < scalars.count, scalars[index] == "." {
                index += 1
                if index < scalars.count, scalars[index] == "*" {
                    precision = min(max(try take().integer ?? 0, 0), Value.maxBuiltLength)
                    index += 1
                } else {
                    precision = number(scalars, &index) ?? 0
                }
            }
            while index < scalars.count, "hlL".unicodeScalars.contains(scalars[index]) { index += 1 }
            guard index < scalars.count else { throw EvaluationFailure("incomplete format") }
            let type = scalars[index]
            index += 1
            if type == "%" { result += "%"; continue }
            let value: Value
            if let key {
                guard let mapping else { throw EvaluationFailure("format requires a mapping") }
                guard let found = mapping[key] else { throw EvaluationFailure("'\(key)' is not in the mapping") }
                value = found
                usedMapping = true
            } else {
                value = try take()
            }
            var spec = Spec()
            spec.width = width
            spec.precision = precision
            spec.alignLeft = flags.contains("-")
            spec.zero = flags.contains("0")
            spec.sign = flags.contains("+") ? "+" : flags.contains(" ") ? " " : "-"
            spec.alternate = flags.contains("#")
            spec.type = type
            result += try printfField(value, spec, escaping: escaping)
        }
        if !usedMapping, next < positional.count, mapping == nil {
            throw EvaluationFailure("not all arguments converted during string formatting")
        }
        return result
    }

    /// How many arguments the conversions take: one each, and one more for each `*` width or precision.
    private static func conversionCount(_ scalars: [Unicode.Scalar]) -> Int {
        var count = 0
        var index = 0
        while index < scalars.count {
            if scalars[index] == "%" {
                if index + 1 < scalars.count, scalars[index + 1] == "%" { index += 2; continue }
                count += 1
                index += 1
                while index < scalars.count, "-+ #0123456789.*hlL".unicodeScalars.contains(scalars[index]) {
                    if scalars[index] == "*" { count += 1 }
                    index += 1
                }
                continue
            }
            index += 1
        }
        return count
    }

    /// The decimal number at `index`, if any; one past `Value.maxBuiltLength` stands for anything larger.
    private static func number(_ scalars: [Unicode.Scalar], _ index: inout Int) -> Int? {
        var value: Int?
        while index < scalars.count, scalars[index].isASCII, let digit = Int(String(scalars[index])) {
            value = min((value ?? 0) * 10 + digit, Value.maxBuiltLength + 1)
            index += 1
        }
        return value
    }

    /// A width that would build a string longer than any a template may build fails here, before it is built.
    private static func checkWidth(_ width: Int?) throws(EvaluationFailure) {
        if let width, width > Value.maxBuiltLength {
            throw EvaluationFailure("format width is too large (at most \(Value.maxBuiltLength))", kind: .limitExceeded)
        }
    }

    private static func printfField(_ value: Value, _ spec: Spec, escaping: Bool) throws(EvaluationFailure) -> String {
        var spec = spec
        switch spec.type {
        case "s", "r", "a":
            var text = spec.type == "s" ? value.pythonString : value.pythonRepr
            if let precision = spec.precision { text = StringMethods.string(text.unicodeScalars.prefix(precision)) }
            if escaping, !(spec.type == "s" && value.isSafe) { text = HTMLEscaper.escape(text) }
            spec.zero = false
            return pad(text, spec, numeric: false)
        case "d", "i", "u":
            guard let number = value.numeric, !value.isStringLike else {
                throw EvaluationFailure("%\(spec.type) format: a real number is required, not \(value.typeName)")
            }
            spec.type = "d"
            return try formatNumber(.int(value.integer ?? Int(number.rounded(.towardZero))), spec)
        case "f", "F", "e", "E", "g", "G", "x", "X", "o", "c":
            return try formatNumber(value, spec)
        default:
            throw EvaluationFailure("unsupported format character '\(spec.type)'")
        }
    }

    // MARK: - str.format

    /// `template.format(*positional, **keyword)`.
    static func format(_ template: String, _ positional: [Value], _ keyword: [(String, Value)], escaping: Bool) throws(EvaluationFailure) -> String {
        let scalars = Array(template.unicodeScalars)
        var result = ""
        var index = 0
        var automatic = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "}" {
                guard index + 1 < scalars.count, scalars[index + 1] == "}" else { throw EvaluationFailure("Single '}' encountered in format string") }
                result += "}"
                index += 2
                continue
            }
            guard scalar == "{" else { result.unicodeScalars.append(scalar); index += 1; continue }
            if index + 1 < scalars.count, scalars[index + 1] == "{" { result += "{"; index += 2; continue }
            guard let close = scalars[index...].firstIndex(of: "}") else { throw EvaluationFailure("Single '{' encountered in format string") }
            var field = StringMethods.string(scalars[(index + 1)..<close])
            index = close + 1
            var specText = ""
            if let colon = field.firstIndex(of: ":") {
                specText = String(field[field.index(after: colon)...])
                field = String(field[..<colon])
            }
            var conversion: Character?
            if let bang = field.firstIndex(of: "!") {
                conversion = field[field.index(after: bang)...].first
                field = String(field[..<bang])
            }
            var value = try lookupField(field, positional, keyword, &automatic)
            if conversion == "r" || conversion == "a" { value = .string(value.pythonRepr) } else if conversion == "s" { value = .string(value.pythonString) }
            var text = try formatValue(value, specText)
            if escaping, !(value.isSafe && specText.isEmpty) { text = HTMLEscaper.escape(text) }
            result += text
        }
        return result
    }

    private static func lookupField(_ field: String, _ positional: [Value], _ keyword: [(String, Value)], _ automatic: inout Int) throws(EvaluationFailure) -> Value {
        var rest = Substring(field)
        let head = rest.prefix { $0 != "." && $0 != "[" }
        rest = rest.dropFirst(head.count)
        var value: Value
        if head.isEmpty {
            guard automatic < positional.count else { throw EvaluationFailure("Replacement index \(automatic) out of range for positional args tuple") }
            value = positional[automatic]
            automatic += 1
        } else if let position = Int(head) {
            guard position < positional.count else { throw EvaluationFailure("Replacement index \(position) out of range for positional args tuple") }
            value = positional[position]
        } else {
            guard let found = keyword.first(where: { $0.0 == head })?.1 else { throw EvaluationFailure("'\(head)' is not a keyword argument") }
            value = found
        }
        while let first = rest.first {
            rest = rest.dropFirst()
            let name = rest.prefix { $0 != "." && $0 != "[" && $0 != "]" }
            rest = rest.dropFirst(name.count)
            if first == "[" {
                rest = rest.dropFirst()
                let key: Value = Int(name).map(Value.int) ?? .string(String(name))
                guard let item = value.item(key) else { throw EvaluationFailure("\(key.pythonRepr) is not in \(value.typeName)") }
                value = item
            } else {
                guard let attribute = value.attribute(String(name)) else { throw EvaluationFailure("\(value.typeName) has no attribute '\(name)'") }
                value = attribute
            }
        }
        return value
    }

    /// `format(value, spec)`: Python's format-spec mini-language for strings, integers and floats.
    static func formatValue(_ value: Value, _ specText: String) throws(EvaluationFailure) -> String {
        guard !specText.isEmpty else { return value.pythonString }
        var spec = Spec()
        var scalars = Substring(specText).unicodeScalars[...]
        let aligns: Set<Unicode.Scalar> = ["<", ">", "^", "="]
        if scalars.count >= 2, aligns.contains(scalars[scalars.index(after: scalars.startIndex)]) {
            spec.fill = String(scalars.removeFirst())
            spec.align = scalars.removeFirst()
        } else if let first = scalars.first, aligns.contains(first) {
            spec.align = scalars.removeFirst()
        }
        if let first = scalars.first, "+- ".unicodeScalars.contains(first) { spec.sign = scalars.removeFirst() }
        if scalars.first == "#" { spec.alternate = true; scalars.removeFirst() }
        if scalars.first == "0" { spec.zero = true; scalars.removeFirst() }
        let array = Array(scalars)
        var index = 0
        spec.width = number(array, &index)
        try checkWidth(spec.width)
        if index < array.count, array[index] == "," || array[index] == "_" { spec.grouping = Character(array[index]); index += 1 }
        if index < array.count, array[index] == "." {
            index += 1
            spec.precision = number(array, &index) ?? 0
        }
        if index < array.count { spec.type = array[index]; index += 1 }
        guard index == array.count else { throw EvaluationFailure("Invalid format specifier '\(specText)'") }
        switch value {
        case .string(let text), .safe(let text):
            guard spec.type == "s" || index == 0 || !"dfFeEgGxXobc%n".unicodeScalars.contains(spec.type) else {
                throw EvaluationFailure("Unknown format code '\(spec.type)' for object of type 'str'")
            }
            var content = text
            if let precision = spec.precision { content = StringMethods.string(text.unicodeScalars.prefix(precision)) }
            return pad(content, spec, numeric: false)
        case .int, .bool, .double:
            if spec.type == "s" { throw EvaluationFailure("Unknown format code 's' for object of type '\(value.typeName)'") }
            if spec.type == "?" { spec.type = value.isDouble ? "r" : "d" }
            return try formatNumber(value, spec)
        default:
            return pad(value.pythonString, spec, numeric: false)
        }
    }

    // MARK: - Shared

    struct Spec {
        var fill = " "
        var align: Unicode.Scalar?
        var sign: Unicode.Scalar = "-"
        var alternate = false
        var zero = false
        var alignLeft = false
        var width: Int?
        var grouping: Character?
        var precision: Int?
        /// The conversion; "?" when none was given.
        var type: Unicode.Scalar = "?"
    }

    private static func formatNumber(_ value: Value, _ spec: Spec) throws(EvaluationFailure) -> String {
        guard let number = value.numeric else { throw EvaluationFailure("a number is required, not \(value.typeName)") }
        let negative = number < 0 || (number == 0 && number.sign == .minus && value.isDouble)
        var digits: String
        switch spec.type {
        case "d", "n":
            guard let integer = value.integer else { throw EvaluationFailure("Unknown format code 'd' for object of type 'float'") }
            digits = String(integer.magnitude)
        case "x", "X", "o", "b":
            guard let integer = value.integer else { throw EvaluationFailure("%\(spec.type) format: an integer is required, not float") }
            let radix = spec.type == "o" ? 8 : spec.type == "b" ? 2 : 16
            digits = String(integer.magnitude, radix: radix, uppercase: spec.type == "X")
            if spec.alternate { digits = (spec.type == "o" ? "0o" : spec.type == "b" ? "0b" : spec.type == "X" ? "0X" : "0x") + digits }
        case "c":
            guard let integer = value.integer, let scalar = Unicode.Scalar(UInt32(clamping: max(0, integer))) else {
                throw EvaluationFailure("%c requires an int or a char")
            }
            return pad(String(scalar), spec, numeric: false)
        case "f", "F", "e", "E", "g", "G", "%":
            let precision = min(max(spec.precision ?? 6, 0), 100)
            var magnitude = abs(number)
            var type = spec.type
            if type == "%" { magnitude *= 100; type = "f" }
            digits = String(format: "%\(spec.alternate ? "#" : "").\(precision)\(Character(type))", magnitude)
            if spec.type == "%" { digits += "%" }
        case "r":
            digits = PythonFloatFormatter.format(abs(number))
            if let precision = spec.precision { digits = String(format: "%.\(max(precision, 1))g", abs(number)) }
        default:
            if value.isDouble {
                digits = spec.precision.map { String(format: "%.\(max($0, 1))g", abs(number)) } ?? PythonFloatFormatter.format(abs(number))
            } else {
                digits = String((value.integer ?? 0).magnitude)
            }
        }
        if let grouping = spec.grouping { digits = group(digits, with: grouping) }
        let signText = negative ? "-" : spec.sign == "+" ? "+" : spec.sign == " " ? " " : ""
        if spec.zero, spec.align == nil, !spec.alignLeft, let width = spec.width {
            let count = signText.unicodeScalars.count + digits.unicodeScalars.count
            if count < width { digits = String(repeating: "0", count: width - count) + digits }
        }
        return pad(signText + digits, spec, numeric: true)
    }

    private static func group(_ digits: String, with separator: Character) -> String {
        let integerPart = digits.prefix { $0.isNumber }
        guard integerPart.count > 3 else { return digits }
        var grouped = ""
        for (offset, character) in integerPart.enumerated() {
            if offset > 0, (integerPart.count - offset) % 3 == 0 { grouped.append(separator) }
            grouped.append(character)
        }
        return grouped + digits.dropFirst(integerPart.count)
    }

    private static func pad(_ text: String, _ spec: Spec, numeric: Bool) -> String {
        guard let width = spec.width else { return text }
        let count = text.unicodeScalars.count
        guard count < width else { return text }
        let margin = width - count
        let align = spec.alignLeft ? "<" : spec.align ?? (numeric ? ">" : "<")
        switch align {
        case "<": return text + String(repeating: spec.fill, count: margin)
        case "^": return String(repeating: spec.fill, count: margin / 2) + text + String(repeating: spec.fill, count: margin - margin / 2)
        default: return String(repeating: spec.fill, count: margin) + text
        }
    }
}

private extension UInt {
    var toInt: Int { Int(self) }
}

extension Value {
    var isDouble: Bool {
        if case .double = self { return true }
        return false
    }

    var isStringLike: Bool { stringContent != nil }
}
