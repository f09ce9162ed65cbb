/// Finds the quotations a page shows: text between double quotation marks (`"…"` or `“…”`), or in a `<q>`
/// element (`<q data-source="…">…</q>`, whose marks the browser draws), in its Markdown body or in a
/// front-matter string.
///
/// A quotation does not run past the end of a paragraph (a blank line); one left open is not a quotation.
/// Code (fenced blocks, `` `spans` ``), HTML tags and component calls (`{{< quote source="…" >}}`, whose
/// arguments are settings, not quotations) are skipped, and a backslash-escaped `\"` is not a mark.
/// Inside a blockquote, the `>` markers that continue it are not part of the text.
enum QuotationScanner {
    struct Quotation: Sendable, Equatable {
        var text: String
        /// 1-based line and column (in characters) of the opening mark, counted from the start of what was scanned.
        var line: Int
        var column: Int
    }

    static func quotations(in text: String) -> [Quotation] {
        // Most strings (a title, a date label, a body without quotations) hold no mark at all: said by their bytes,
        // without walking their characters.
        guard mayHoldQuotation(text) else { return [] }
        return byteQuotations(in: text) ?? characterQuotations(in: text)
    }

    /// `quotations(in:)` by walking characters: the rules as written, for any text (`byteQuotations` is the
    /// same on bytes, for text where each scalar is a character).
    static func characterQuotations(in text: String) -> [Quotation] {
        var found: [Quotation] = []
        var open: (line: Int, column: Int, text: String, closer: Closer)?
        var inFence = false
        for (lineIndex, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let trimmed = line.drop { $0 == " " || $0 == ">" }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                inFence.toggle()
                open = nil
                continue
            }
            if inFence { continue }
            if trimmed.allSatisfy({ $0 == " " || $0 == "\t" }) {
                open = nil  // a paragraph ends
                continue
            }
            if open != nil { open!.text += " " }
            var inCode = false
            var inTag = false
            var inCall = false
            // A continuation line of a blockquote: its markers are not text.
            let content = Array(open != nil ? Substring(trimmed) : line)
            let skipped = line.count - content.count
            for (position, character) in content.enumerated() {
                let column = skipped + position + 1
                let previous: Character = position > 0 ? content[position - 1] : " "
                if inTag {
                    if character == ">" { inTag = false }
                    continue
                }
                if inCall {
                    if character == "}", previous == "}", position >= 2, content[position - 2] == ">" { inCall = false }
                    continue
                }
                if character == "{", position + 2 < content.count, content[position + 1] == "{", content[position + 2] == "<" {
                    inCall = true
                    continue
                }
                if character == "`" { inCode.toggle(); continue }
                if inCode { continue }
                if character == "<", position + 1 < content.count,
                   content[position + 1].isLetter || content[position + 1] == "/" {
                    inTag = true
                    switch QElement.tag(at: position, in: content) {
                    case .opening? where open == nil:
                        open = (lineIndex + 1, column, "", .element)
                    case .closing? where open?.closer == .element:
                        found.append(Quotation(text: open!.text, line: open!.line, column: open!.column))
                        open = nil
                    default:
                        break
                    }
                    continue
                }
                let isStraight = character == "\"" && previous != "\\"
                if open == nil {
                    if isStraight || character == "“" {
                        open = (lineIndex + 1, column, "", character == "“" ? .curly : .straight)
                    }
                    continue
                }
                if (open!.closer == .curly && character == "”") || (open!.closer == .straight && isStraight) {
                    found.append(Quotation(text: open!.text, line: open!.line, column: open!.column))
                    open = nil
                    continue
                }
                open!.text.append(character)
            }
        }
        return found
    }

    /// What ends an open quotation: the same kind of mark, or the `</q>` of its element.
    enum Closer { case straight, curly, element }

    /// A `<q>` or `</q>` tag (any attributes), told apart from every other tag by its name.
    enum QElement {
        case opening, closing

        static func tag(at position: Int, in content: [Character]) -> QElement? {
            var index = position + 1
            let isClosing = index < content.count && content[index] == "/"
            if isClosing { index += 1 }
            guard index < content.count, content[index] == "q" || content[index] == "Q" else { return nil }
            let next = index + 1 < content.count ? content[index + 1] : ">"
            guard next == ">" || next == " " || next == "\t" || next == "/" else { return nil }
            return isClosing ? .closing : .opening
        }
    }
}

extension QuotationScanner {
    /// Whether `text` has a byte that can open a quotation: `"`, `“` (E2 80 9C) or the `<q` of an element.
    static func mayHoldQuotation(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    return true
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x9C:
                    return true
                case UInt8(ascii: "<") where index + 1 < bytes.count && (bytes[index + 1] | 0x20) == UInt8(ascii: "q"):
                    return true
                default:
                    index += 1
                }
            }
            return false
        }
    }
}
