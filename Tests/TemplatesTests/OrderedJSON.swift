import Templates

/// A small JSON reader that keeps object keys in source order.
///
/// Foundation's `JSONSerialization` returns unordered dictionaries, but Jinja (Python dicts)
/// iterates mappings in insertion order, so fixtures must keep the order they were written in.
struct OrderedJSON {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let scalars: [Unicode.Scalar]
    private var position = 0

    static func parse(_ text: String) throws -> Value {
        var reader = OrderedJSON(scalars: Array(text.unicodeScalars))
        reader.skipSpaces()
        if reader.position == reader.scalars.count { return .dictionary(OrderedDictionary()) }
        let value = try reader.readValue()
        reader.skipSpaces()
        guard reader.position == reader.scalars.count else { throw Failure(description: "trailing characters at \(reader.position)") }
        return value
    }

    private init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

    private mutating func skipSpaces() {
        while position < scalars.count, [" ", "\n", "\r", "\t"].contains(scalars[position]) { position += 1 }
    }

    private mutating func expect(_ scalar: Unicode.Scalar) throws {
        skipSpaces()
        guard position < scalars.count, scalars[position] == scalar else { throw Failure(description: "expected \(scalar) at \(position)") }
        position += 1
    }

    private mutating func readValue() throws -> Value {
        skipSpaces()
        guard position < scalars.count else { throw Failure(description: "unexpected end") }
        switch scalars[position] {
        case "{":
            position += 1
            var mapping = OrderedDictionary()
            skipSpaces()
            if scalars[position] == "}" { position += 1; return .dictionary(mapping) }
            repeat {
                skipSpaces()
                guard case .string(let key) = try readValue() else { throw Failure(description: "object key must be a string") }
                try expect(":")
                mapping[key] = try readValue()
                skipSpaces()
            } while try consumeComma()
            try expect("}")
            return .dictionary(mapping)
        case "[":
            position += 1
            var items: [Value] = []
            skipSpaces()
            if scalars[position] == "]" { position += 1; return .array(items) }
            repeat {
                items.append(try readValue())
                skipSpaces()
            } while try consumeComma()
            try expect("]")
            return .array(items)
        case "\"":
            return .string(try readString())
        case "t": try readWord("true"); return .bool(true)
        case "f": try readWord("false"); return .bool(false)
        case "n": try readWord("null"); return .none
        default:
            return try readNumber()
        }
    }

    private mutating func consumeComma() throws -> Bool {
        guard position < scalars.count, scalars[position] == "," else { return false }
        position += 1
        return true
    }

    private mutating func readWord(_ word: String) throws {
        for scalar in word.unicodeScalars {
            guard position < scalars.count, scalars[position] == scalar else { throw Failure(description: "expected \(word)") }
            position += 1
        }
    }

    private mutating func readNumber() throws -> Value {
        let start = position
        while position < scalars.count, "-+.eE0123456789".unicodeScalars.contains(scalars[position]) { position += 1 }
        let text = String(String.UnicodeScalarView(scalars[start..<position]))
        if !text.contains("."), !text.lowercased().contains("e"), let number = Int(text) { return .int(number) }
        guard let number = Double(text) else { throw Failure(description: "bad number \(text)") }
        return .double(number)
    }

    private mutating func readString() throws -> String {
        position += 1
        var result = String.UnicodeScalarView()
        var pendingHighSurrogate: UInt32?
        while position < scalars.count, scalars[position] != "\"" {
            var scalar = scalars[position]
            position += 1
            if scalar == "\\" {
                guard position < scalars.count else { break }
                let escape = scalars[position]
                position += 1
                switch escape {
                case "n": scalar = "\n"
                case "t": scalar = "\t"
                case "r": scalar = "\r"
                case "b": scalar = "\u{08}"
                case "f": scalar = "\u{0C}"
                case "u":
                    let hex = String(String.UnicodeScalarView(scalars[position..<min(position + 4, scalars.count)]))
                    position += 4
                    guard let code = UInt32(hex, radix: 16) else { throw Failure(description: "bad \\u escape") }
                    if (0xD800..<0xDC00).contains(code) { pendingHighSurrogate = code; continue }
                    if (0xDC00..<0xE000).contains(code), let high = pendingHighSurrogate {
                        pendingHighSurrogate = nil
                        guard let combined = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00)) else { continue }
                        scalar = combined
                    } else {
                        guard let decoded = Unicode.Scalar(code) else { continue }
                        scalar = decoded
                    }
                default: scalar = escape
                }
            }
            result.append(scalar)
        }
        position += 1
        return String(result)
    }
}
