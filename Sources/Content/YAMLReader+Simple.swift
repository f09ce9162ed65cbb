/// The front matter nearly every page has, read without Yams.
///
/// Composing with Yams (libyaml's events, a node tree of classes, a dictionary per mapping to find
/// duplicate keys) was most of the time spent loading a site's pages. Most front matter is block
/// mappings and lists of one value a line, and for exactly those this reader builds the same nodes
/// `readWithYams` would: same values, same positions, same date checks. Anything else — a comment after a
/// value, tabs, `\r`, single quotes, escapes other than `\"` and `\\`, flow mappings, block
/// scalars, anchors, a duplicate key, an empty value, indentation it does not expect, a character YAML
/// treats specially or does not allow — returns nil, and Yams reads the text (and reports its errors)
/// as before. `SimpleFrontMatterTests` compares the two on generated documents.
///
/// Blank lines and whole-line comments are skipped: `i18n/` and `data/` files start with a comment.
///
/// Accepted, every line ending in `\n`, indented by spaces only:
/// - `key: value` and `key:` with a nested block on the next lines (deeper, or a list at the same
///   indentation); keys `[A-Za-z_][A-Za-z0-9_-]*`, one space after the colon, nothing after the value;
/// - `- value` and `- key: value` (a mapping whose later keys line up under the first), one space after
///   the dash;
/// - values: a plain scalar (words of printable characters without `:`, `#` or `"`, each starting with a
///   letter, a digit or a non-ASCII character for the first, single spaces between); a double-quoted
///   scalar of printable characters with `\"` and `\\` the only escapes; a flow list `[]` or `[a, b]`
///   of such scalars (plain ones without `,[]{}`), items separated by `, `.
extension YAMLReader {
    /// Longest line and most lines read here; longer texts go to Yams, whose limits then apply.
    fileprivate static let simpleLineLimit = 1_000
    fileprivate static let simpleLinesLimit = 10_000
    /// Deeper nesting goes to Yams, which reports it past `maximumDepth`.
    fileprivate static let simpleDepthLimit = 32

    mutating func readSimple(_ yaml: String) -> Node? {
        var text = yaml
        return text.withUTF8 { bytes in
            guard var block = SimpleBlock(bytes: bytes, lineOffset: lineOffset) else { return nil }
            guard let root = block.root(), block.index == block.lines.count else { return nil }
            // Dates last, once the whole text is accepted, so that a fallback to Yams never reports one twice;
            // in the order Yams' reader checks them (document order, a value's insides before the value).
            return convertDates(root)
        }
    }

    /// `date(from:)` on every value under a date key (`holdsDate`), each with its key's position kept.
    private mutating func convertDates(_ node: Node) -> Node {
        switch node.value {
        case .list(let items):
            guard items.contains(where: Self.holdsCollection) else { return node }
            var converted = node
            converted.value = .list(items.map { convertDates($0) })
            return converted
        case .mapping(let pairs):
            var converted = node
            converted.value = .mapping(pairs.map { pair in
                var value = convertDates(pair.value)
                if YAMLReader.holdsDate(pair.key) {
                    value = date(from: value)
                    value.keyLine = pair.value.keyLine
                    value.keyColumn = pair.value.keyColumn
                }
                return (pair.key, value)
            })
            return converted
        default:
            return node
        }
    }

    private static func holdsCollection(_ node: Node) -> Bool {
        switch node.value {
        case .list, .mapping: true
        default: false
        }
    }
}

/// The lines of a YAML text and a reader of the block forms `readSimple` accepts.
private struct SimpleBlock {
    struct Line {
        /// Spaces before the content; the content runs from `start` to `end` (the `\n`, excluded).
        var indent: Int
        var start: Int
        var end: Int
        var number: Int
    }

    let bytes: UnsafeBufferPointer<UInt8>
    var lines: [Line] = []
    var index = 0
    private var nodes = 1

