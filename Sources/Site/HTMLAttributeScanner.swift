import Foundation
import Markdown

/// Pulls link targets and element ids out of HTML bytes without building a DOM.
///
/// It recognises `name="value"`, `name='value'` and unquoted values inside tags, skips comments and the
/// contents of `<script>` and `<style>`, and decodes the character references that can appear in URLs and
/// ids (`&amp;`, `&quot;`, `&#39;`, numeric ones). It works on bytes and makes strings only for the rare
/// link or id that holds a character reference: it runs over every page of every build (about 200 MB of HTML
/// for 10,000 events), so it must cost little more than reading the page.
///
/// It runs in the link check, over pages read back from memory. Scanning each page in the render worker
/// instead, right after rendering it while its bytes were still in the core's cache, was measured and did
/// not pay: the scan is bound by its own work (about 1.1 GB/s per core), not by reading the page, so
/// the time moved from the link check into rendering and the two steps together took as long as before.
enum HTMLAttributeScanner {
    /// One attribute value: an `href` or `src`, or an `id` or `name`.
    enum Value: Sendable, Equatable {
        /// The value is exactly these bytes of the page (no character reference in it).
        case bytes(Range<Int>)
        /// The value held a character reference: here it is decoded.
        case decoded(String)
    }

    /// What one page links to and which ids it defines.
    struct Result: Sendable {
        /// `href` and `src` values, in document order. Most are byte ranges of the page, so that a link that
        /// turns out fine never becomes a `String`.
        var links: [Value] = []
        /// `id` and `name` values, in document order, kept the same way: most pages are never the target of a
        /// fragment link, so their ids need never become strings (a set of strings per page was 140,000
        /// strings for 10,000 events). A page has a few dozen, searched in turn when a link names one.
        var ids: [Value] = []
        /// The `href` of each `<base>` element (entities decoded), kept apart from `links`: it is not a link
        /// but what the page's relative links resolve against.
        var bases: [String] = []
        /// The ids again as a set, made only for a page with more than `indexedIDCount` of them (50,000 equal
        /// headings get 50,000 ids, each the target of its heading's own link: searched in turn, that was
        /// quadratic). Strings hash by canonical equivalence, so the answer is the same as the search's.
        var idSet: Set<String>?
        /// Attributes that would run a script (see `ScriptAttribute`), in document order; almost always none.
        var scripts: [ScriptAttribute] = []

        /// The link values as strings, exactly as written (entities decoded).
        func linkValues(in page: Data) -> [String] {
            links.map { Self.text(of: $0, in: page) }
        }

        /// The id values as strings (entities decoded).
        func idValues(in page: Data) -> [String] {
            ids.map { Self.text(of: $0, in: page) }
        }

        /// Whether `page`, the bytes this result was scanned from, has an element whose id is `id`, by
        /// `String`'s equality (canonical equivalence), as a set of the ids would answer.
        func hasID(_ id: String, in page: Data) -> Bool {
            // Two ASCII strings are equal exactly when their bytes are: then bytes decide, without making a
            // string. Anything else goes by `String`, for which "\u{212A}" (KELVIN SIGN) equals "K".
            if let idSet { return idSet.contains(id) }
            let asciiID = id.isAllASCII
            return page.withUnsafeBytes { raw in
                let bytes = raw.bindMemory(to: UInt8.self)
                for value in ids {
                    switch value {
                    case .decoded(let text):
                        if text == id { return true }
                    case .bytes(let range):
                        let candidate = UnsafeBufferPointer(rebasing: bytes[range])
                        if asciiID, candidate.allSatisfy({ $0 < 0x80 }) {
                            if SitePath.sameBytes(candidate, id) { return true }
                        } else if String(decoding: candidate, as: UTF8.self) == id {
                            return true
                        }
                    }
                }
                return false
            }
        }

        private static func text(of value: Value, in page: Data) -> String {
            switch value {
            case .bytes(let range): String(decoding: page[page.startIndex + range.lowerBound ..< page.startIndex + range.upperBound],
                                           as: UTF8.self)
            case .decoded(let text): text
            }
        }
    }

    /// How many ids a page may have before its `Result` keeps them in a set as well.
    static let indexedIDCount = 256

