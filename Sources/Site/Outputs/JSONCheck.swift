/// Says quickly that a JSON output parses, before asking Foundation: `JSONSerialization` builds every object,
/// array and string of the text to say the same, which was most of the outputs step's time.
///
/// It follows RFC 8259 strictly and answers true only for text every strict parser accepts; for anything it is
/// not sure Foundation reads the same way (an exponent or more than fifteen digits in a number, a `\u` escape of
/// a surrogate or of NUL, nesting deeper than 100) or that does not parse, it answers nil, and the outputs step
/// asks `JSONSerialization` as before, which also words the error. `JSONCheckTests` compares the two.
enum JSONCheck {
    static let maximumDepth = 100

    /// True when `bytes` (UTF-8, as a render writes them) is one JSON value with white space around it; nil when
    /// this check cannot tell.
    static func parses(_ bytes: [UInt8]) -> Bool? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = Reader(bytes: buffer)
            reader.skipSpace()
            guard reader.value(depth: 0) else { return nil }
            reader.skipSpace()
            return reader.index == buffer.count ? true : nil
        }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func skipSpace() {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
                index += 1
            }
        }

        /// Reads one value; false when it does not parse, or is one this check leaves to Foundation.
        mutating func value(depth: Int) -> Bool {
            guard index < bytes.count, depth <= JSONCheck.maximumDepth else { return false }
            switch bytes[index] {
            case UInt8(ascii: "{"): return container(close: UInt8(ascii: "}"), depth: depth, keyed: true)
            case UInt8(ascii: "["): return container(close: UInt8(ascii: "]"), depth: depth, keyed: false)
            case UInt8(ascii: "\""): return string()
            case UInt8(ascii: "t"): return literal("true")
            case UInt8(ascii: "f"): return literal("false")
            case UInt8(ascii: "n"): return literal("null")
            default: return number()
            }
        }

        private mutating func container(close: UInt8, depth: Int, keyed: Bool) -> Bool {
            index += 1
            skipSpace()
            if index < bytes.count, bytes[index] == close {
                index += 1
                return true
            }
            while true {
                if keyed {
                    guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), string() else { return false }
                    skipSpace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return false }
                    index += 1
                    skipSpace()
                }
                guard value(depth: depth + 1) else { return false }
                skipSpace()
                guard index < bytes.count else { return false }
                if bytes[index] == close {
                    index += 1
                    return true
                }
                guard bytes[index] == UInt8(ascii: ",") else { return false }
                index += 1
                skipSpace()
            }
        }

        private mutating func string() -> Bool {
            index += 1
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    index += 1
                    return true
                }
                if byte < 0x20 { return false }
                if byte == UInt8(ascii: "\\") {
                    guard index + 1 < bytes.count else { return false }
                    switch bytes[index + 1] {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                         UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                        index += 2
                    case UInt8(ascii: "u"):
                        guard index + 5 < bytes.count else { return false }
                        var code: UInt32 = 0
                        for offset in 2...5 {
                            guard let digit = hexDigit(bytes[index + offset]) else { return false }
                            code = code << 4 | digit
                        }
                        if code == 0 || (0xD800...0xDFFF).contains(code) { return false }
                        index += 6
                    default:
                        return false
                    }
                    continue
                }
                index += 1
            }
            return false
        }

        private func hexDigit(_ byte: UInt8) -> UInt32? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
        }

        private mutating func literal(_ word: String) -> Bool {
            let count = word.utf8.count
            guard index + count <= bytes.count, bytes[index..<(index + count)].elementsEqual(word.utf8) else { return false }
            index += count
            return true
        }

        /// `-? (0 | [1-9][0-9]*) (.[0-9]+)?`, at most fifteen digits: a number every reader takes exactly.
        private mutating func number() -> Bool {
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { return false }
            var digits = 0
            if bytes[index] == UInt8(ascii: "0") {
                index += 1
                digits = 1
            } else {
                while index < bytes.count, isDigit(bytes[index]) { index += 1; digits += 1 }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard index < bytes.count, isDigit(bytes[index]) else { return false }
                while index < bytes.count, isDigit(bytes[index]) { index += 1; digits += 1 }
            }
            // An exponent, or a number a double cannot hold exactly: Foundation's to judge.
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") { return false }
            return digits <= 15
        }

        private func isDigit(_ byte: UInt8) -> Bool {
            byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
        }
    }
}