    /// Splits the text into lines, less blank lines and comment lines; nil for a text with none left, a
    /// missing final `\n`, a tab or `\r` anywhere, or a line or line count over the limits.
    init?(bytes: UnsafeBufferPointer<UInt8>, lineOffset: Int) {
        guard let last = bytes.last, last == UInt8(ascii: "\n") else { return nil }
        self.bytes = bytes
        var lineStart = 0
        var number = 1 + lineOffset
        while lineStart < bytes.count {
            guard lines.count < YAMLReader.simpleLinesLimit,
                  let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")),
                  lineEnd - lineStart <= YAMLReader.simpleLineLimit else { return nil }
            var start = lineStart
            while start < lineEnd && bytes[start] == UInt8(ascii: " ") { start += 1 }
            guard !bytes[lineStart..<lineEnd].contains(where: { $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }) else {
                return nil
            }
            // Blank lines and comment lines are nothing in the forms read here (no scalar spans lines); a comment
            // must still hold only characters YAML allows, as libyaml checks every character of the text.
            if start < lineEnd, bytes[start] == UInt8(ascii: "#") {
                guard Self.isPrintable(UnsafeBufferPointer(rebasing: bytes[start..<lineEnd])) else { return nil }
            } else if start < lineEnd {
                lines.append(Line(indent: start - lineStart, start: start, end: lineEnd, number: number))
            }
            lineStart = lineEnd + 1
            number += 1
        }
        guard !lines.isEmpty else { return nil }
    }

    /// The block mapping whose keys are at `indent`, from the current line on.
    mutating func mapping(indent: Int, depth: Int) -> Node? {
        guard depth <= YAMLReader.simpleDepthLimit, index < lines.count, lines[index].indent == indent else { return nil }
        let first = lines[index]
        var pairs: [(key: String, value: Node)] = []
        var keys = Set<String>()
        while index < lines.count, lines[index].indent == indent {
            let line = lines[index]
            guard let (key, valueStart) = Self.split(bytes, line), keys.insert(key).inserted, count() else { return nil }
            var value: Node
            if let valueStart {
                guard let scalar = self.value(from: valueStart, to: line.end, line: line.number,
                                              column: line.indent + 1 + (valueStart - line.start)) else { return nil }
                value = scalar
                index += 1
                // A deeper line after a value would continue it, or be an error: Yams reads it.
                if index < lines.count, lines[index].indent > indent { return nil }
            } else {
                index += 1
                guard index < lines.count else { return nil }
                let next = lines[index]
                if next.indent > indent {
                    guard let nested = Self.isItem(bytes, next) ? list(indent: next.indent, depth: depth + 1)
                                                                 : mapping(indent: next.indent, depth: depth + 1) else { return nil }
                    value = nested
                } else if next.indent == indent, Self.isItem(bytes, next) {
                    guard let nested = list(indent: indent, depth: depth + 1) else { return nil }
                    value = nested
                } else {
                    return nil
                }
            }
            value.keyLine = line.number
            value.keyColumn = line.indent + 1
            pairs.append((key, value))
        }
        return Node(.mapping(pairs), line: first.number, column: indent + 1)
    }

    /// The document: a block mapping, or a block list (a data file's rows) when the first line is an item.
    mutating func root() -> Node? {
        Self.isItem(bytes, lines[0]) ? list(indent: 0, depth: 0) : mapping(indent: 0, depth: 0)
    }

