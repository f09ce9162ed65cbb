/// Splits template source into tokens: text, tag delimiters and the words inside tags.
///
/// A value-type cursor over UTF-8 bytes (like Ink's reader): it never backtracks more than a
/// few bytes, and whitespace control (`{%-`, `-%}`) is applied here, so the parser only sees
/// text that is already trimmed. Follows Jinja's lexer: one trailing newline of the source is
/// dropped, `{% raw %}` is verbatim, and `}}`/`%}` do not end a tag while a bracket is open.
struct Lexer {
    private let source: SourceFile
    private let bytes: [UInt8]
    private let end: Int
    private var position = 0
    private var tokens: [Token] = []

    init(source: SourceFile) {
        self.source = source
        bytes = source.bytes
        // Jinja's keep_trailing_newline=False: the single final newline of the source is not output.
        end = bytes.last == 0x0A ? bytes.count - 1 : bytes.count
    }

    /// Tokenizes the whole source; the last token is always `.end`.
    mutating func tokenize() throws(TemplateError) -> [Token] {
        var stripLeading = false
        while position < end {
            let tagStart = nextTagStart(from: position)
            let stripTrailing = tagStart + 2 < end && bytes[tagStart + 2] == UInt8(ascii: "-")
            appendText(from: position, to: tagStart, stripLeading: stripLeading, stripTrailing: stripTrailing)
            stripLeading = false
            position = tagStart
            guard tagStart < end else { break }
            switch bytes[tagStart + 1] {
            case UInt8(ascii: "#"):
                stripLeading = try skipComment(at: tagStart)
            case UInt8(ascii: "{"):
                stripLeading = try lexTag(at: tagStart, isBlock: false)
            default:
                let raw = isRawBegin(at: tagStart)
                if raw.isRaw {
                    stripLeading = try lexRaw(at: tagStart, contentStart: raw.contentStart)
                } else {
                    stripLeading = try lexTag(at: tagStart, isBlock: true)
                }
            }
        }
        tokens.append(Token(kind: .end, span: Span(start: end, end: end)))
        return tokens
    }

    // MARK: - Text

    private func nextTagStart(from start: Int) -> Int {
        var index = start
        while index + 1 < end {
            if bytes[index] == UInt8(ascii: "{") {
                let next = bytes[index + 1]
                if next == UInt8(ascii: "{") || next == UInt8(ascii: "%") || next == UInt8(ascii: "#") { return index }
            }
            index += 1
        }
        return end
    }

    private mutating func appendText(from start: Int, to stop: Int, stripLeading: Bool, stripTrailing: Bool) {
        guard start < stop else { return }
        var text = String(decoding: bytes[start..<stop], as: UTF8.self)
        if stripLeading { text = String(text.unicodeScalars.drop(while: Lexer.isPythonSpace)) }
        if stripTrailing {
            var scalars = Substring(text).unicodeScalars
            while let last = scalars.last, Lexer.isPythonSpace(last) { scalars.removeLast() }
            text = String(scalars)
        }
        if !text.isEmpty { tokens.append(Token(kind: .text(text), span: Span(start: start, end: stop))) }
    }

    /// Python's `str.isspace`, which decides what `-` whitespace control removes.
    static func isPythonSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    // MARK: - Comments and raw blocks

    private mutating func skipComment(at tagStart: Int) throws(TemplateError) -> Bool {
        var contentStart = tagStart + 2
        if contentStart < end, bytes[contentStart] == UInt8(ascii: "-") || bytes[contentStart] == UInt8(ascii: "+") {
            contentStart += 1
        }
        guard let close = findPair(UInt8(ascii: "#"), UInt8(ascii: "}"), from: contentStart) else {
            throw source.error(.syntax, "unclosed comment: expected '#}'", at: tagStart)
        }
        position = close + 2
        return close > contentStart && bytes[close - 1] == UInt8(ascii: "-")
    }

    /// Recognizes `{% raw %}` (with optional whitespace control), returning where its content starts.
    private func isRawBegin(at tagStart: Int) -> (isRaw: Bool, contentStart: Int) {
        guard tagStart + 1 < end, bytes[tagStart + 1] == UInt8(ascii: "%") else { return (false, 0) }
        var index = tagStart + 2
        if index < end, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
        index = skipSpaces(from: index)
        guard matches("raw", at: index) else { return (false, 0) }
        index = skipSpaces(from: index + 3)
        if matches("-%}", at: index) {
            var content = index + 3
            while content < end, bytes[content] < 0x80, Lexer.isPythonSpace(Unicode.Scalar(bytes[content])) { content += 1 }
            return (true, content)
        }
        if matches("%}", at: index) { return (true, index + 2) }
        return (false, 0)
    }

