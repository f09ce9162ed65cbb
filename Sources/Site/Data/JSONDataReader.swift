import Templates

/// Reads a JSON file (RFC 8259) into a template value, keeping the order of object keys and reporting the
/// first error at its line and column. Foundation's `JSONSerialization` does neither.
///
/// Integers without a fraction or exponent that fit in 64 bits are `int`, other numbers `double`. A key
/// repeated in one object is an error (the second would silently win). Nesting is limited, as in front matter.
struct JSONDataReader {
    static let maximumDepth = 64

    private let bytes: [UInt8]
    private let file: String
    private var offset = 0
    private var line = 1
    private var lineStart = 0

    static func read(_ bytes: [UInt8], file: String) -> Result<Value, Diagnostic> {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        var reader = JSONDataReader(bytes: Array(body), file: file)
        do throws(Diagnostic) {
            reader.skipSpace()
            let value = try reader.value(depth: 0)
            reader.skipSpace()
            guard reader.offset == reader.bytes.count else { throw reader.failure("unexpected text after the JSON value") }
            return .success(value)
        } catch {
            return .failure(error)
        }
    }

    private init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    private var current: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    /// The error at the current position; columns count characters (Unicode scalars), as elsewhere.
    private func failure(_ message: String) -> Diagnostic {
        let column = String(decoding: bytes[lineStart..<min(offset, bytes.count)], as: UTF8.self).unicodeScalars.count + 1
        return Diagnostic(file: file, line: line, column: column, message: "invalid JSON: " + message)
    }

    private mutating func skipSpace() {
        while let byte = current {
            switch byte {
            case 0x20, 0x09, 0x0D: offset += 1
            case 0x0A:
                offset += 1
                line += 1
                lineStart = offset
            default: return
            }
        }
    }

    private mutating func value(depth: Int) throws(Diagnostic) -> Value {
        guard depth < Self.maximumDepth else { throw failure("nested more than \(Self.maximumDepth) levels deep") }
        switch current {
        case UInt8(ascii: "{")?: return try object(depth: depth)
        case UInt8(ascii: "[")?: return try array(depth: depth)
        case UInt8(ascii: "\"")?: return .string(try string())
        case UInt8(ascii: "t")?: return try word("true", .bool(true))
        case UInt8(ascii: "f")?: return try word("false", .bool(false))
        case UInt8(ascii: "n")?: return try word("null", .none)
        case let byte? where byte == UInt8(ascii: "-") || (0x30...0x39).contains(byte): return try number()
        case nil: throw failure("the file ends where a value was expected")
        default: throw failure("expected a value (an object, array, string, number, true, false or null)")
        }
    }

    private mutating func word(_ text: String, _ result: Value) throws(Diagnostic) -> Value {
        let expected = Array(text.utf8)
        guard bytes[offset...].starts(with: expected) else { throw failure("expected '\(text)'") }
        offset += expected.count
        return result
    }

    private mutating func object(depth: Int) throws(Diagnostic) -> Value {
        offset += 1
        var pairs = OrderedDictionary()
        var seen = Set<String>()
        skipSpace()
        if current == UInt8(ascii: "}") { offset += 1; return .dictionary(pairs) }
        while true {
            skipSpace()
            guard current == UInt8(ascii: "\"") else { throw failure("expected a key in double quotes") }
            let keyPosition = self
            let key = try string()
            guard seen.insert(key).inserted else { throw keyPosition.failure("the key \"\(key)\" is repeated in this object") }
            skipSpace()
            guard current == UInt8(ascii: ":") else { throw failure("expected ':' after the key") }
            offset += 1
            skipSpace()
            pairs[key] = try value(depth: depth + 1)
            skipSpace()
            switch current {
            case UInt8(ascii: ",")?: offset += 1
            case UInt8(ascii: "}")?: offset += 1; return .dictionary(pairs)
            default: throw failure("expected ',' or '}' after a value in an object")
            }
        }
    }