    /// The block list whose dashes are at `indent`, from the current line on.
    private mutating func list(indent: Int, depth: Int) -> Node? {
        guard depth <= YAMLReader.simpleDepthLimit else { return nil }
        let first = lines[index]
        var items: [Node] = []
        while index < lines.count, lines[index].indent == indent, Self.isItem(bytes, lines[index]) {
            let line = lines[index]
            guard count() else { return nil }
            // What follows "- ", seen as a line of its own two columns further in.
            let inner = Line(indent: indent + 2, start: line.start + 2, end: line.end, number: line.number)
            guard inner.start < inner.end, bytes[inner.start] != UInt8(ascii: " ") else { return nil }
            if Self.split(bytes, inner) != nil {
                lines[index] = inner
                guard let mapping = mapping(indent: inner.indent, depth: depth + 1) else { return nil }
                items.append(mapping)
            } else {
                guard let scalar = value(from: inner.start, to: inner.end, line: line.number, column: inner.indent + 1) else { return nil }
                items.append(scalar)
                index += 1
                if index < lines.count, lines[index].indent > indent { return nil }
            }
        }
        return Node(.list(items), line: first.number, column: indent + 1)
    }

    /// One more node, within Yams' node limit (past it, Yams reads the text and reports it).
    private mutating func count(_ more: Int = 1) -> Bool {
        nodes += more
        return nodes <= YAMLReader.maximumNodes
    }

    private static func isItem(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Line) -> Bool {
        bytes[line.start] == UInt8(ascii: "-") && (line.start + 1 == line.end || bytes[line.start + 1] == UInt8(ascii: " "))
    }

