import Foundation

/// An attribute in the output that would run a script: an event handler (`onerror`, `onload`, …) or a
/// `javascript:` URL in an attribute the link check does not follow (`action`, `formaction`, `data`,
/// `xlink:href`, `poster`, `cite`, `background`, `ping`, or the URL of a `<meta http-equiv="refresh">`).
///
/// The build promises that no `javascript:` link reaches the output. `href` and `src` are checked with every
/// other link; these are the other ways raw HTML (allowed in Markdown bodies by default) or a template could
/// run a script, so every one of them fails the build wherever it appears, reported at the line it came from.
struct ScriptAttribute: Sendable, Equatable {
    /// The attribute's name, lowercased (`onerror`, `action`, `http-equiv=refresh`).
    var name: String
    /// Its value as written (entities decoded).
    var value: String
    var isEventHandler: Bool

    /// Attributes holding a URL that the link check does not otherwise look at.
    private static let urlAttributes: [StaticString] = ["action", "formaction", "data", "xlink:href", "poster", "cite",
                                                         "background", "ping", "codebase", "archive"]

    /// Looks at one attribute of a tag (not `href`, `src`, `id` or `name`), and notes it when it runs a script.
    /// In a `<meta>` tag it also remembers `http-equiv="refresh"` and where `content` is (`value`'s range in
    /// `bytes`, read only at the tag's end, when the tag is a refresh: most pages have a dozen `<meta>` tags and
    /// no refresh), for `refreshTarget` at the tag's end.
    static func inspect(_ bytes: UnsafeBufferPointer<UInt8>, name: Range<Int>, value: UnsafeBufferPointer<UInt8>, isMeta: Bool,
                        refresh: inout (isRefresh: Bool, content: Range<Int>?), into scripts: inout [ScriptAttribute]) {
        let length = name.count
        guard length >= 2 else { return }
        let first = bytes[name.lowerBound] | 0x20
        if first == UInt8(ascii: "o"), length > 2, bytes[name.lowerBound + 1] | 0x20 == UInt8(ascii: "n"),
           bytes[name].allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) {
            scripts.append(ScriptAttribute(name: lowercased(bytes, name), value: text(value), isEventHandler: true))
            return
        }
        if isMeta {
            if HTMLAttributeScanner.matches(bytes, name.lowerBound, name.upperBound, "http-equiv") {
                refresh.isRefresh = text(value).trimmingCharacters(in: .whitespaces).lowercased() == "refresh"
            } else if HTMLAttributeScanner.matches(bytes, name.lowerBound, name.upperBound, "content") {
                if let start = value.baseAddress, let origin = bytes.baseAddress {
                    let offset = origin.distance(to: start)
                    refresh.content = offset..<(offset + value.count)
                } else {
                    refresh.content = 0..<0
                }
            }
            return
        }
        // Most attributes (class, title, rel, type, width…) are none of `urlAttributes`: their first letter or
        // their length says so before ten comparisons do.
        switch first {
        case UInt8(ascii: "a"), UInt8(ascii: "b"), UInt8(ascii: "c"), UInt8(ascii: "d"), UInt8(ascii: "f"),
             UInt8(ascii: "p"), UInt8(ascii: "x"):
            break
        default:
            return
        }
        switch length {
        case 4, 6, 7, 8, 10: break
        default: return
        }
        guard urlAttributes.contains(where: { HTMLAttributeScanner.matches(bytes, name.lowerBound, name.upperBound, $0) }) else {
            return
        }
        let url = text(value)
        if isScript(url) { scripts.append(ScriptAttribute(name: lowercased(bytes, name), value: url, isEventHandler: false)) }
    }

    /// The script URL a refresh's `content` (`0; url=javascript:…`) leads to, if it leads to one.
    static func refreshTarget(_ content: String) -> ScriptAttribute? {
        guard let equals = content.range(of: "url", options: .caseInsensitive)
            .flatMap({ content[$0.upperBound...].firstIndex(of: "=") }) else { return nil }
        var url = content[content.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        if let quote = url.first, quote == "'" || quote == "\"" { url = String(url.dropFirst().prefix { $0 != quote }) }
        return isScript(url) ? ScriptAttribute(name: "http-equiv=refresh", value: url, isEventHandler: false) : nil
    }

    /// Whether a URL runs a script when followed (`javascript:` or `vbscript:`, however spelled).
    static func isScript(_ url: String) -> Bool {
        let scheme = LinkChecker.scheme(of: url)
        return scheme == "javascript" || scheme == "vbscript"
    }

    /// The finding as the link check reports it.
    func brokenLink(on page: String) -> BrokenLink {
        if isEventHandler {
            return BrokenLink(page: page, href: value.isEmpty ? name : value, sitePath: name,
                              reason: "event-handler attribute '\(name)'",
                              headline: "event-handler attribute '\(name)' is not allowed: no script may run from an "
                                  + "attribute of the output (put scripts in a template's <script> element)")
        }
        return BrokenLink(page: page, href: value, sitePath: value, reason: "script URL in '\(name)'",
                          headline: "\(LinkChecker.scheme(of: value) ?? "javascript"): URL in '\(name)' is not allowed: "
                              + "a link that runs a script fails the build anywhere in the output")
    }

    /// The text of a `content` range that `inspect` remembered, entities decoded.
    static func content(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        text(UnsafeBufferPointer(rebasing: bytes[range]))
    }

    private static func text(_ value: UnsafeBufferPointer<UInt8>) -> String {
        HTMLAttributeScanner.decodeReferences(String(decoding: value, as: UTF8.self))
    }

    private static func lowercased(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self).lowercased()
    }
}
