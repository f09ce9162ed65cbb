/// Decodes backslash escapes in a string literal the way Python's `unicode-escape` codec does.
///
/// Jinja decodes template string literals with that codec, so `"\n"`, `"\u00e9"` and `"\x41"`
/// mean the same here; an unknown escape keeps its backslash, as in Python.
enum StringLiteralDecoder {
    static func decode(_ raw: String) -> String {
        // On the bytes: `contains` with a string goes through Foundation.
        guard raw.utf8.contains(UInt8(ascii: "\\")) else { return raw }
        var result = String.UnicodeScalarView()
        var scalars = Array(raw.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            guard scalar == "\\", let escape = scalars.popFirst() else {
                result.append(scalar)
                continue
            }
            switch escape {
            case "n": result.append("\n")
            case "t": result.append("\t")
            case "r": result.append("\r")
            case "a": result.append("\u{07}")
            case "b": result.append("\u{08}")
            case "f": result.append("\u{0C}")
            case "v": result.append("\u{0B}")
            case "\\", "'", "\"": result.append(escape)
            case "\n": break
            case "x", "u", "U":
                let width = escape == "x" ? 2 : (escape == "u" ? 4 : 8)
                let digits = String(String.UnicodeScalarView(scalars.prefix(width)))
                if digits.count == width, let code = UInt32(digits, radix: 16), let decoded = Unicode.Scalar(code) {
                    result.append(decoded)
                    scalars = scalars.dropFirst(width)
                } else {
                    result.append("\\")
                    result.append(escape)
                }
            case "0"..."7":
                var digits = String(escape)
                while digits.count < 3, let next = scalars.first, ("0"..."7").contains(next) {
                    digits.unicodeScalars.append(next)
                    scalars = scalars.dropFirst()
                }
                if let code = UInt32(digits, radix: 8), let decoded = Unicode.Scalar(code) { result.append(decoded) }
            default:
                result.append("\\")
                result.append(escape)
            }
        }
        return String(result)
    }
}
