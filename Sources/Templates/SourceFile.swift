/// A template's source text plus what is needed to report a location in it.
///
/// Tokens and nodes keep byte offsets; line and column (1-based, columns counting Unicode
/// scalars as editors do) are computed only when an error is reported.
struct SourceFile: Sendable {
    /// The template's name in the environment ("partials/card.html").
    let name: String
    /// The name shown in errors: the environment's prefix plus `name` ("templates/partials/card.html").
    let displayName: String
    /// The normalized source: newlines are "\n" only.
    let bytes: [UInt8]
    private let lineStarts: [Int]

    init(name: String, displayName: String, bytes: [UInt8]) {
        self.name = name
        self.displayName = displayName
        self.bytes = bytes
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        lineStarts = starts
    }

    func location(of offset: Int) -> (line: Int, column: Int) {
        let clamped = max(0, min(offset, bytes.count))
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= clamped { low = middle } else { high = middle - 1 }
        }
        var column = 1
        var index = lineStarts[low]
        while index < clamped {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return (low + 1, column)
    }

    /// "base.html:12:3", for messages that point at a second place.
    func describe(_ offset: Int) -> String {
        let (line, column) = location(of: offset)
        return "\(displayName):\(line):\(column)"
    }

    func error(_ kind: TemplateError.Kind, _ message: String, at offset: Int, notes: [String] = []) -> TemplateError {
        let (line, column) = location(of: offset)
        return TemplateError(kind: kind, file: displayName, line: line, column: column, message: message, notes: notes)
    }
}