    static func scan(_ data: Data) -> Result {
        var result = Result()
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let base = bytes.baseAddress else { return }
            var i = 0
            let n = bytes.count
            while i < n {
                // memchr is vectorised: most of a page is text between tags.
                guard let found = memchr(base + i, Int32(UInt8(ascii: "<")), n - i) else { break }
                i = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if i + 3 < n, bytes[i + 1] == UInt8(ascii: "!"), bytes[i + 2] == UInt8(ascii: "-"), bytes[i + 3] == UInt8(ascii: "-") {
                    i = skip(past: "-->", in: bytes, from: i + 4)
                    continue
                }
                var j = i + 1
                let nameStart = j
                while j < n, isNameByte(bytes[j]) { j += 1 }
                if j == nameStart { i += 1; continue }
                let rawText: StaticString? = matches(bytes, nameStart, j, "script") ? "</script"
                    : matches(bytes, nameStart, j, "style") ? "</style" : nil
                let isBase = matches(bytes, nameStart, j, "base")
                let isMeta = matches(bytes, nameStart, j, "meta")
                var refresh = (isRefresh: false, content: nil as Range<Int>?)
                while j < n, bytes[j] != UInt8(ascii: ">") {
                    while j < n, isSpace(bytes[j]) || bytes[j] == UInt8(ascii: "/") { j += 1 }
                    let attrStart = j
                    while j < n, !isSpace(bytes[j]), bytes[j] != UInt8(ascii: "="), bytes[j] != UInt8(ascii: ">"),
                          bytes[j] != UInt8(ascii: "/") { j += 1 }
                    let attrEnd = j
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
                        j = index(of: quote, in: bytes, from: j)
                        valueEnd = j
                        if j < n { j += 1 }
                    } else {
                        while j < n, !isSpace(bytes[j]), bytes[j] != UInt8(ascii: ">") { j += 1 }
                        valueEnd = j
                    }
                    let isLink = matches(bytes, attrStart, attrEnd, "href") || matches(bytes, attrStart, attrEnd, "src")
                    let isID = !isLink && (matches(bytes, attrStart, attrEnd, "id") || matches(bytes, attrStart, attrEnd, "name"))
                    let value = UnsafeBufferPointer(rebasing: bytes[valueStart..<valueEnd])
                    guard isLink || isID else {
                        ScriptAttribute.inspect(bytes, name: attrStart..<attrEnd, value: value, isMeta: isMeta,
                                                refresh: &refresh, into: &result.scripts)
                        continue
                    }
                    if isBase {
                        if matches(bytes, attrStart, attrEnd, "href") { result.bases.append(decodeReferences(String(decoding: value, as: UTF8.self))) }
                        continue
                    }
                    let found: Value = value.contains(UInt8(ascii: "&"))
                        ? .decoded(decodeReferences(String(decoding: value, as: UTF8.self))) : .bytes(valueStart..<valueEnd)
                    if isLink { result.links.append(found) } else { result.ids.append(found) }
                }
                if refresh.isRefresh, let content = refresh.content,
                   let found = ScriptAttribute.refreshTarget(ScriptAttribute.content(bytes, content)) {
                    result.scripts.append(found)
                }
                i = j + 1
                if let rawText { i = skip(past: rawText, in: bytes, from: i) }
            }
        }
        if result.ids.count > indexedIDCount { result.idSet = Set(result.idValues(in: data)) }
        return result
    }

    /// Whether `bytes[start..<end]` spells `word`, ignoring ASCII case.
    static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ word: StaticString) -> Bool {
        guard end - start == word.utf8CodeUnitCount else { return false }
        let letters = word.utf8Start
        for k in 0..<(end - start) where bytes[start + k] | 0x20 != letters[k] {
            return false
        }
        return true
    }

    private static func skip(past marker: StaticString, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let count = marker.utf8CodeUnitCount
        let letters = marker.utf8Start
        var i = start
        while i + count <= bytes.count {
            // The markers start with "<" or "-", which match only themselves: jump to the next one.
            i = index(of: letters[0], in: bytes, from: i)
            guard i + count <= bytes.count else { break }
            var found = true
            for k in 0..<count where bytes[i + k] | (letters[k] >= 0x61 ? 0x20 : 0) != letters[k] {
                found = false
                break
            }
            if found { return i + count }
            i += 1
        }
        return bytes.count
    }

    /// The index of the first `byte` at or after `start`, or `bytes.count`; memchr is vectorised.
    private static func index(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard start < bytes.count, let base = bytes.baseAddress,
              let found = memchr(base + start, Int32(byte), bytes.count - start) else { return bytes.count }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
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
        // Searched in the string's buffer: through its UTF-8 view, a byte at a time, this was 1,300 instructions a
        // value (a `<meta>` description), 16 million over the link check of 1,000 events.
        let ampersand = UInt8(ascii: "&")
        guard value.utf8.withContiguousStorageIfAvailable({ $0.contains(ampersand) }) ?? value.utf8.contains(ampersand) else {
            return value
        }
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
