import Content
import DidYouMean
import Markdown
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds component calls in Markdown and replaces them with placeholders, leaving code alone.
///
/// The syntax is Hugo's: `{{< name key="value" … >}}`, and for a component declared with a body,
/// `{{< name … >}}` Markdown `{{< /name >}}` (nested calls allowed). Values are in double or single quotes.
/// Fenced and indented code blocks (found by cmark-gfm itself) and inline code spans never expand a call.
/// Every call is checked against its declaration here, before anything is rendered.
struct ComponentScanner {
    let library: ComponentLibrary

    /// Whether `text` could hold a call at all: the cheap test that lets most pages skip the scan.
    static func mayHaveCalls(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, bytes.count >= 3 else { return false }
            var offset = 0
            // memchr to each `{`: pages without one (nearly all) cost one pass at memory speed.
            while offset < bytes.count - 2,
                  let found = memchr(base + offset, Int32(UInt8(ascii: "{")), bytes.count - 2 - offset) {
                let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if bytes[index + 1] == UInt8(ascii: "{") && bytes[index + 2] == UInt8(ascii: "<") { return true }
                offset = index + 1
            }
            return false
        }
    }

    static func isName(_ name: String) -> Bool {
        guard let first = name.utf8.first, isNameStart(first) else { return false }
        return name.utf8.allSatisfy(isNameByte)
    }

    static func isNameStart(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte == UInt8(ascii: "_")
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        isNameStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
    }

    func scan(_ text: String) throws(ComponentProblem) -> ScannedText {
        var state = Scan(bytes: Array(text.utf8), codeLines: MarkdownRenderer.codeBlockLines(text), library: library)
        try state.run()
        return ScannedText(markdown: String(decoding: state.output, as: UTF8.self), calls: state.calls, lineMap: state.lineMap)
    }
}

/// One scan's state: the input, where it is, and what it wrote.
private struct Scan {
    let bytes: [UInt8]
    let library: ComponentLibrary
    /// Where each line starts (index 0 is line 1).
    let lineStarts: [Int]
    let codeLines: Set<Int>
    var output: [UInt8] = []
    var lineMap: [Int] = [1]
    var calls: [ComponentCall] = []

