import Templates

/// One UI string split once, when it is loaded, into literal text and `{name}` placeholders, so that the `t`
/// filter (thousands of calls a build) fills it in by joining parts instead of searching the text for each
/// argument with Foundation.
///
/// The rule it must agree with is the simple one (`UIStrings.fill`): for each argument in order, every
/// `{name}` of the text so far replaced by its value. Joining parts gives the same text when the braces in the
/// string are only those of its placeholders, no value holds a brace (else a value could make or be a
/// placeholder), and no character around a placeholder could join it into a larger character (which Foundation's
/// search would not split). A string or call that is not so (`isRegular`, `fills(with:)`) takes the rule itself.
struct UIMessage: Sendable {
    enum Part: Sendable {
        case literal(String)
        case placeholder(String)
    }

    /// The string as written in `i18n/<lang>.yml`.
    let text: String
    let parts: [Part]
    /// Whether joining `parts` agrees with the rule for every argument that `fills(with:)` accepts.
    let isRegular: Bool

    init(_ text: String) {
        self.text = text
        (parts, isRegular) = Self.split(text)
    }

    /// The message with `arguments` filled in: by its parts when they agree with the rule, else by the rule.
    func filled(_ arguments: [(String, Value)]) -> String {
        if arguments.isEmpty { return text }
        guard isRegular, let displays = Self.displays(arguments) else { return UIStrings.fill(text, arguments) }
        var result = ""
        for part in parts {
            switch part {
            case .literal(let literal):
                result += literal
            case .placeholder(let name):
                // The first argument of that name replaced it; a name no argument gives stays as written.
                if let index = arguments.firstIndex(where: { $0.0 == name }) {
                    result += displays[index]
                } else {
                    result += "{" + name + "}"
                }
            }
        }
        return result
    }

    /// The arguments' texts, or nil when a name is not ASCII (one could equal a placeholder's name written
    /// differently), or a text holds a brace or starts or ends with a scalar that could join the text around it.
    private static func displays(_ arguments: [(String, Value)]) -> [String]? {
        var displays: [String] = []
        displays.reserveCapacity(arguments.count)
        for (name, value) in arguments {
            guard name.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
            var display = UIStrings.display(value)
            let fits = display.withUTF8 { bytes in
                !bytes.contains(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") })
                    && ClusterBoundaries.standsAlone(0, bytes.count, in: bytes)
            }
            guard fits else { return nil }
            displays.append(display)
        }
        return displays
    }

    /// The parts of `text`, and whether they are regular: every `{` opens a placeholder whose ASCII name runs to
    /// the next `}` with no brace in it, no `}` stands alone, and the text beside each placeholder is inert.
    private static func split(_ text: String) -> ([Part], Bool) {
        var copy = text
        return copy.withUTF8 { bytes in
            var parts: [Part] = []
            var literalStart = 0
            var index = 0
            func literal(_ end: Int) {
                if end > literalStart { parts.append(.literal(String(decoding: UnsafeBufferPointer(rebasing: bytes[literalStart..<end]), as: UTF8.self))) }
            }
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "}"):
                    return ([.literal(text)], false)
                case UInt8(ascii: "{"):
                    var end = index + 1
                    while end < bytes.count, bytes[end] != UInt8(ascii: "}") {
                        guard bytes[end] != UInt8(ascii: "{"), bytes[end] < 0x80 else { return ([.literal(text)], false) }
                        end += 1
                    }
                    guard end < bytes.count, ClusterBoundaries.standsAlone(index, end + 1, in: bytes) else { return ([.literal(text)], false) }
                    literal(index)
                    parts.append(.placeholder(String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end]), as: UTF8.self)))
                    index = end + 1
                    literalStart = index
                default:
                    index += 1
                }
            }
            literal(bytes.count)
            return (parts, true)
        }
    }
}
