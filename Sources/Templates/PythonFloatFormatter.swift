/// Formats a `Double` exactly as Python's `repr(float)` does.
///
/// Jinja prints floats through Python, so `1.0` must print "1.0", `1e16` "1e+16" and `1e15`
/// "1000000000000000.0". Swift's `description` already yields the shortest round-tripping digits
/// (the same digits Python picks); only the layout differs, so we re-lay those digits out.
enum PythonFloatFormatter {
    static func format(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        let description = value.description
        // Without an exponent, Swift's layout is Python's: digits, a point, at least one fractional digit.
        // (Swift uses plain notation only from 0.0001 to 2^53, inside the range where Python does: 1e-4 to 1e16.)
        // Charts print thousands of such numbers per page, so the common case skips the re-layout.
        if !description.utf8.contains(UInt8(ascii: "e")), !description.utf8.contains(UInt8(ascii: "E")) {
            return description
        }
        return relaid(description)
    }

    /// The digits of Swift's `description` laid out as Python lays them out.
    static func relaid(_ description: String) -> String {
        var text = Substring(description)
        var sign = ""
        if text.hasPrefix("-") { sign = "-"; text = text.dropFirst() }
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = text[..<e]
        }
        let integerPart: Substring
        let fractionPart: Substring
        if let dot = text.firstIndex(of: ".") {
            integerPart = text[..<dot]
            fractionPart = text[text.index(after: dot)...]
        } else {
            integerPart = text
            fractionPart = ""
        }
        var digits = Array(integerPart + fractionPart)
        var point = integerPart.count + exponent
        while let first = digits.first, first == "0" { digits.removeFirst(); point -= 1 }
        while let last = digits.last, last == "0" { digits.removeLast() }
        if digits.isEmpty { return sign + "0.0" }
        let scientific = point - 1
        if scientific < -4 || scientific >= 16 {
            var mantissa = String(digits[0])
            if digits.count > 1 { mantissa += "." + String(digits[1...]) }
            let magnitude = abs(scientific)
            let exponentDigits = magnitude < 10 ? "0\(magnitude)" : "\(magnitude)"
            return sign + mantissa + "e" + (scientific < 0 ? "-" : "+") + exponentDigits
        }
        if point <= 0 {
            return sign + "0." + String(repeating: "0", count: -point) + String(digits)
        }
        if point >= digits.count {
            return sign + String(digits) + String(repeating: "0", count: point - digits.count) + ".0"
        }
        return sign + String(digits[..<point]) + "." + String(digits[point...])
    }
}
