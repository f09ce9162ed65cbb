/// Python's `textwrap.wrap` as Jinja's `wordwrap` calls it (tabs and whitespace kept, whitespace dropped at
/// line ends), splitting at whitespace only: words with hyphens are not broken at the hyphen.
enum TextWrap {
    static func wrap(_ text: String, width: Int, breakLongWords: Bool) -> [String] {
        // Chunks: runs of whitespace and runs of anything else, in order, reversed to pop from the end.
        var chunks: [[Unicode.Scalar]] = []
        for scalar in text.unicodeScalars {
            let isSpace = Lexer.isPythonSpace(scalar)
            if let last = chunks.last, let first = last.first, Lexer.isPythonSpace(first) == isSpace {
                chunks[chunks.count - 1].append(scalar)
            } else {
                chunks.append([scalar])
            }
        }
        chunks.reverse()
        var lines: [String] = []
        func isBlank(_ chunk: [Unicode.Scalar]) -> Bool { chunk.allSatisfy(Lexer.isPythonSpace) }
        while !chunks.isEmpty {
            var line: [[Unicode.Scalar]] = []
            var length = 0
            if !lines.isEmpty, let last = chunks.last, isBlank(last) { chunks.removeLast() }
            while let last = chunks.last, length + last.count <= width {
                line.append(last)
                length += last.count
                chunks.removeLast()
            }
            if let last = chunks.last, last.count > width {
                let room = max(width - length, 1)
                if breakLongWords {
                    line.append(Array(last.prefix(room)))
                    chunks[chunks.count - 1] = Array(last.dropFirst(room))
                } else if line.isEmpty {
                    line.append(last)
                    chunks.removeLast()
                }
            }
            if let last = line.last, isBlank(last) { line.removeLast() }
            if !line.isEmpty { lines.append(StringMethods.string(line.joined())) }
        }
        return lines
    }
}