    private mutating func lexRaw(at tagStart: Int, contentStart: Int) throws(TemplateError) -> Bool {
        var search = contentStart
        while let open = findPair(UInt8(ascii: "{"), UInt8(ascii: "%"), from: search) {
            var index = open + 2
            let strip = index < end && bytes[index] == UInt8(ascii: "-")
            if index < end, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
            index = skipSpaces(from: index)
            if matches("endraw", at: index) {
                index = skipSpaces(from: index + 6)
                let closeLength = matches("-%}", at: index) || matches("+%}", at: index) ? 3 : (matches("%}", at: index) ? 2 : 0)
                if closeLength > 0 {
                    appendText(from: contentStart, to: open, stripLeading: false, stripTrailing: strip)
                    position = index + closeLength
                    return matches("-%}", at: index)
                }
            }
            search = open + 2
        }
        throw source.error(.syntax, "unclosed {% raw %}: expected {% endraw %}", at: tagStart)
    }

    // MARK: - Tags

    /// Lexes `{{ … }}` or `{% … %}`; returns whether the closing delimiter asked to strip the following text.
    private mutating func lexTag(at tagStart: Int, isBlock: Bool) throws(TemplateError) -> Bool {
        var index = tagStart + 2
        if index < end, bytes[index] == UInt8(ascii: "-") || (isBlock && bytes[index] == UInt8(ascii: "+")) { index += 1 }
        tokens.append(Token(kind: isBlock ? .blockBegin : .variableBegin, span: Span(start: tagStart, end: index)))
        position = index
        var brackets: [UInt8] = []
        let close = isBlock ? "%}" : "}}"
        let wrongClose = isBlock ? "}}" : "%}"
        while true {
            position = skipSpaces(from: position)
            guard position < end else {
                throw source.error(.syntax, "unclosed '\(isBlock ? "{%" : "{{")' tag: expected '\(close)'", at: tagStart)
            }
            if brackets.isEmpty {
                // The closing delimiter, compared as bytes: this runs before every token of every tag.
                let (first, second) = isBlock ? (UInt8(ascii: "%"), UInt8(ascii: "}")) : (UInt8(ascii: "}"), UInt8(ascii: "}"))
                let closesHere = matchesPair(first, second, at: position)
                let strip = !closesHere && bytes[position] == UInt8(ascii: "-") && matchesPair(first, second, at: position + 1)
                let keep = !closesHere && isBlock && bytes[position] == UInt8(ascii: "+") && matchesPair(first, second, at: position + 1)
                if closesHere || strip || keep {
                    let length = closesHere ? 2 : 3
                    tokens.append(Token(kind: isBlock ? .blockEnd : .variableEnd, span: Span(start: position, end: position + length)))
                    position += length
                    return strip
                }
                if matchesPair(isBlock ? UInt8(ascii: "}") : UInt8(ascii: "%"), UInt8(ascii: "}"), at: position) {
                    throw source.error(.syntax, "expected '\(close)' to close the tag opened at \(source.describe(tagStart)), found '\(wrongClose)'", at: position)
                }
            }
            try lexToken(brackets: &brackets)
        }
    }

    private mutating func lexToken(brackets: inout [UInt8]) throws(TemplateError) {
        let start = position
        let byte = bytes[position]
        if Lexer.isNameStart(byte) {
            while position < end, Lexer.isNameStart(bytes[position]) || Lexer.isDigit(bytes[position]) { position += 1 }
            let name = String(decoding: bytes[start..<position], as: UTF8.self)
            tokens.append(Token(kind: .name(name), span: Span(start: start, end: position)))
        } else if Lexer.isDigit(byte) {
            try lexNumber()
        } else if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
            try lexString(quote: byte)
        } else {
            try lexSymbol(brackets: &brackets)
        }
    }

    private mutating func lexNumber() throws(TemplateError) {
        let start = position
        // `0b…`, `0o…`, `0x…`, with `_` between digits, as in Python.
        if position + 2 < end, bytes[position] == UInt8(ascii: "0"), let radix = [UInt8(ascii: "b"): 2, UInt8(ascii: "o"): 8, UInt8(ascii: "x"): 16][bytes[position + 1] | 0x20] {
            var index = position + 2
            while index < end, bytes[index] == UInt8(ascii: "_") || (bytes[index] < 0x80 && Int(String(UnicodeScalar(bytes[index])), radix: radix) != nil) { index += 1 }
            let digits = String(decoding: bytes[(position + 2)..<index].filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)
            if let number = Int(digits, radix: radix) {
                position = index
                tokens.append(Token(kind: .integer(number), span: Span(start: start, end: position)))
                return
            }
        }
        skipDigits()
        var isFloat = false
        let afterDot = tokens.last?.kind == .symbol(".")
        if !afterDot, position + 1 < end, bytes[position] == UInt8(ascii: "."), Lexer.isDigit(bytes[position + 1]) {
            isFloat = true
            position += 1
            skipDigits()
        }
        if !afterDot, position < end, bytes[position] | 0x20 == UInt8(ascii: "e") {
            var index = position + 1
            if index < end, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            if index < end, Lexer.isDigit(bytes[index]) {
                isFloat = true
                position = index
                skipDigits()
            }
        }
        let text = String(decoding: bytes[start..<position].filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)
        let span = Span(start: start, end: position)
        if isFloat {
            guard let number = Double(text) else { throw source.error(.syntax, "invalid number '\(text)'", at: start) }
            tokens.append(Token(kind: .float(number), span: span))
        } else {
            guard let number = Int(text) else { throw source.error(.syntax, "integer literal '\(text)' is too large", at: start) }
            tokens.append(Token(kind: .integer(number), span: span))
        }
    }

    private mutating func skipDigits() {
        while position < end, Lexer.isDigit(bytes[position])
            || (bytes[position] == UInt8(ascii: "_") && position + 1 < end && Lexer.isDigit(bytes[position + 1])) {
            position += 1
        }
    }

    private mutating func lexString(quote: UInt8) throws(TemplateError) {
        let start = position
        position += 1
        var raw: [UInt8] = []
        while position < end, bytes[position] != quote {
            if bytes[position] == UInt8(ascii: "\\"), position + 1 < end {
                raw.append(bytes[position])
                position += 1
            }
            raw.append(bytes[position])
            position += 1
        }
        guard position < end else { throw source.error(.syntax, "unterminated string literal", at: start) }
        position += 1
        let text = StringLiteralDecoder.decode(String(decoding: raw, as: UTF8.self))
        tokens.append(Token(kind: .string(text), span: Span(start: start, end: position)))
    }

    private static let twoCharacterSymbols: [String] = ["//", "**", "==", "!=", "<=", ">="]
    private static let twoCharacterSymbolBytes: [(UInt8, UInt8)] = twoCharacterSymbols.map { symbol in
        let bytes = Array(symbol.utf8)
        return (bytes[0], bytes[1])
    }
    private static let oneCharacterSymbols: Set<UInt8> = Set("+-*/%~[](){}<>=.:|,;".utf8)

    private mutating func lexSymbol(brackets: inout [UInt8]) throws(TemplateError) {
        let start = position
        if position + 1 < end {
            let pair = (bytes[position], bytes[position + 1])
            for (index, symbol) in Lexer.twoCharacterSymbolBytes.enumerated() where symbol == pair {
                position += 2
                tokens.append(Token(kind: .symbol(Lexer.twoCharacterSymbols[index]), span: Span(start: start, end: position)))
                return
            }
        }
        let byte = bytes[position]
        guard Lexer.oneCharacterSymbols.contains(byte) else {
            let scalar = String(decoding: bytes[position..<min(end, position + Lexer.scalarLength(byte))], as: UTF8.self)
            throw source.error(.syntax, "unexpected character '\(scalar)'", at: position)
        }
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
            brackets.append(byte)
        case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
            let expected: UInt8 = byte == UInt8(ascii: ")") ? UInt8(ascii: "(") : (byte == UInt8(ascii: "]") ? UInt8(ascii: "[") : UInt8(ascii: "{"))
            guard brackets.last == expected else {
                throw source.error(.syntax, "unexpected '\(Character(Unicode.Scalar(byte)))'", at: position)
            }
            brackets.removeLast()
        default:
            break
        }
        position += 1
        tokens.append(Token(kind: .symbol(String(Character(Unicode.Scalar(byte)))), span: Span(start: start, end: position)))
    }

    // MARK: - Byte helpers

    private func matches(_ text: String, at index: Int) -> Bool {
        var offset = index
        for byte in text.utf8 {
            guard offset < end, bytes[offset] == byte else { return false }
            offset += 1
        }
        return true
    }

    /// Whether the two bytes at `index` are `first` and `second`.
    private func matchesPair(_ first: UInt8, _ second: UInt8, at index: Int) -> Bool {
        index + 1 < end && bytes[index] == first && bytes[index + 1] == second
    }

    /// Where the two bytes `first` and `second` are next, from `start` (a comment's or a raw block's end).
    private func findPair(_ first: UInt8, _ second: UInt8, from start: Int) -> Int? {
        var index = start
        while index + 1 < end {
            if bytes[index] == first && bytes[index + 1] == second { return index }
            index += 1
        }
        return nil
    }

    private func skipSpaces(from start: Int) -> Int {
        var index = start
        while index < end, bytes[index] == 0x20 || (bytes[index] >= 0x09 && bytes[index] <= 0x0D) { index += 1 }
        return index
    }

    private static func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func scalarLength(_ byte: UInt8) -> Int {
        byte < 0x80 ? 1 : (byte < 0xE0 ? 2 : (byte < 0xF0 ? 3 : 4))
    }
}
