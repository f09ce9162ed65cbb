import Foundation
import Site

/// Turns a failed build into the text the error page shows, one entry per diagnostic.
///
/// Each entry is laid out exactly as `build-site build` prints it on the terminal: the diagnostic's own
/// `file:line:col: error: message` line, the offending source line with a caret when the file can be read,
/// then the notes.
/// It is computed once per failed build, off the request path.
enum DiagnosticReport {
    static func entries(for failure: BuildFailure, root: URL?) -> [String] {
        failure.diagnostics.map { entry(for: $0, root: root) }
    }

    static func entry(for diagnostic: Diagnostic, root: URL?) -> String {
        var lines = [diagnostic.description]
        if let excerpt = excerpt(for: diagnostic, root: root) { lines += excerpt }
        lines += diagnostic.notes.map { "note: " + $0 }
        return lines.joined(separator: "\n")
    }

    /// `  3 | source line` and a caret under the column, or nil when there is no readable line. The file is read
    /// through `DiagnosticSource`, so no line of a file outside the root is ever shown.
    private static func excerpt(for diagnostic: Diagnostic, root: URL?) -> [String]? {
        guard let root, let file = diagnostic.file, let line = diagnostic.line, line >= 1,
              let data = DiagnosticSource.bytes(of: file, root: root) else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        // "\r\n" is one Character in Swift: splitting on "\n" alone would glue CRLF files into one line.
        let sourceLines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        guard line <= sourceLines.count else { return nil }
        let source = sourceLines[line - 1].replacingOccurrences(of: "\r", with: "")
        let number = String(line)
        let gutter = String(repeating: " ", count: number.count)
        var result = ["  \(number) | \(source)"]
        if let column = diagnostic.column, column >= 1 {
            let pad = source.prefix(column - 1).map { $0 == "\t" ? "\t" : " " }.joined()
            result.append("  \(gutter) | \(pad)^")
        }
        return result
    }
}
