import Foundation
import Yams

/// Turning Yams' errors into located `ContentError`s.
///
/// Yams reports positions relative to the YAML text it was given; the front matter starts on
/// line 2 of the file, so every position is shifted by the reader's `lineOffset`.
extension YAMLReader {
    func translate(_ error: YamlError, yaml: String) -> ContentError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            return located(problem, at: mark, context: context, yaml: yaml)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return ContentError(.yaml, file: file, line: context.mark.line + lineOffset, column: context.mark.column,
                                message: "duplicate key \(names) in the same mapping")
        case .reader(let problem, let offset, _, _):
            let (line, column) = offset.map { YAMLReader.position(ofCharacter: $0, in: yaml) } ?? (1, 1)
            return ContentError(.yaml, file: file, line: line + lineOffset, column: column,
                                message: "invalid YAML: \(problem)")
        default:
            return ContentError(.yaml, file: file, line: lineOffset + 1, column: 1, message: "invalid YAML: \(error)")
        }
    }

    private func located(_ problem: String, at mark: Mark, context: YamlError.Context?, yaml: String) -> ContentError {
        // libyaml's own wording names a C function the author cannot call.
        let problem = problem.hasPrefix("Maximum nesting level reached") ? "it nests too deeply" : problem
        // An unclosed `[`, `{` or quote is only noticed at the end of the text, where there is nothing to
        // point at (the closing `---`, or past the last line). The place to fix is where it was opened.
        if let context, mark.line > YAMLReader.lastContentLine(of: yaml) {
            return ContentError(.yaml, file: file, line: context.mark.line + lineOffset, column: context.mark.column,
                                message: "invalid YAML: this \(YAMLReader.construct(in: context.text)) is never closed (\(problem))")
        }
        var notes: [String] = []
        if let context {
            notes.append("\(context.text) at line \(context.mark.line + lineOffset), column \(context.mark.column)")
        }
        return ContentError(.yaml, file: file, line: mark.line + lineOffset, column: mark.column,
                            message: "invalid YAML: \(problem)", notes: notes)
    }

    /// The 1-based number of the last line holding anything but whitespace (0 for blank text).
    static func lastContentLine(of text: String) -> Int {
        var last = 0
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.contains(where: { !$0.isWhitespace }) {
            last = index + 1
        }
        return last
    }

    /// "while scanning a quoted scalar" → "quoted string": libyaml's context in the words an author uses.
    static func construct(in context: String) -> String {
        let known = ["quoted scalar": "quoted string", "flow sequence": "[ ] list", "flow mapping": "{ } mapping",
                     "block mapping": "mapping", "block collection": "list", "simple key": "key"]
        for (term, words) in known where context.contains(term) { return words }
        let trimmed = context.replacingOccurrences(of: "while scanning ", with: "").replacingOccurrences(of: "while parsing ", with: "")
        return trimmed.hasPrefix("a ") ? String(trimmed.dropFirst(2)) : trimmed
    }

    /// 1-based line and column (in Unicode scalars) of the `offset`-th Character of `text`.
    static func position(ofCharacter offset: Int, in text: String) -> (Int, Int) {
        var line = 1
        var column = 1
        for character in text.prefix(offset) {
            if character == "\n" || character == "\r\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return (line, column)
    }

    /// The first control character of `text` (C0 but tab, line feed and carriage return; DEL; C1) as 4 hex digits,
    /// or nil. Double-quoted YAML can write any of them as an escape; none belongs in a page, and a NUL or an
    /// ESC would reach the HTML (and a terminal showing it) as raw bytes.
    static func controlCharacter(in text: String) -> String? {
        // Almost every scalar has no byte that could start one: then the scalars need no decoding.
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }) else { return nil }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || (value >= 0x7F && value <= 0x9F) {
                let hex = String(value, radix: 16, uppercase: true)
                return String(repeating: "0", count: 4 - hex.count) + hex
            }
        }
        return nil
    }
}
