/// Text a diagnostic echoes from the site (file names, messages quoting values, source lines), made safe and
/// readable on a terminal.
///
/// A file name or a line may hold escape sequences (`ESC[2J` clears the screen, OSC 52 writes the clipboard):
/// printed raw, a hostile pull request could drive the terminal of whoever builds it. A line may also be a
/// megabyte of minified HTML, which would fill the screen around one caret.
enum TerminalText {
    /// Most scalars of a source line shown around the caret; a longer line is cut, with "…" where it was.
    static let maxExcerptScalars = 120

    /// `text` with every control character but tab written as `\u{1b}` (C0, DEL and C1).
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar != "\t" && scalar.properties.generalCategory == .control
    }

    /// The part of `line` to show for a caret at `column` (1-based, in scalars), and the caret's column in it.
    /// A line up to `maxExcerptScalars` long is shown whole.
    static func excerpt(_ line: String, column: Int?) -> (text: String, column: Int?) {
        let scalars = Array(line.unicodeScalars)
        guard scalars.count > maxExcerptScalars else { return (line, column) }
        let caret = min(max((column ?? 1) - 1, 0), scalars.count)
        let start = max(0, min(caret - maxExcerptScalars / 2, scalars.count - maxExcerptScalars))
        let end = min(scalars.count, start + maxExcerptScalars)
        var text = start > 0 ? "…" : ""
        text.unicodeScalars.append(contentsOf: scalars[start..<end])
        if end < scalars.count { text += "…" }
        return (text, column.map { _ in caret - start + 1 + (start > 0 ? 1 : 0) })
    }
}