    /// The key of a `key: value` or `key:` line and where its value starts (nil for `key:`).
    private static func split(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Line) -> (key: String, value: Int?)? {
        let first = bytes[line.start]
        guard isLetter(first) || first == UInt8(ascii: "_") else { return nil }
        var index = line.start + 1
        while index < line.end, isLetter(bytes[index]) || isDigit(bytes[index])
                || bytes[index] == UInt8(ascii: "_") || bytes[index] == UInt8(ascii: "-") {
            index += 1
        }
        guard index < line.end, bytes[index] == UInt8(ascii: ":") else { return nil }
        let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[line.start..<index]), as: UTF8.self)
        if index + 1 == line.end { return (key, nil) }
        guard index + 2 < line.end, bytes[index + 1] == UInt8(ascii: " ") else { return nil }
        return (key, index + 2)
    }

    /// The node for a value in one of the accepted forms, at its file line and column; nil for any other.
    private mutating func value(from start: Int, to end: Int, line: Int, column: Int) -> Node? {
        let text = UnsafeBufferPointer(rebasing: bytes[start..<end])
        guard let first = text.first, let last = text.last else { return nil }
        if first == UInt8(ascii: "\"") {
            guard text.count >= 2, last == UInt8(ascii: "\""),
                  let inner = Self.doubleQuoted(UnsafeBufferPointer(rebasing: text[1..<(text.count - 1)])) else { return nil }
            return Node(ScalarTyper.type(inner, quoted: true), line: line, column: column)
        }
        if first == UInt8(ascii: "[") {
            guard last == UInt8(ascii: "]") else { return nil }
            return flowList(from: start + 1, to: end - 1, line: line, column: column)
        }
        guard Self.isPlain(text) else { return nil }
        return Node(ScalarTyper.type(String(decoding: text, as: UTF8.self), quoted: false), line: line, column: column)
    }

    /// A flow list's items, between `[` and `]`: `[]`, or items separated by `, `, each a double-quoted scalar
    /// or a plain one that holds none of the flow indicators (`,[]{}`). An item's column counts characters, as
    /// libyaml does, not bytes.
    private mutating func flowList(from start: Int, to end: Int, line: Int, column: Int) -> Node? {
        var items: [Node] = []
        var itemStart = start
        // Columns counted so far: `column` is the `[`'s, one character before `start`.
        var counted = start - 1
        var itemColumn = column
        while itemStart < end {
            itemColumn += Self.characters(bytes[counted..<itemStart])
            counted = itemStart
            var stop = itemStart
            let item: Node
            if bytes[itemStart] == UInt8(ascii: "\"") {
                stop += 1
                while stop < end && bytes[stop] != UInt8(ascii: "\"") {
                    stop += bytes[stop] == UInt8(ascii: "\\") ? 2 : 1
                }
                guard stop < end, let inner = Self.doubleQuoted(UnsafeBufferPointer(rebasing: bytes[(itemStart + 1)..<stop])) else {
                    return nil
                }
                stop += 1
                item = Node(ScalarTyper.type(inner, quoted: true), line: line, column: itemColumn)
            } else {
                while stop < end && bytes[stop] != UInt8(ascii: ",") { stop += 1 }
                let text = UnsafeBufferPointer(rebasing: bytes[itemStart..<stop])
                guard Self.isPlain(text), !text.contains(where: Self.isFlowIndicator) else { return nil }
                item = Node(ScalarTyper.type(String(decoding: text, as: UTF8.self), quoted: false), line: line, column: itemColumn)
            }
            guard count() else { return nil }
            items.append(item)
            guard stop < end else { break }
            // ", " between items, and another item after it.
            guard stop + 2 < end, bytes[stop] == UInt8(ascii: ","), bytes[stop + 1] == UInt8(ascii: " ") else { return nil }
            itemStart = stop + 2
        }
        return Node(.list(items), line: line, column: column)
    }

    /// The characters in `bytes` (UTF-8): the bytes that do not continue a character.
    private static func characters(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int {
        bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    private static func isFlowIndicator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
            || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}")
    }

    /// The text of a double-quoted scalar's inside, or nil when it holds anything but printable characters
    /// and the escapes `\"` and `\\`.
    private static func doubleQuoted(_ inner: UnsafeBufferPointer<UInt8>) -> String? {
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(inner.count)
        var index = 0
        while index < inner.count {
            let byte = inner[index]
            if byte == UInt8(ascii: "\\") {
                guard index + 1 < inner.count, inner[index + 1] == UInt8(ascii: "\"") || inner[index + 1] == UInt8(ascii: "\\") else {
                    return nil
                }
                unescaped.append(inner[index + 1])
                index += 2
                continue
            }
            guard byte != UInt8(ascii: "\"") else { return nil }
            unescaped.append(byte)
            index += 1
        }
        let text = String(decoding: unescaped, as: UTF8.self)
        return text.unicodeScalars.allSatisfy(isPrintable) ? text : nil
    }

    /// Words of printable characters other than `:` and `#`, single spaces between, the first starting with an
    /// ASCII letter or digit, `/` or a non-ASCII character: a plain scalar that YAML reads as written.
    private static func isPlain(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        // A letter, digit or non-ASCII scalar, or `/` (a site path: no indicator of YAML's starts with it).
        guard let first = text.first, isLetter(first) || isDigit(first) || first >= 0x80 || first == UInt8(ascii: "/") else { return false }
        var previousIsSpace = false
        var ascii = true
        for byte in text {
            if byte == UInt8(ascii: " ") {
                if previousIsSpace { return false }
                previousIsSpace = true
                continue
            }
            previousIsSpace = false
            if byte >= 0x80 { ascii = false; continue }
            // A quotation mark inside a plain scalar is text (only a scalar's first character can open a quoted one).
            if byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "#") {
                return false
            }
        }
        if previousIsSpace { return false }
        return ascii || String(decoding: text, as: UTF8.self).unicodeScalars.allSatisfy(isPrintable)
    }

    /// Whether every character of `bytes` is `isPrintable`.
    private static func isPrintable(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return true }
        return String(decoding: bytes, as: UTF8.self).unicodeScalars.allSatisfy(isPrintable)
    }

    /// A character YAML allows in a scalar as it is and libyaml reads as an ordinary one: printable ASCII,
    /// and the printable non-ASCII ranges less the line and paragraph separators, NEL and the byte-order mark
    /// (libyaml breaks lines on the first three and treats the last apart).
    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value >= 0x20 && value != 0x7F }
        if value == 0x2028 || value == 0x2029 || value == 0xFEFF { return false }
        return (value >= 0xA0 && value <= 0xD7FF) || (value >= 0xE000 && value <= 0xFFFD) || value >= 0x10000
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