    private mutating func array(depth: Int) throws(Diagnostic) -> Value {
        offset += 1
        var items: [Value] = []
        skipSpace()
        if current == UInt8(ascii: "]") { offset += 1; return .array(items) }
        while true {
            skipSpace()
            items.append(try value(depth: depth + 1))
            skipSpace()
            switch current {
            case UInt8(ascii: ",")?: offset += 1
            case UInt8(ascii: "]")?: offset += 1; return .array(items)
            default: throw failure("expected ',' or ']' after a value in an array")
            }
        }
    }

    private mutating func number() throws(Diagnostic) -> Value {
        let start = offset
        var isInteger = true
        if current == UInt8(ascii: "-") { offset += 1 }
        guard let first = current, (0x30...0x39).contains(first) else { throw failure("expected a digit") }
        if first == UInt8(ascii: "0") {
            offset += 1
        } else {
            while let byte = current, (0x30...0x39).contains(byte) { offset += 1 }
        }
        if current == UInt8(ascii: ".") {
            isInteger = false
            offset += 1
            guard let byte = current, (0x30...0x39).contains(byte) else { throw failure("expected a digit after '.'") }
            while let byte = current, (0x30...0x39).contains(byte) { offset += 1 }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            isInteger = false
            offset += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { offset += 1 }
            guard let byte = current, (0x30...0x39).contains(byte) else { throw failure("expected a digit in the exponent") }
            while let byte = current, (0x30...0x39).contains(byte) { offset += 1 }
        }
        let text = String(decoding: bytes[start..<offset], as: UTF8.self)
        if isInteger, let integer = Int(text) { return .int(integer) }
        guard let double = Double(text), double.isFinite else { throw failure("the number \(text) is too large") }
        return .double(double)
    }

    private mutating func string() throws(Diagnostic) -> String {
        offset += 1
        var scalars = String.UnicodeScalarView()
        var run = offset  // start of the current run of plain bytes
        func flush(_ reader: JSONDataReader, to end: Int) throws(Diagnostic) -> String {
            guard let text = String(validating: reader.bytes[run..<end], as: UTF8.self) else {
                throw reader.failure("the string is not valid UTF-8 text")
            }
            return text
        }
        while true {
            guard let byte = current else { throw failure("the string is never closed") }
            switch byte {
            case UInt8(ascii: "\""):
                scalars.append(contentsOf: try flush(self, to: offset).unicodeScalars)
                offset += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                scalars.append(contentsOf: try flush(self, to: offset).unicodeScalars)
                offset += 1
                scalars.append(try escape())
                run = offset
            case 0x00..<0x20:
                throw failure("a control character (such as a line break) inside a string must be escaped")
            default:
                offset += 1
            }
        }
    }

    private mutating func escape() throws(Diagnostic) -> Unicode.Scalar {
        guard let byte = current else { throw failure("the string is never closed") }
        offset += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = try hex4()
            if (0xD800..<0xDC00).contains(high) {
                guard bytes[offset...].starts(with: [UInt8(ascii: "\\"), UInt8(ascii: "u")]) else {
                    throw failure("a \\u escape of a high surrogate must be followed by a low surrogate")
                }
                offset += 2
                let low = try hex4()
                guard (0xDC00..<0xE000).contains(low),
                      let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) else {
                    throw failure("invalid surrogate pair in a \\u escape")
                }
                return scalar
            }
            guard let scalar = Unicode.Scalar(high) else { throw failure("a lone surrogate in a \\u escape") }
            return scalar
        default:
            offset -= 1
            throw failure("unknown escape '\\\(Character(Unicode.Scalar(byte)))'")
        }
    }

    private mutating func hex4() throws(Diagnostic) -> UInt32 {
        var result: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current, let digit = Self.hexValue(byte) else { throw failure("expected four hex digits after \\u") }
            result = result * 16 + digit
            offset += 1
        }
        return result
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x30...0x39: return UInt32(byte - 0x30)
        case 0x41...0x46: return UInt32(byte - 0x41 + 10)
        case 0x61...0x66: return UInt32(byte - 0x61 + 10)
        default: return nil
        }
    }
}
