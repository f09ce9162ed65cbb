import Foundation

/// String filters with Python's exact semantics (`title`, `capitalize`, `truncate`, `striptags`, …).
///
/// Lengths and positions count Unicode code points, as Python's `str` does.
enum TextFilters {
    static func strip(_ text: String, characters: String? = nil) -> String {
        let isStripped: (Unicode.Scalar) -> Bool
        if let characters {
            let set = Set(characters.unicodeScalars)
            isStripped = { set.contains($0) }
        } else {
            isStripped = Lexer.isPythonSpace
        }
        var scalars = Substring(text).unicodeScalars
        while let first = scalars.first, isStripped(first) { scalars.removeFirst() }
        while let last = scalars.last, isStripped(last) { scalars.removeLast() }
        return String(scalars)
    }

    /// Python's `str.capitalize`: first character upper case, the rest lower case.
    static func capitalize(_ text: String) -> String {
        guard let first = text.first else { return text }
        return String(first).uppercased() + text.dropFirst().lowercased()
    }

    /// Jinja's `title`: words start after runs of whitespace, `-`, `(`, `{`, `[` or `<`;
    /// each word's first character is upper-cased and the rest lower-cased.
    static func title(_ text: String) -> String {
        if let ascii = asciiTitle(text) { return ascii }
        var result = String.UnicodeScalarView()
        var atWordStart = true
        for scalar in text.unicodeScalars {
            if Lexer.isPythonSpace(scalar) || "-({[<".unicodeScalars.contains(scalar) {
                result.append(scalar)
                atWordStart = true
            } else {
                appendCased(scalar, upper: atWordStart, to: &result)
                atWordStart = false
            }
        }
        return String(result)
    }

