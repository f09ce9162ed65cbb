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
        output += "\""
        for unit in text.utf16 {
            switch unit {
            case 0x22: output += "\\\""
            case 0x5C: output += "\\\\"
            case 0x0A: output += "\\n"
            case 0x0D: output += "\\r"
            case 0x09: output += "\\t"
            case 0x08: output += "\\b"
            case 0x0C: output += "\\f"
            case 0x3C: output += "\\u003c"
            case 0x3E: output += "\\u003e"
            case 0x26: output += "\\u0026"
            case 0x27: output += "\\u0027"
            case 0x20..<0x7F: output.unicodeScalars.append(Unicode.Scalar(UInt8(unit)))
            default:
                let hex = String(unit, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
        }
        output += "\""
    }
}
