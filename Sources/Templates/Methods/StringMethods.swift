/// The text algorithms behind Python's `str` methods, on arrays of code points (Python's unit of length).
enum StringMethods {
    static func string<S: Sequence<Unicode.Scalar>>(_ scalars: S) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// Python's `str.title()`: a letter after a cased letter is lowered, any other letter is raised.
    static func title(_ scalars: [Unicode.Scalar]) -> String {
        var result = String.UnicodeScalarView()
        var previousCased = false
        for scalar in scalars {
            let properties = scalar.properties
            if properties.isCased {
                result.append(contentsOf: (previousCased ? properties.lowercaseMapping : properties.titlecaseMapping).unicodeScalars)
                previousCased = true
            } else {
                result.append(scalar)
                previousCased = false
            }
        }
        return String(result)
    }

    static func strip(_ scalars: [Unicode.Scalar], _ characters: String?, leading: Bool, trailing: Bool) -> String {
        let set = characters.map { Set($0.unicodeScalars) }
        let isStripped: (Unicode.Scalar) -> Bool = { set?.contains($0) ?? Lexer.isPythonSpace($0) }
        var start = 0
        var end = scalars.count
        if leading { while start < end, isStripped(scalars[start]) { start += 1 } }
        if trailing { while end > start, isStripped(scalars[end - 1]) { end -= 1 } }
        return string(scalars[start..<end])
    }

    /// `str.split(sep, maxsplit)` and `str.rsplit(sep, maxsplit)`.
    static func split(_ scalars: [Unicode.Scalar], _ separator: String?, limit: Int, fromEnd: Bool) throws(EvaluationFailure) -> [String] {
        guard let separator else { return splitWhitespace(scalars, limit: limit, fromEnd: fromEnd) }
        let needle = Array(separator.unicodeScalars)
        guard !needle.isEmpty else { throw EvaluationFailure("empty separator") }
        var parts: [String] = []
        if fromEnd {
            var end = scalars.count
            while limit < 0 || parts.count < limit, let found = findLast(needle, in: Array(scalars[..<end])) {
                parts.append(string(scalars[(found + needle.count)..<end]))
                end = found
            }
            parts.append(string(scalars[..<end]))
            return parts.reversed()
        }
        var start = 0
        while limit < 0 || parts.count < limit, let found = find(needle, in: scalars, from: start) {
            parts.append(string(scalars[start..<found]))
            start = found + needle.count
        }
        parts.append(string(scalars[start...]))
        return parts
    }

    private static func splitWhitespace(_ scalars: [Unicode.Scalar], limit: Int, fromEnd: Bool) -> [String] {
        let items = fromEnd ? scalars.reversed() : scalars
        var parts: [String] = []
        var index = 0
        while true {
            while index < items.count, Lexer.isPythonSpace(items[index]) { index += 1 }
            guard index < items.count else { break }
            if limit >= 0, parts.count == limit {
                var rest = Array(items[index...])
                if fromEnd { rest.reverse() }
                parts.append(string(rest))
                break
            }
            let start = index
            while index < items.count, !Lexer.isPythonSpace(items[index]) { index += 1 }
            var word = Array(items[start..<index])
            if fromEnd { word.reverse() }
            parts.append(string(word))
        }
        return fromEnd ? parts.reversed() : parts
    }

    /// `str.splitlines(keepends)`: Python's line boundaries, `\r\n` counting as one.
    static func lines(_ scalars: [Unicode.Scalar], keepEnds: Bool) -> [String] {
        var result: [String] = []
        var start = 0
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            guard isLineBoundary(scalar) else { index += 1; continue }
            var end = index + 1
            if scalar == "\r", end < scalars.count, scalars[end] == "\n" { end += 1 }
            result.append(string(scalars[start..<(keepEnds ? end : index)]))
            start = end
            index = end
        }
        if start < scalars.count { result.append(string(scalars[start...])) }
        return result
    }

    private static func isLineBoundary(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    static func find(_ needle: [Unicode.Scalar], in scalars: [Unicode.Scalar], from start: Int) -> Int? {
        guard needle.count <= scalars.count else { return nil }
        var index = start
        while index + needle.count <= scalars.count {
            if scalars[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    static func findLast(_ needle: [Unicode.Scalar], in scalars: [Unicode.Scalar]) -> Int? {
        guard needle.count <= scalars.count else { return nil }
        var index = scalars.count - needle.count
        while index >= 0 {
            if scalars[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index -= 1
        }
        return nil
    }

    /// `isdigit`, `isalpha`, … : false for the empty string, as in Python.
    static func classify(_ name: String, _ scalars: [Unicode.Scalar]) -> Bool {
        guard !scalars.isEmpty else { return false }
        func isAlpha(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
            default: return false
            }
        }
        func isDecimal(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.numericType == .decimal }
        func isDigit(_ scalar: Unicode.Scalar) -> Bool { isDecimal(scalar) || scalar.properties.numericType == .digit }
        func isNumeric(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.numericType != nil }
        switch name {
        case "isdigit": return scalars.allSatisfy(isDigit)
        case "isdecimal": return scalars.allSatisfy(isDecimal)
        case "isnumeric": return scalars.allSatisfy(isNumeric)
        case "isalpha": return scalars.allSatisfy(isAlpha)
        case "isalnum": return scalars.allSatisfy { isAlpha($0) || isNumeric($0) }
        case "isspace": return scalars.allSatisfy(Lexer.isPythonSpace)
        case "islower", "isupper":
            let cased = scalars.filter { $0.properties.isCased }
            guard !cased.isEmpty else { return false }
            return cased.allSatisfy { name == "islower" ? $0.properties.isLowercase : $0.properties.isUppercase }
        default: // istitle
            var sawCased = false
            var previousCased = false
            for scalar in scalars {
                let properties = scalar.properties
                if properties.isUppercase || properties.generalCategory == .titlecaseLetter {
                    if previousCased { return false }
                    previousCased = true
                    sawCased = true
                } else if properties.isLowercase {
                    if !previousCased { return false }
                    previousCased = true
                } else {
                    previousCased = false
                }
            }
            return sawCased
        }
    }

    /// `center`, `ljust`, `rjust` with Python's split of an odd margin (`center` puts the extra on the left
    /// when the width is odd).
    static func pad(_ text: String, count: Int, width: Int, fill: String, alignment: String) -> String {
        let margin = width - count
        guard margin > 0 else { return text }
        let left: Int
        switch alignment {
        case "ljust": left = 0
        case "rjust": left = margin
        default: left = margin / 2 + (margin & width & 1)
        }
        return String(repeating: fill, count: left) + text + String(repeating: fill, count: margin - left)
    }
}
