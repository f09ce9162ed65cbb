/// Types a plain YAML scalar the way authors expect (YAML 1.2 core schema).
///
/// Hand-written instead of regular expressions because it runs for every scalar of every
/// file. `yes`/`no`/`on`/`off` stay strings (the YAML 1.1 surprise that turns Norway's `NO`
/// into `false` is not repeated). Quoted scalars are always strings.
enum ScalarTyper {
    static func type(_ text: String, quoted: Bool) -> FrontMatterValue {
        if quoted { return .string(text) }
        // Every special spelling starts with one of these bytes (or is empty); most scalars (slugs, dates, names)
        // start with another, and then skip two dozen string comparisons.
        if text.utf8.first.map(Self.specialFirstBytes.contains) ?? true {
            switch text {
            case "", "~", "null", "Null", "NULL": return .null
            case "true", "True", "TRUE": return .bool(true)
            case "false", "False", "FALSE": return .bool(false)
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .double(.infinity)
            case "-.inf", "-.Inf", "-.INF": return .double(-.infinity)
            case ".nan", ".NaN", ".NAN": return .double(.nan)
            default: break
            }
        }
        guard let first = text.utf8.first, first == 0x2B || first == 0x2D || first == 0x2E || isDigit(first) else {
            return .string(text)
        }
        if isInteger(text.utf8), let number = Int(text) { return .int(number) }
        if isDecimal(text.utf8), let number = Double(text) { return .double(number) }
        return .string(text)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// The first bytes of the spellings of null, booleans, infinities and NaN (`~`, `n`, `N`, `t`, `T`, `f`, `F`, `.`, `+`, `-`).
    private static let specialFirstBytes: Set<UInt8> = Set("~nNtTfF.+-".utf8)

    /// `[-+]?[0-9]+`
    private static func isInteger(_ bytes: String.UTF8View) -> Bool {
        var digits = bytes[...]
        if let sign = digits.first, sign == 0x2B || sign == 0x2D { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.allSatisfy(isDigit)
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
    private static func isDecimal(_ bytes: String.UTF8View) -> Bool {
        var rest = bytes[...]
        if let sign = rest.first, sign == 0x2B || sign == 0x2D { rest = rest.dropFirst() }
        let integer = rest.prefix(while: isDigit)
        rest = rest.dropFirst(integer.count)
        var fraction = rest.prefix(0)
        if rest.first == 0x2E {
            rest = rest.dropFirst()
            fraction = rest.prefix(while: isDigit)
            rest = rest.dropFirst(fraction.count)
        }
        guard !integer.isEmpty || !fraction.isEmpty else { return false }
        if let e = rest.first, e == 0x65 || e == 0x45 {
            rest = rest.dropFirst()
            if let sign = rest.first, sign == 0x2B || sign == 0x2D { rest = rest.dropFirst() }
            let exponent = rest.prefix(while: isDigit)
            guard !exponent.isEmpty else { return false }
            rest = rest.dropFirst(exponent.count)
        }
        return rest.isEmpty
    }
}
