/// Serializes values as JSON that is safe inside HTML, like Jinja's `tojson`.
///
/// Output matches Python's `json.dumps` (ASCII only, `", "` and `": "` separators, floats as
/// Python prints them) followed by Jinja's `htmlsafe_json_dumps`, which escapes `< > & '` as
/// `\u003c` etc. so the JSON can sit in a `<script>` element or an attribute.
enum JSONWriter {
    static func write(_ value: Value, sortKeys: Bool, indent: Int?) -> String {
        var output = ""
        write(value, sortKeys: sortKeys, indent: indent, level: 0, into: &output)
        return output
    }

    private static func write(_ value: Value, sortKeys: Bool, indent: Int?, level: Int, into output: inout String) {
        switch value {
        case .none: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .int(let number): output += String(number)
        case .double(let number):
            if number.isNaN { output += "NaN" } else if number.isInfinite { output += number < 0 ? "-Infinity" : "Infinity" } else {
                output += PythonFloatFormatter.format(number)
            }
        case .string(let text), .safe(let text): writeString(text, into: &output)
        case .array(let items):
            writeContainer(open: "[", close: "]", count: items.count, indent: indent, level: level, into: &output) { index, output in
                write(items[index], sortKeys: sortKeys, indent: indent, level: level + 1, into: &output)
            }
        case .dictionary(let mapping):
            var order = Array(mapping.keys.indices)
            if sortKeys { order.sort { Value.compareCodePoints(mapping.keys[$0], mapping.keys[$1]) < 0 } }
            writeContainer(open: "{", close: "}", count: order.count, indent: indent, level: level, into: &output) { index, output in
                writeString(mapping.keys[order[index]], into: &output)
                output += ": "
                write(mapping.values[order[index]], sortKeys: sortKeys, indent: indent, level: level + 1, into: &output)
            }
        }
    }

    private static func writeContainer(open: String, close: String, count: Int, indent: Int?, level: Int, into output: inout String,
                                       item: (Int, inout String) -> Void) {
        output += open
        guard count > 0 else {
            output += close
            return
        }
        for index in 0..<count {
            if let indent {
                output += (index == 0 ? "" : ",") + "\n" + String(repeating: " ", count: indent * (level + 1))
            } else if index > 0 {
                output += ", "
            }
            item(index, &output)
        }
        if let indent { output += "\n" + String(repeating: " ", count: indent * level) }
        output += close
    }

    private static func writeString(_ text: String, into output: inout String) {
        // Most strings (titles, URLs, dates) need no escape at all: then they go out between quotes as they are.
        if text.utf8.withContiguousStorageIfAvailable(needsNoEscape) ?? false {
            output += "\""
            output += text
            output += "\""
            return
        }
        writeEscapedString(text, into: &output)
    }

    /// Whether every byte is printable ASCII that `writeEscapedString` writes as itself.
    private static func needsNoEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes {
            switch byte {
            case 0x22, 0x5C, 0x3C, 0x3E, 0x26, 0x27: return false
            case 0x20..<0x7F: continue
            default: return false
            }
        }
        return true
    }

    private static func writeEscapedString(_ text: String, into output: inout String) {
        // Built as bytes and appended once: appending scalar by scalar to a String costs far more.
        var bytes: [UInt8] = [UInt8(ascii: "\"")]
        // A Chinese string's every character is six bytes of escape.
        bytes.reserveCapacity(text.utf8.count * 2 + 2)
        func append(_ escape: StaticString) {
            escape.withUTF8Buffer { bytes.append(contentsOf: $0) }
        }
        let hex = hexDigits
        func appendUnit(_ unit: UInt32) {
            bytes.append(UInt8(ascii: "\\"))
            bytes.append(UInt8(ascii: "u"))
            bytes.append(hex[Int((unit >> 12) & 0xF)])
            bytes.append(hex[Int((unit >> 8) & 0xF)])
            bytes.append(hex[Int((unit >> 4) & 0xF)])
            bytes.append(hex[Int(unit & 0xF)])
        }
        // On the UTF-8 bytes (a `String`'s are valid): ASCII byte by byte, any other scalar decoded from its
        // bytes and written as its UTF-16 units, as iterating `unicodeScalars` and `utf16` did, more slowly.
        var text = text
        text.withUTF8 { utf8 in
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                switch byte {
                case 0x22: append("\\\"")
                case 0x5C: append("\\\\")
                case 0x0A: append("\\n")
                case 0x0D: append("\\r")
                case 0x09: append("\\t")
                case 0x08: append("\\b")
                case 0x0C: append("\\f")
                case 0x3C: append("\\u003c")
                case 0x3E: append("\\u003e")
                case 0x26: append("\\u0026")
                case 0x27: append("\\u0027")
                case 0x20..<0x7F: bytes.append(byte)
                case 0..<0x80: appendUnit(UInt32(byte))
                default:
                    let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                    var scalar = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                    for offset in 1..<length where index + offset < utf8.count {
                        scalar = scalar << 6 | UInt32(utf8[index + offset] & 0x3F)
                    }
                    if scalar >= 0x10000 {
                        let value = scalar - 0x10000
                        appendUnit(0xD800 + (value >> 10))
                        appendUnit(0xDC00 + (value & 0x3FF))
                    } else {
                        appendUnit(scalar)
                    }
                    index += length
                    continue
                }
                index += 1
            }
        }
        bytes.append(UInt8(ascii: "\""))
        output += String(decoding: bytes, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
