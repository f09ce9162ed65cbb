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

    /// Jinja's `title`: words start after runs of whitespace, `-`, `(`, `{`, `[` or `<`.
    static func title(_ text: String) -> String {
        var result = ""
        var atWordStart = true
        for character in text {
            let isSeparator = character.isWhitespace || "-({[<".contains(character)
            if isSeparator {
                result.append(character)
                atWordStart = true
            } else if atWordStart {
                result += String(character).uppercased()
                atWordStart = false
            } else {
                result += String(character).lowercased()
            }
        }
        return result
    }

    /// Python's `str.replace(old, new, count)`; an empty `old` inserts `new` between characters.
    static func replace(_ text: String, _ old: String, _ new: String, count: Int) -> String {
        if count == 0 { return text }
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
        let scalars = Array(text.unicodeScalars)
        if scalars.count <= length + leeway { return (text, false) }
        var kept = String(String.UnicodeScalarView(scalars.prefix(length - endLength)))
        if !killWords, let space = kept.lastIndex(of: " ") { kept = String(kept[..<space]) }
        return (kept, true)
    }

    /// MarkupSafe's `striptags`: drop comments and tags, collapse whitespace, unescape entities.
    static func stripTags(_ html: String) -> String {
        var text = html
        while let start = text.range(of: "<!--"), let end = text.range(of: "-->", range: start.lowerBound..<text.endIndex) {
            text.removeSubrange(start.lowerBound..<end.upperBound)
        }
        while let start = text.firstIndex(of: "<"), let end = text[start...].firstIndex(of: ">") {
            text.removeSubrange(start...end)
        }
        let words = text.unicodeScalars.split(whereSeparator: Lexer.isPythonSpace).map { String($0) }
        return HTMLUnescaper.unescape(words.joined(separator: " "))
    }

    /// A URL slug: lower case, letters and digits kept (any script), runs of anything else become one `-`.
    static func slugify(_ text: String) -> String {
        var slug = ""
        var pendingDash = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingDash, !slug.isEmpty { slug.append("-") }
                pendingDash = false
                slug.append(character)
            } else if character.isWhitespace || "_/.".contains(character)
                        || character.unicodeScalars.first?.properties.generalCategory == .dashPunctuation {
                pendingDash = true
            }
        }
        return slug
    }
}
