import Foundation
import Site

/// Prints diagnostics the way compilers do: the location and message, the offending source line,
/// and a caret under the column. This is the one place where a diagnostic becomes terminal text.
struct DiagnosticPrinter {
    let root: URL

    func print(_ diagnostics: [Diagnostic]) {
        var text = ""
        for diagnostic in diagnostics {
            text += render(diagnostic)
        }
        FileHandle.standardError.write(Data(text.utf8))
    }

    func printSummary(failures: Int, output: String) {
        let noun = failures == 1 ? "error" : "errors"
        FileHandle.standardError.write(Data("build failed with \(failures) \(noun); \(TerminalText.visible(output)) was not changed\n".utf8))
    }

    /// One diagnostic with its source excerpt, e.g.
    /// ```
    /// content/timeline/x.md:4:9: error: no page 'sam-altmann' in collection 'people'
    ///     4 | people: [sam-altmann]
    ///       |          ^
    /// ```
    ///
    /// File names, messages and notes have control characters made visible, and a line longer than
    /// `TerminalText.maxExcerptScalars` is cut around the caret (see `TerminalText`).
    func render(_ diagnostic: Diagnostic) -> String {
        var text = TerminalText.visible(diagnostic.description) + "\n"
        if let file = diagnostic.file, let line = diagnostic.line, let whole = sourceLine(file: file, line: line) {
            let (source, column) = TerminalText.excerpt(whole, column: diagnostic.column)
            let number = String(line)
            let gutter = String(repeating: " ", count: number.count)
            text += "  \(number) | \(source)\n"
            if let column, column >= 1 {
                text += "  \(gutter) | \(CaretPadding.padding(before: column, in: source))^\n"
            }
        }
        for note in diagnostic.notes {
            text += "note: \(TerminalText.visible(note))\n"
        }
        return text
    }

    /// The text of line `line` of `file`, for the excerpt. Lines are split on the byte `\n` (splitting a
    /// `String` on the Character "\n" would miss every `\r\n`, which Swift treats as one Character), and
    /// control characters are shown as U+FFFD so that a binary file cannot drive the terminal. The file is
    /// read through `DiagnosticSource`, so no line of a file outside the root is ever printed.
    private func sourceLine(file: String, line: Int) -> String? {
        guard line >= 1, let data = DiagnosticSource.bytes(of: file, root: root) else { return nil }
        var current = 1
        for bytes in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            if current == line {
                let content = bytes.last == 0x0D ? bytes.dropLast() : bytes
                let text = String(decoding: content, as: UTF8.self)
                return String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
                    scalar.properties.generalCategory == .control && scalar != "\t" ? "\u{FFFD}" : scalar
                }))
            }
            current += 1
        }
        return nil
    }
}
