/// The text a reader sees in a rendered Markdown body: tags dropped (each read as a space, so words in
/// adjacent cells or list items stay apart), `<script>` and `<style>` left out, character references decoded.
enum HTMLText {
    static func text(of html: String) -> String {
        var out: [UInt8] = []
        let bytes = Array(html.utf8)
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") {
                let end = bytes[index...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count
                let tag = lowercasedName(bytes, from: index + 1)
                index = end + 1
                if tag == "script" || tag == "style" {
                    index = closing(tag, in: bytes, from: index)
                }
                out.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "&"), let (decoded, length) = reference(bytes, at: index) {
                out.append(contentsOf: decoded.utf8)
                index += length
            } else {
                out.append(byte)
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func lowercasedName(_ bytes: [UInt8], from start: Int) -> String {
        var name: [UInt8] = []
        var index = start
        while index < bytes.count, name.count < 8 {
            let byte = bytes[index] | 0x20
            guard byte >= UInt8(ascii: "a"), byte <= UInt8(ascii: "z") else { break }
            name.append(byte)
            index += 1
        }
        return String(decoding: name, as: UTF8.self)
    }

    /// The index just past `</tag…>`, or the end.
    private static func closing(_ tag: String, in bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            if open + 1 < bytes.count, bytes[open + 1] == UInt8(ascii: "/"), lowercasedName(bytes, from: open + 2) == tag {
                return (bytes[open...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count - 1) + 1
            }
            index = open + 1
        }
        return bytes.count
    }

    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ",
    ]

    /// A character reference at `start` (`&amp;`, `&#39;`, `&#x2014;`) and its length; nil when it is none.
    private static func reference(_ bytes: [UInt8], at start: Int) -> (String, Int)? {
        guard let end = bytes[start..<min(bytes.count, start + 12)].firstIndex(of: UInt8(ascii: ";")) else { return nil }
        let body = String(decoding: bytes[(start + 1)..<end], as: UTF8.self)
        let length = end - start + 1
        if let text = named[body] { return (text, length) }
        guard body.hasPrefix("#") else { return nil }
        let digits = body.dropFirst()
        let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        guard let value, let scalar = Unicode.Scalar(value) else { return nil }
        return (String(scalar), length)
    }
}
