/// The front matter nearly every page has, read without Yams.
///
/// Composing with Yams (libyaml's events, a node tree of classes, a dictionary per mapping to find
/// duplicate keys) was most of the time spent loading a large site. Most front matter is a few
/// `key: value` lines, and for exactly those this reader builds the same nodes `readWithYams` would:
/// same values, same positions, same date checks. Anything else — indentation, comments, blank lines,
/// tabs, `\r`, any non-ASCII byte, single quotes, escapes, a duplicate key, a value not in the forms
/// below — returns nil, and Yams reads the text (and reports its errors) as before.
///
/// Accepted lines, one per key, each ending in `\n`, keys `[A-Za-z_][A-Za-z0-9_-]*`, one space after
/// the colon, nothing after the value:
/// - a plain scalar: words of `[A-Za-z0-9._-]`, each starting with a letter or digit, single spaces between;
/// - a double-quoted scalar of printable ASCII without `"` or `\`;
/// - a flow sequence `[]` or `[a, b]` of single plain words, items separated by `, `.
extension YAMLReader {
    /// Longest line and most lines read here; longer texts go to Yams, whose limits then apply.
    private static let simpleLineLimit = 1_000
    private static let simpleLinesLimit = 10_000

    mutating func readSimple(_ yaml: String) -> Node? {
        var text = yaml
        return text.withUTF8 { bytes in readSimple(bytes) }
    }

    private mutating func readSimple(_ bytes: UnsafeBufferPointer<UInt8>) -> Node? {
        guard let last = bytes.last, last == UInt8(ascii: "\n") else { return nil }
        var pairs: [(key: String, value: Node)] = []
        var keys = Set<String>()
        var lineStart = 0
        var lineNumber = 1
        var nodes = 1
        while lineStart < bytes.count {
            guard lineNumber <= Self.simpleLinesLimit,
                  let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")),
                  lineEnd - lineStart <= Self.simpleLineLimit,
                  let (key, value) = Self.split(line: UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])),
                  keys.insert(key).inserted,
                  var node = self.value(UnsafeBufferPointer(rebasing: bytes[(lineStart + value)..<lineEnd]),
                                        line: lineNumber + lineOffset, column: value + 1)
            else { return nil }
            // Past Yams' node limit, Yams reads the text and reports it.
            if case .list(let items) = node.value { nodes += items.count }
            nodes += 1
            guard nodes <= YAMLReader.maximumNodes else { return nil }
            node.keyLine = lineNumber + lineOffset
            node.keyColumn = 1
            pairs.append((key, node))
            lineStart = lineEnd + 1
            lineNumber += 1
        }
        guard !pairs.isEmpty else { return nil }
        // Dates last, once the whole text is accepted, so that a fallback to Yams never reports one twice.
        for position in pairs.indices where YAMLReader.holdsDate(pairs[position].key) {
            var converted = date(from: pairs[position].value)
            converted.keyLine = pairs[position].value.keyLine
            converted.keyColumn = pairs[position].value.keyColumn
            pairs[position].value = converted
        }
        return Node(.mapping(pairs), line: 1 + lineOffset, column: 1)
    }

    /// The key of a `key: value` line and the offset where its value starts.
    private static func split(line: UnsafeBufferPointer<UInt8>) -> (key: String, value: Int)? {
        guard let first = line.first, isLetter(first) || first == UInt8(ascii: "_") else { return nil }
        var index = 1
        while index < line.count, isLetter(line[index]) || isDigit(line[index])
                || line[index] == UInt8(ascii: "_") || line[index] == UInt8(ascii: "-") {
            index += 1
        }
        guard index + 2 < line.count, line[index] == UInt8(ascii: ":"), line[index + 1] == UInt8(ascii: " ") else {
            return nil
        }
        return (String(decoding: UnsafeBufferPointer(rebasing: line[..<index]), as: UTF8.self), index + 2)
    }

    /// The node for a value in one of the accepted forms, at its file line and column; nil for any other.
    private func value(_ text: UnsafeBufferPointer<UInt8>, line: Int, column: Int) -> Node? {
        guard let first = text.first, let last = text.last else { return nil }
        if first == UInt8(ascii: "\"") {
            guard text.count >= 2, last == UInt8(ascii: "\"") else { return nil }
            let inner = UnsafeBufferPointer(rebasing: text[1..<(text.count - 1)])
            guard inner.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) else {
                return nil
            }
            return Node(ScalarTyper.type(String(decoding: inner, as: UTF8.self), quoted: true), line: line, column: column)
        }
        if first == UInt8(ascii: "[") {
            guard last == UInt8(ascii: "]") else { return nil }
            var items: [Node] = []
            var start = 1
            let end = text.count - 1
            while start < end {
                var stop = start
                while stop < end && text[stop] != UInt8(ascii: ",") { stop += 1 }
                let item = UnsafeBufferPointer(rebasing: text[start..<stop])
                guard Self.isWord(item) else { return nil }
                items.append(Node(ScalarTyper.type(String(decoding: item, as: UTF8.self), quoted: false),
                                  line: line, column: column + start))
                guard stop < end else { break }
                // ", " between items, and another item after it.
                guard stop + 2 < end, text[stop + 1] == UInt8(ascii: " ") else { return nil }
                start = stop + 2
            }
            return Node(.list(items), line: line, column: column)
        }
        // Plain: words separated by single spaces.
        var start = 0
        while start < text.count {
            var stop = start
            while stop < text.count && text[stop] != UInt8(ascii: " ") { stop += 1 }
            guard Self.isWord(UnsafeBufferPointer(rebasing: text[start..<stop])) else { return nil }
            guard stop < text.count else { break }
            guard stop + 1 < text.count else { return nil }
            start = stop + 1
        }
        return Node(ScalarTyper.type(String(decoding: text, as: UTF8.self), quoted: false), line: line, column: column)
    }

    /// `[A-Za-z0-9][A-Za-z0-9._-]*`: a plain scalar no YAML rule can read otherwise.
    private static func isWord(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, isLetter(first) || isDigit(first) else { return false }
        return bytes.allSatisfy { byte in
            isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
