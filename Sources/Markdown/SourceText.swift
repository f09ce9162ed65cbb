/// The Markdown text as bytes with a line index, for turning cmark-gfm's positions into
/// line and column numbers a person can use.
///
/// cmark-gfm counts columns in bytes; editors and the diagnostics printed by Site count
/// characters, which differs by a factor of three for Chinese text. cmark-gfm's lines end at `\n`,
/// `\r\n` or a lone `\r`; the lines reported back end at `\n` only, as in every other module and in
/// the excerpt the CLI prints (a stray `\r` in a file must not shift every location after it).
struct SourceText {
    let bytes: [UInt8]
    /// Where each of cmark-gfm's lines starts, for reading its positions.
    private let lineStarts: [Int]
    /// Where each `\n`-separated line starts, for reporting.
    private let reportedLineStarts: [Int]

    init(_ text: String) {
        let bytes = Array(text.utf8)
        var starts = [0]
        var reported = [0]
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            while index < buffer.count {
                let byte = buffer[index]
                index += 1
                // Most bytes are neither; one comparison rules both out.
                guard byte <= UInt8(ascii: "\r") else { continue }
                if byte == UInt8(ascii: "\n") {
                    starts.append(index)
                    reported.append(index)
                } else if byte == UInt8(ascii: "\r") {
                    if index < buffer.count && buffer[index] == UInt8(ascii: "\n") {
                        index += 1
                        reported.append(index)
                    }
                    starts.append(index)
                }
            }
        }
        self.bytes = bytes
        self.lineStarts = starts
        self.reportedLineStarts = reported
    }

    /// Byte offsets of 1-based `line`, without its line break; nil when there is no such line.
    func lineRange(_ line: Int) -> Range<Int>? {
        guard line >= 1 && line <= lineStarts.count else { return nil }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        while end > start && (bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r")) {
            end -= 1
        }
        return start..<end
    }

    /// Byte offset of a 1-based line and byte column, clamped into that line.
    func offset(line: Int, byteColumn: Int) -> Int? {
        guard let range = lineRange(line) else { return nil }
        return min(max(range.lowerBound + byteColumn - 1, range.lowerBound), range.upperBound)
    }

    /// A byte offset with its 1-based line (counting `\n` only) and column (in Unicode scalars).
    struct Location {
        var offset: Int
        var line: Int
        var column: Int
    }

    /// The line and column of a byte offset.
    ///
    /// Counting columns means walking the line from its start; `hint`, an earlier location on the
    /// same line, lets successive lookups continue from there, so many links on one very long line
    /// cost linear rather than quadratic time.
    func location(of offset: Int, after hint: Location? = nil) -> Location {
        var low = 0
        var high = reportedLineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if reportedLineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        var column = 1
        var index = reportedLineStarts[low]
        if let hint, hint.line == low + 1, hint.offset <= offset {
            column = hint.column
            index = hint.offset
        }
        while index < offset && index < bytes.count {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return Location(offset: offset, line: low + 1, column: column)
    }

    /// Whether `pattern` occurs at byte `offset`.
    func matches(_ pattern: [UInt8], at offset: Int) -> Bool {
        guard !pattern.isEmpty, offset >= 0, offset + pattern.count <= bytes.count else { return false }
        for (index, byte) in pattern.enumerated() where bytes[offset + index] != byte { return false }
        return true
    }
}
