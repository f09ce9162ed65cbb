import Foundation

/// Jinja 3.1's `urlize`: links the URLs (`https://…`, `www.…`, `example.com`) and email addresses in text,
/// after escaping it, leaving punctuation around them outside the link. Links get `rel="noopener"` (Jinja's
/// default policy). Its patterns are Jinja's, run with `NSRegularExpression` (not on any hot path).
enum URLize {
    static let filter = BuiltinFilter { call in
        let arguments = try call.bind(["trim_url_limit", "nofollow", "target", "rel", "extra_schemes"])
        let limit = try arguments[0].flatMap { $0 == .none ? nil : $0 }.map { value throws(EvaluationFailure) -> Int in
            guard let number = value.integer else { throw EvaluationFailure("filter 'urlize': trim_url_limit must be an integer") }
            return number
        }
        var relParts = Set((arguments[3].flatMap { $0 == .none ? nil : $0.pythonString } ?? "").split(separator: " ").map(String.init))
        if arguments[1]?.isTruthy ?? false { relParts.insert("nofollow") }
        relParts.insert("noopener")
        let rel = relParts.sorted().joined(separator: " ")
        let target = arguments[2].flatMap { $0 == .none ? nil : $0.pythonString }
        var schemes: [String] = []
        if let extra = arguments[4], extra != .none {
            for scheme in (try? extra.iterated()) ?? [] {
                let text = scheme.pythonString
                guard matches(schemePattern, text) else { throw EvaluationFailure("\(Value.quote(text)) is not a valid URI scheme prefix.") }
                schemes.append(text)
            }
        }
        return .safe(urlize(call.value, limit: limit, rel: rel, target: target, extraSchemes: schemes))
    }

    private static func regex(_ pattern: String, _ options: NSRegularExpression.Options = []) -> NSRegularExpression {
        // The patterns are constants: they always compile.
        try! NSRegularExpression(pattern: pattern, options: options)
    }

    private static let httpPattern = regex("""
        ^(
            (https?://|www\\.)(([\\w%-]+\\.)+)?([a-z]{2,63}|xn--[\\w%]{2,59})
          | ([\\w%-]{2,63}\\.)+(com|net|int|edu|gov|org|info|mil)
          | (https?://)((([\\d]{1,3})(\\.[\\d]{1,3}){3})|(\\[([\\da-f]{0,4}:){2}([\\da-f]{0,4}:?){1,6}]))
        )(?::[\\d]{1,5})?(?:[/?\\#]\\S*)?$
        """, [.caseInsensitive, .allowCommentsAndWhitespace])
    private static let emailPattern = regex("^\\S+@\\w[\\w.-]*\\.\\w+$")
    private static let schemePattern = regex("^[a-zA-Z][a-zA-Z0-9+.-]*:$")
    private static let headPattern = regex("^([(<]|&lt;)+")
    private static let tailPattern = regex("([)>.,\\n]|&gt;)+$")
    private static let wordPattern = regex("(\\s+)")

    private static func matches(_ pattern: NSRegularExpression, _ text: String) -> Bool {
        pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    private static func match(_ pattern: NSRegularExpression, _ text: String) -> Range<String.Index>? {
        pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)).flatMap { Range($0.range, in: text) }
    }

    static func urlize(_ text: Value, limit: Int?, rel: String, target: String?, extraSchemes: [String]) -> String {
        let escaped = HTMLEscaper.markup(text)  // as markupsafe.escape: safe input is not escaped again
        let relAttribute = rel.isEmpty ? "" : " rel=\"\(HTMLEscaper.escape(rel))\""
        let targetAttribute = target.map { " target=\"\(HTMLEscaper.escape($0))\"" } ?? ""
        func trimmed(_ url: String) -> String {
            guard let limit, url.unicodeScalars.count > limit else { return url }
            return StringMethods.string(url.unicodeScalars.prefix(max(0, limit))) + "..."
        }
        // Words and the whitespace between them, as `re.split(r"(\s+)", …)` gives them.
        var pieces: [String] = []
        var position = escaped.startIndex
        for found in wordPattern.matches(in: escaped, range: NSRange(escaped.startIndex..., in: escaped)) {
            guard let range = Range(found.range, in: escaped) else { continue }
            pieces.append(String(escaped[position..<range.lowerBound]))
            pieces.append(String(escaped[range]))
            position = range.upperBound
        }
        pieces.append(String(escaped[position...]))
        var result = ""
        for (index, word) in pieces.enumerated() {
            guard index % 2 == 0 else { result += word; continue }
            var head = ""
            var middle = word
            var tail = ""
            if let range = match(headPattern, middle) {
                head = String(middle[range])
                middle = String(middle[range.upperBound...])
            }
            if [")", ">", ".", ",", "\n", "&gt;"].contains(where: { middle.hasSuffix($0) }), let range = match(tailPattern, middle) {
                tail = String(middle[range])
                middle = String(middle[..<range.lowerBound])
            }
            for (open, close) in [("(", ")"), ("<", ">"), ("&lt;", "&gt;")] {
                let opens = middle.components(separatedBy: open).count - 1
                guard opens > middle.components(separatedBy: close).count - 1 else { continue }
                for _ in 0..<min(opens, tail.components(separatedBy: close).count - 1) {
                    guard let range = tail.range(of: close) else { break }
                    middle += tail[..<range.upperBound]
                    tail = String(tail[range.upperBound...])
                }
            }
            if matches(httpPattern, middle) {
                let href = middle.hasPrefix("https://") || middle.hasPrefix("http://") ? middle : "https://" + middle
                middle = "<a href=\"\(href)\"\(relAttribute)\(targetAttribute)>\(trimmed(middle))</a>"
            } else if middle.hasPrefix("mailto:"), matches(emailPattern, String(middle.dropFirst(7))) {
                middle = "<a href=\"\(middle)\">\(middle.dropFirst(7))</a>"
            } else if middle.contains("@"), !middle.hasPrefix("www."), !middle.hasPrefix("@"), !middle.contains(":"), matches(emailPattern, middle) {
                middle = "<a href=\"mailto:\(middle)\">\(middle)</a>"
            } else if extraSchemes.contains(where: { middle != $0 && middle.hasPrefix($0) }) {
                middle = "<a href=\"\(middle)\"\(relAttribute)\(targetAttribute)>\(middle)</a>"
            }
            result += head + middle + tail
        }
        return result
    }
}
