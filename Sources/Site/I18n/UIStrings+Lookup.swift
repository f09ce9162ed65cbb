import Content
import DidYouMean
import Foundation
import Templates

/// The `t` filter: `{{ "read_timeline" | t }}`, `{{ "events" | t(count=n) }}`, in the page's language (`lang`).
extension UIStrings {
    /// The text of `key` in `language`, its plural form chosen by `count`, with `{count}` and every other
    /// `{name}` of `arguments` filled in.
    func text(_ key: String, language: String, arguments: [(String, Value)]) throws -> String {
        // Recorded like a value's key (`ReadTracking`), a missing key too: its later appearance is a change.
        if let origin = origins[language] { ReadTracking.noteRead(origin, key) }
        guard let messages = messages(of: language) else {
            throw FilterFailure("t: there is no \(UIStrings.file(for: language)) with the '\(language)' pages' UI strings")
        }
        guard let entry = messages[key] else {
            let hint = Suggestion.closest(to: key, in: keys(of: language)).map { " — did you mean '\($0)'?" } ?? ""
            throw FilterFailure("t: no key '\(key)' in \(UIStrings.file(for: language))\(hint)")
        }
        switch entry {
        case .text(let message):
            return message.filled(arguments)
        case .plural(let forms):
            guard case .int(let count)? = arguments.first(where: { $0.0 == "count" })?.1 else {
                throw FilterFailure("t: '\(key)' has plural forms; give the number as count=…")
            }
            guard let message = forms[PluralRules.category(of: count, language: language)] ?? forms["other"] else { return "" }
            return message.filled(arguments)
        }
    }

    /// The rule `t` fills a text by (`UIMessage` gives the same result faster when it can): for each argument
    /// in order, every `{name}` of the text so far replaced by the argument's value.
    static func fill(_ text: String, _ arguments: [(String, Value)]) -> String {
        var text = text
        for (name, value) in arguments {
            text = text.replacingOccurrences(of: "{\(name)}", with: display(value))
        }
        return text
    }

    static func display(_ value: Value) -> String {
        switch value {
        case .string(let text), .safe(let text): return text
        case .int(let number): return String(number)
        case .double(let number): return String(number)
        case .bool(let flag): return flag ? "true" : "false"
        default: return ""
        }
    }
}