    init(bytes: [UInt8], codeLines: [ClosedRange<Int>], library: ComponentLibrary) {
        self.bytes = bytes
        self.library = library
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(index + 1) }
        lineStarts = starts
        self.codeLines = Set(codeLines.flatMap { Array($0) })
        output.reserveCapacity(bytes.count)
    }

    struct Tag {
        var name: String
        var closing: Bool
        var arguments: [ComponentCall.Argument]
        var start: Int
        var end: Int
    }

    // MARK: - Positions

    func line(of offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low + 1
    }

    func location(of offset: Int) -> (line: Int, column: Int) {
        let line = line(of: offset)
        let column = bytes[lineStarts[line - 1]..<offset].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        return (line, column)
    }

    func problem(at offset: Int, _ message: String) -> ComponentProblem {
        let (line, column) = location(of: offset)
        return ComponentProblem(line: line, column: column, message: message)
    }

    func starts(_ text: String, at offset: Int) -> Bool {
        let pattern = Array(text.utf8)
        return offset + pattern.count <= bytes.count && Array(bytes[offset..<offset + pattern.count]) == pattern
    }

    func isBlank(_ range: Range<Int>) -> Bool {
        bytes[range].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
    }

    func endOfLine(from offset: Int) -> Int {
        bytes[offset...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
    }

    // MARK: - Code

    /// Where the code that starts at `offset` ends: a whole line of a code block, or an inline code span
    /// (a run of backticks up to the next run of the same length, within its paragraph); nil when no code starts here.
    func codeEnd(at offset: Int) -> Int? {
        if offset == 0 || bytes[offset - 1] == UInt8(ascii: "\n"), codeLines.contains(line(of: offset)) {
            let end = endOfLine(from: offset)
            return end < bytes.count ? end + 1 : end
        }
        guard bytes[offset] == UInt8(ascii: "`"), offset == 0 || bytes[offset - 1] != UInt8(ascii: "\\") else { return nil }
        var run = offset
        while run < bytes.count && bytes[run] == UInt8(ascii: "`") { run += 1 }
        let length = run - offset
        var index = run
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "`") {
                var end = index
                while end < bytes.count && bytes[end] == UInt8(ascii: "`") { end += 1 }
                if end - index == length { return end }
                index = end
            } else if bytes[index] == UInt8(ascii: "\n") {
                // A blank line or a code block ends the paragraph, and with it any chance of a closing run.
                let next = index + 1
                if next >= bytes.count || isBlank(next..<endOfLine(from: next)) || codeLines.contains(line(of: next)) { break }
                index += 1
            } else {
                index += 1
            }
        }
        // An unmatched run is literal backticks.
        return run
    }

    // MARK: - Tags

    mutating func run() throws(ComponentProblem) {
        var index = 0
        while index < bytes.count {
            if let end = codeEnd(at: index) {
                copy(index..<end)
                index = end
            } else if bytes[index] == UInt8(ascii: "\\") {
                let end = min(index + 2, bytes.count)
                copy(index..<end)
                index = end
            } else if starts("{{<", at: index) {
                index = try call(at: index)
            } else {
                copy(index..<index + 1)
                index += 1
            }
        }
    }

    /// Appends input bytes, keeping the line map: each newline copied starts a line that came from the next input line.
    mutating func copy(_ range: Range<Int>) {
        for offset in range {
            output.append(bytes[offset])
            if bytes[offset] == UInt8(ascii: "\n") { lineMap.append(line(of: offset) + 1) }
        }
    }

    mutating func newline(nextFrom line: Int) {
        output.append(UInt8(ascii: "\n"))
        lineMap.append(line)
    }

    /// Reads, checks and replaces the call at `start`; returns where the input goes on.
    mutating func call(at start: Int) throws(ComponentProblem) -> Int {
        let tag = try parseTag(at: start)
        if tag.closing {
            var message = "{{< /\(tag.name) >}} closes no component"
            if let declaration = library[tag.name], !declaration.hasBody { message += " ('\(tag.name)' takes no body)" }
            throw problem(at: start, message)
        }
        guard let declaration = library[tag.name] else {
            var message = "unknown component '\(tag.name)'"
            if let near = Suggestion.closest(to: tag.name, in: library.names) {
                message += " — did you mean '\(near)'?"
            } else if library.isEmpty {
                message += ": there are no components in templates/components/"
            }
            throw problem(at: start, message)
        }
        try check(tag, against: declaration)
        let (line, column) = location(of: start)
        var call = ComponentCall(name: tag.name, arguments: tag.arguments, line: line, column: column, isBlock: false)
        var end = tag.end
        if declaration.hasBody {
            guard let close = try closingTag(of: tag.name, from: tag.end) else {
                throw problem(at: start, "component '\(tag.name)' is never closed: no {{< /\(tag.name) >}} after it")
            }
            call.body = String(decoding: bytes[tag.end..<close.start], as: UTF8.self)
            (call.bodyLine, call.bodyColumn) = location(of: tag.end)
            end = close.end
        }
        let lineStart = lineStarts[line - 1]
        let lineEnd = endOfLine(from: end)
        call.isBlock = isBlank(lineStart..<start) && isBlank(end..<lineEnd)
        calls.append(call)
        let placeholder = Array("![](\(ScannedText.destination(calls.count - 1)))".utf8)
        guard call.isBlock else {
            output += placeholder
            return end
        }
        // A paragraph of its own: a blank line before and after, the indentation kept (a list item's call stays in it).
        let indentation = Array(bytes[lineStart..<start])
        output.removeLast(indentation.count)
        let lastLine = self.line(of: max(end - 1, start))
        newline(nextFrom: line)
        output += indentation + placeholder
        newline(nextFrom: lastLine)
        guard lineEnd < bytes.count else { return lineEnd }
        newline(nextFrom: lastLine + 1)
        return lineEnd + 1
    }

    func check(_ tag: Tag, against declaration: ComponentDeclaration) throws(ComponentProblem) {
        var seen: Set<String> = []
        for argument in tag.arguments {
            guard declaration.arguments.contains(where: { $0.name == argument.name }) else {
                var message = "component '\(tag.name)' has no argument '\(argument.name)'"
                if let near = Suggestion.closest(to: argument.name, in: declaration.arguments.map(\.name)) {
                    message += " — did you mean '\(near)'?"
                } else {
                    let names = declaration.arguments.map(\.name)
                    message += names.isEmpty ? " (it takes none)" : " (it takes \(names.joined(separator: ", ")))"
                }
                throw ComponentProblem(line: argument.line, column: argument.column, message: message)
            }
            guard seen.insert(argument.name).inserted else {
                throw ComponentProblem(line: argument.line, column: argument.column, message: "argument '\(argument.name)' is given twice")
            }
        }
        for (name, required) in declaration.arguments where required && !seen.contains(name) {
            throw problem(at: tag.start, "component '\(tag.name)' needs the argument '\(name)'")
        }
    }

    /// The `{{< /name >}}` that closes a call whose opening tag ends at `offset`, skipping code and nested calls.
    func closingTag(of name: String, from offset: Int) throws(ComponentProblem) -> Tag? {
        var depth = 0
        var index = offset
        while index < bytes.count {
            if let end = codeEnd(at: index) {
                index = end
            } else if bytes[index] == UInt8(ascii: "\\") {
                index += 2
            } else if starts("{{<", at: index) {
                let tag = try parseTag(at: index)
                if tag.name == name {
                    if tag.closing {
                        if depth == 0 { return tag }
                        depth -= 1
                    } else {
                        depth += 1
                    }
                }
                index = tag.end
            } else {
                index += 1
            }
        }
        return nil
    }

    func skipSpace(_ index: inout Int) {
        while index < bytes.count, [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(bytes[index]) {
            index += 1
        }
    }

    func name(at index: inout Int) -> String {
        let start = index
        guard index < bytes.count, ComponentScanner.isNameStart(bytes[index]) else { return "" }
        while index < bytes.count, ComponentScanner.isNameByte(bytes[index]) { index += 1 }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    func parseTag(at start: Int) throws(ComponentProblem) -> Tag {
        var index = start + 3
        skipSpace(&index)
        let closing = index < bytes.count && bytes[index] == UInt8(ascii: "/")
        if closing { index += 1; skipSpace(&index) }
        let tagName = name(at: &index)
        guard !tagName.isEmpty else { throw problem(at: index, "expected a component name after {{<") }
        var tag = Tag(name: tagName, closing: closing, arguments: [], start: start, end: start)
        while true {
            skipSpace(&index)
            if starts(">}}", at: index) {
                tag.end = index + 3
                return tag
            }
            guard !closing else { throw problem(at: index, "expected >}} to end {{< /\(tagName)") }
            let argumentStart = index
            let argument = name(at: &index)
            guard !argument.isEmpty else {
                throw problem(at: index, index < bytes.count ? "expected name=\"value\" or >}} in the call of '\(tagName)'"
                                                              : "the call of '\(tagName)' is never ended with >}}")
            }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
                throw problem(at: index, "expected = and a quoted value after '\(argument)'")
            }
            index += 1
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
                throw problem(at: index, "expected a value in quotes after \(argument)=")
            }
            let quote = bytes[index]
            guard let close = bytes[(index + 1)...].firstIndex(of: quote) else {
                throw problem(at: index, "the value of '\(argument)' is never closed with \(quote == UInt8(ascii: "\"") ? "\"" : "'")")
            }
            let (line, column) = location(of: argumentStart)
            tag.arguments.append(.init(name: argument, value: String(decoding: bytes[(index + 1)..<close], as: UTF8.self),
                                       line: line, column: column))
            index = close + 1
        }
    }
}
