import Foundation

/// Pulls attribute values out of HTML bytes without building a DOM.
///
/// It recognises `name="value"`, `name='value'` and unquoted values, after whitespace inside a tag,
/// skips comments, `<script>` and `<style>` contents, and decodes the character references that
/// can appear in URLs and ids (`&amp;`, `&quot;`, `&#39;`, numeric ones).
enum HTMLAttributeScanner {
    static func values(in data: Data, named names: Set<String>) -> [String] {
        var results: [String] = []
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var i = 0
            let n = bytes.count
            while i < n {
                guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
                if i + 3 < n, bytes[i + 1] == UInt8(ascii: "!"), bytes[i + 2] == UInt8(ascii: "-"), bytes[i + 3] == UInt8(ascii: "-") {
                    i = skip(past: Array("-->".utf8), in: bytes, from: i + 4)
                    continue
                }
                // Tag name.
                var j = i + 1
                let nameStart = j
                while j < n, isNameByte(bytes[j]) { j += 1 }
                let tagName = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<j]), as: UTF8.self).lowercased()
                if tagName.isEmpty { i += 1; continue }
                // Attributes until '>'.
                while j < n, bytes[j] != UInt8(ascii: ">") {
                    while j < n, isSpace(bytes[j]) || bytes[j] == UInt8(ascii: "/") { j += 1 }
                    let attrStart = j
                    while j < n, !isSpace(bytes[j]), bytes[j] != UInt8(ascii: "="), bytes[j] != UInt8(ascii: ">"), bytes[j] != UInt8(ascii: "/") { j += 1 }
                    let attrName = String(decoding: UnsafeBufferPointer(rebasing: bytes[attrStart..<j]), as: UTF8.self).lowercased()
                    while j < n, isSpace(bytes[j]) { j += 1 }
                    guard j < n, bytes[j] == UInt8(ascii: "=") else {
                        if j == attrStart { j += 1 }
                        continue
                    }
                    j += 1
                    while j < n, isSpace(bytes[j]) { j += 1 }
                    var valueStart = j
                    var valueEnd = j
                    if j < n, bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") {
                        let quote = bytes[j]
                        valueStart = j + 1
                        j = valueStart
                        while j < n, bytes[j] != quote { j += 1 }
                        valueEnd = j
                        if j < n { j += 1 }
                    } else {
                        while j < n, !isSpace(bytes[j]), bytes[j] != UInt8(ascii: ">") { j += 1 }
                        valueEnd = j
                    }
                    if names.contains(attrName) {
                        let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<valueEnd]), as: UTF8.self)
                        results.append(decodeReferences(value))
                    }
                }
                i = j + 1
                if tagName == "script" || tagName == "style" {
                    i = skip(past: Array("</\(tagName)".utf8), in: bytes, from: i)
                }
            }
        }
        return results
    }

    private static func skip(past marker: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        while i + marker.count <= bytes.count {
            var matches = true
            for k in 0..<marker.count where bytes[i + k] != marker[k] {
                matches = false
                break
            }
            if matches { return i + marker.count }
            i += 1
        }
        return bytes.count
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":")
    }

    /// Decodes the character references our own output uses inside attribute values.
    static func decodeReferences(_ value: String) -> String {
        guard value.contains("&") else { return value }
        var out = ""
        var rest = Substring(value)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[amp...]
            guard let semi = after.firstIndex(of: ";"), after.distance(from: amp, to: semi) <= 10 else {
                out += "&"
                rest = rest[rest.index(after: amp)...]
                continue
            }
            let entity = after[after.index(after: amp)..<semi]
            if let decoded = decodeEntity(entity) {
                out += decoded
            } else {
                out += after[amp...semi]
            }
            rest = rest[rest.index(after: semi)...]
        }
        return out + rest
    }

    private static func decodeEntity(_ entity: Substring) -> String? {
        switch entity {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default: break
        }
        guard entity.hasPrefix("#") else { return nil }
        let digits = entity.dropFirst()
        let value: UInt32?
        if digits.hasPrefix("x") || digits.hasPrefix("X") {
            value = UInt32(digits.dropFirst(), radix: 16)
        } else {
            value = UInt32(digits)
        }
        return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
    }
}
