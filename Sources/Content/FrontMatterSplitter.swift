import Foundation

/// Splits a Markdown file into its YAML front matter and its body.
///
/// The rule is the one every static site generator shares: the file's first line is `---`,
/// the block ends at the next line that is `---`; a file whose first line is anything else has
/// no front matter at all. Trailing spaces and `\r` (CRLF files) are ignored on both fence lines.
enum FrontMatterSplitter {
    /// The pieces of one file.
    struct Split {
        /// The YAML between the fences (possibly empty), or nil when the file has no front matter.
        var yaml: Substring?
        /// 1-based file line of the first YAML line: add `yamlLineOffset` to a YAML line to get a file line.
        var yamlLineOffset: Int { 1 }
        var body: Substring
        /// 1-based file line where `body` starts.
        var bodyStartLine: Int
    }

    /// Splits `text` (already decoded, BOM removed).
    /// - Throws: a `.frontMatter` error at line 1 when the opening `---` is never closed.
    static func split(_ text: String, file: String) throws(ContentError) -> Split {
        let utf8 = text.utf8
        guard let firstEnd = lineEnd(in: utf8, from: utf8.startIndex),
              isFence(utf8[utf8.startIndex..<firstEnd.content]) else {
            return Split(yaml: nil, body: text[...], bodyStartLine: 1)
        }
        let yamlStart = firstEnd.next
        var cursor = yamlStart
        var line = 2
        while let end = lineEnd(in: utf8, from: cursor) {
            if isFence(utf8[cursor..<end.content]) {
                return Split(yaml: text[yamlStart..<cursor], body: text[end.next...], bodyStartLine: line + 1)
            }
            cursor = end.next
            line += 1
        }
        throw ContentError(.frontMatter, file: file, line: 1, column: 1,
                           message: "front matter opened here is never closed",
                           notes: ["end the front matter with a line holding only '---'"])
    }

    /// End of the line starting at `start`: where its content stops (before `\r\n` or `\n`)
    /// and where the next line starts. Nil at the end of the text.
    private static func lineEnd(in utf8: String.UTF8View, from start: String.Index)
        -> (content: String.Index, next: String.Index)? {
        guard start < utf8.endIndex else { return nil }
        // memchr over the string's own buffer: `firstIndex(of:)` on the view walked it a byte at a time through
        // the generic interface, and the last line of the front matter is followed by the whole body.
        let offset = utf8.distance(from: utf8.startIndex, to: start)
        let found: Int?? = utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress, let hit = memchr(base + offset, 0x0A, bytes.count - offset) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
        let newline: String.Index?
        if let found {
            newline = found.map { utf8.index(utf8.startIndex, offsetBy: $0) }
        } else {
            newline = utf8[start...].firstIndex(of: 0x0A)
        }
        guard let newline else { return (utf8.endIndex, utf8.endIndex) }
        return (newline, utf8.index(after: newline))
    }

    /// `---`, optionally followed by spaces, tabs or a `\r`.
    private static func isFence(_ line: String.UTF8View.SubSequence) -> Bool {
        guard line.starts(with: "---".utf8) else { return false }
        return line.dropFirst(3).allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}
