/// Quoting user text inside error messages.
extension String {
    /// The text with control characters (NUL, tab, newline, ESC…) written as `\u{…}`, so that
    /// an error message can never carry raw control bytes to the terminal.
    var visible: String {
        var result = ""
        for scalar in unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                result += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