    /// `title` for pure-ASCII text, on bytes (most titles); nil when the text has other characters.
    private static func asciiTitle(_ text: String) -> String? {
        var bytes = Array(text.utf8)
        var atWordStart = true
        for index in bytes.indices {
            let byte = bytes[index]
            guard byte < 0x80 else { return nil }
            switch byte {
            case 0x09...0x0D, 0x1C...0x20, UInt8(ascii: "-"), UInt8(ascii: "("), UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "<"):
                atWordStart = true
            case UInt8(ascii: "a")...UInt8(ascii: "z"):
                if atWordStart { bytes[index] = byte - 32 }
                atWordStart = false
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if !atWordStart { bytes[index] = byte + 32 }
                atWordStart = false
            default:
                atWordStart = false
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the upper- or lower-case mapping of `scalar` (ASCII without a table lookup).
    private static func appendCased(_ scalar: Unicode.Scalar, upper: Bool, to result: inout String.UnicodeScalarView) {
        if scalar.isASCII {
            let value = scalar.value
            if upper, value >= 0x61, value <= 0x7A {
                result.append(Unicode.Scalar(UInt8(value - 32)))
            } else if !upper, value >= 0x41, value <= 0x5A {
                result.append(Unicode.Scalar(UInt8(value + 32)))
            } else {
                result.append(scalar)
            }
        } else {
            result.append(contentsOf: (upper ? scalar.properties.uppercaseMapping : scalar.properties.lowercaseMapping).unicodeScalars)
        }
    }

    /// Python's `str.replace(old, new, count)`; an empty `old` inserts `new` between characters.
    static func replace(_ text: String, _ old: String, _ new: String, count: Int) throws(EvaluationFailure) -> String {
        if count == 0 { return text }
        // The most insertions possible, so a huge result fails before it is built.
        let insertions = old.isEmpty ? text.unicodeScalars.count + 1 : text.utf8.count / old.utf8.count
        let bound = count < 0 ? insertions : min(count, insertions)
        if new.utf8.count > old.utf8.count, text.utf8.count + bound * (new.utf8.count - old.utf8.count) > Value.maxBuiltLength {
            throw EvaluationFailure("replace result would be too large", kind: .limitExceeded)
        }
        if old.isEmpty {
            var result = ""
            var remaining = count
            for scalar in text.unicodeScalars {
                if remaining != 0 { result += new; remaining -= 1 }
                result.unicodeScalars.append(scalar)
            }
            if remaining != 0 { result += new }
            return result
        }
        let source = Array(text.utf8)
        let pattern = Array(old.utf8)
        var output: [UInt8] = []
        var index = 0
        var replaced = 0
        while index < source.count {
            if count < 0 || replaced < count, index + pattern.count <= source.count,
               source[index..<index + pattern.count].elementsEqual(pattern) {
                output.append(contentsOf: new.utf8)
                index += pattern.count
                replaced += 1
            } else {
                output.append(source[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Jinja's `truncate`: keeps text within `length + leeway`, else cuts at `length - len(end)`
    /// (at the last space unless `killWords`) and appends `end`.
    static func truncate(_ text: String, length: Int, killWords: Bool, end: String, leeway: Int) throws(EvaluationFailure) -> (text: String, truncated: Bool) {
        let endLength = end.unicodeScalars.count
        guard length >= endLength else { throw EvaluationFailure("truncate: expected length >= \(endLength), got \(length)") }
        guard leeway >= 0 else { throw EvaluationFailure("truncate: expected leeway >= 0, got \(leeway)") }
        // A string has at least as many UTF-8 bytes as scalars: short texts need no counting.
        let allowed = length.addingReportingOverflow(leeway)
        if allowed.overflow || text.utf8.count <= allowed.partialValue || text.unicodeScalars.count <= allowed.partialValue {
            return (text, false)
        }
        let scalars = text.unicodeScalars
        let cut = scalars.index(scalars.startIndex, offsetBy: length - endLength)
        var kept = Substring(scalars[..<cut])
        if !killWords, let space = kept.unicodeScalars.lastIndex(of: " ") { kept = Substring(kept.unicodeScalars[..<space]) }
        return (String(kept), true)
    }

    /// MarkupSafe's `striptags`: drop comments and tags, collapse whitespace, unescape entities.
    ///
    /// As MarkupSafe 3.0.4 does it, in one pass over UTF-8 bytes: at each `<`, a comment runs to the next
    /// `-->` after its `<!--`, any other tag to the next `>`; at the first one left open, the rest of the
    /// text is kept as it is. (MarkupSafe 3.0.3 and earlier removed all comments first and then all
    /// tags, which differs only on malformed markup such as `<!-->`.)
    static func stripTags(_ html: String) -> String {
        // Most inputs are a page's plain summary, which comes back unchanged: it runs twice per page.
        isAlreadyStripped(html) ? html : stripTagsFully(html)
    }

    /// `stripTags` without its shortcut (the tests hold the two to the same results).
    static func stripTagsFully(_ html: String) -> String {
        let bytes = Array(html.utf8)
        let commentEnd: [UInt8] = Array("-->".utf8)
        var kept: [UInt8] = []
        kept.reserveCapacity(bytes.count)
        var position = 0
        while let start = bytes[position...].firstIndex(of: UInt8(ascii: "<")) {
            let end: Int
            if bytes[start...].starts(with: "<!--".utf8) {
                guard let close = search(commentEnd, in: bytes, from: start + 4) else { break }
                end = close + 3
            } else {
                guard let close = bytes[start...].firstIndex(of: UInt8(ascii: ">")) else { break }
                end = close + 1
            }
            kept.append(contentsOf: bytes[position..<start])
            position = end
        }
        kept.append(contentsOf: bytes[position...])
        return HTMLUnescaper.unescape(collapsingWhitespace(String(decoding: kept, as: UTF8.self)))
    }

    /// Whether `stripTags` would return `text` as it is: ASCII without `<` or `&`, and no whitespace but
    /// single spaces between words (Python's `split()` also splits at U+001C–U+001F, so those fail it too).
    private static func isAlreadyStripped(_ text: String) -> Bool {
        // Over the string's buffer when it has one: iterating the UTF-8 view itself cost several times more.
        text.utf8.withContiguousStorageIfAvailable(isAlreadyStripped) ?? isAlreadyStripped(text.utf8)
    }

    private static func isAlreadyStripped<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
        var previousWasSpace = true  // a leading space fails
        var isEmpty = true
        for byte in bytes {
            isEmpty = false
            switch byte {
            case UInt8(ascii: " "):
                if previousWasSpace { return false }
                previousWasSpace = true
                continue
            case UInt8(ascii: "<"), UInt8(ascii: "&"), 0x09...0x0D, 0x1C...0x1F, 0x80...:
                return false
            default:
                previousWasSpace = false
            }
        }
        return !previousWasSpace || isEmpty
    }

    /// Python's `" ".join(text.split())`.
    ///
    /// Over the string's UTF-8 buffer, decoding only non-ASCII scalars (walking `unicodeScalars` cost five
    /// times as much); the tests hold it to `collapsingWhitespaceByScalars`.
    static func collapsingWhitespace(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            var run = -1  // where the word being read starts, copied into `out` as a whole at its end
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                let isSpace: Bool
                if length == 1 {
                    isSpace = (lead >= 0x09 && lead <= 0x0D) || (lead >= 0x1C && lead <= 0x20)
                } else {
                    // A string's UTF-8 is valid: the lead byte says how many continuation bytes follow.
                    var value = UInt32(lead & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07))
                    for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
                    isSpace = Unicode.Scalar(value).map(Lexer.isPythonSpace) ?? false
                }
                if isSpace {
                    if run >= 0 {
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                        run = -1
                    }
                    pendingSpace = !out.isEmpty
                } else if run < 0 {
                    if pendingSpace { out.append(UInt8(ascii: " ")) }
                    pendingSpace = false
                    run = index
                }
                index += length
            }
            if run >= 0 { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...])) }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// `collapsingWhitespace` scalar by scalar: the rule it keeps to.
    static func collapsingWhitespaceByScalars(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if Lexer.isPythonSpace(scalar) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(UInt8(ascii: " ")) }
            pendingSpace = false
            if scalar.isASCII { out.append(UInt8(scalar.value)) } else { out.append(contentsOf: scalar.utf8) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func search(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        needle.withUnsafeBufferPointer { pin in
            bytes.withUnsafeBufferPointer { hay in ByteSearch.firstOffset(of: pin, in: hay, from: start) }
        }
    }

    /// A URL slug: lower case, letters and digits kept (any script), runs of spaces, dashes,
    /// `_`, `.` and `/` become one `-`, other punctuation is dropped.
    static func slugify(_ text: String) -> String {
        var slug = String.UnicodeScalarView()
        var pendingDash = false
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            let isWordCharacter = scalar.isASCII
                ? (scalar.value >= 0x30 && scalar.value <= 0x39) || (scalar.value | 0x20 >= 0x61 && scalar.value | 0x20 <= 0x7A)
                : properties.isAlphabetic || properties.numericType != nil
            if isWordCharacter {
                if pendingDash, !slug.isEmpty { slug.append("-") }
                pendingDash = false
                appendCased(scalar, upper: false, to: &slug)
            } else if Lexer.isPythonSpace(scalar) || "_./".unicodeScalars.contains(scalar) || properties.generalCategory == .dashPunctuation {
                pendingDash = true
            }
        }
        return String(slug)
    }
}
