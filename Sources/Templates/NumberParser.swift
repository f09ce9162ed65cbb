import Foundation

/// Python's `int()` and `float()` conversions as the `int` and `float` filters use them.
///
/// `"42"`, `" 42 "`, `"4_2"` and `42.9` all give 42; `"42.23" | int` gives 42 through Jinja's
/// float fallback; anything unconvertible gives nil so the filter can use its default.
enum NumberParser {
    static func integer(_ value: Value, base: Int) -> Int? {
        switch value {
        case .int(let number): return number
        case .bool(let flag): return flag ? 1 : 0
        case .double(let number):
            guard number.isFinite, abs(number) < 9.2e18 else { return nil }
            return Int(number)
        case .string(let text), .safe(let text):
            var digits = TextFilters.strip(text)
            var sign = 1
            if digits.hasPrefix("-") || digits.hasPrefix("+") {
                if digits.hasPrefix("-") { sign = -1 }
                digits.removeFirst()
            }
            let prefixes = [16: "0x", 8: "0o", 2: "0b"]
            if let prefix = prefixes[base], digits.lowercased().hasPrefix(prefix) { digits.removeFirst(2) }
            if !digits.hasPrefix("_"), !digits.hasSuffix("_"), !digits.contains("__"),
               (2...36).contains(base), let number = Int(digits.replacingOccurrences(of: "_", with: ""), radix: base) {
                return sign * number
            }
            guard let number = float(value), number.isFinite, abs(number) < 9.2e18 else { return nil }
            return Int(number)
        default:
            return nil
        }
    }

    static func float(_ value: Value) -> Double? {
        switch value {
        case .int(let number): return Double(number)
        case .bool(let flag): return flag ? 1 : 0
        case .double(let number): return number
        case .string(let text), .safe(let text):
            let trimmed = TextFilters.strip(text).replacingOccurrences(of: "_", with: "")
            switch trimmed.lowercased() {
            case "inf", "+inf", "infinity", "+infinity": return .infinity
            case "-inf", "-infinity": return -.infinity
            case "nan", "+nan", "-nan": return .nan
            default: break
            }
            guard !trimmed.isEmpty, trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }) else { return nil }
            return Double(trimmed)
        default:
            return nil
        }
    }
}
