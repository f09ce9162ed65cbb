/// `QuotationScanner` on UTF-8 bytes, for text in which every Unicode scalar is a character of its own.
///
/// The scanner's rules are about characters (`Character`): a mark followed by a combining accent is not a mark,
/// and `\r\n` is one character. Walking characters, though, cost more than the rest of the ledger check: most
/// of the microsite's text is ASCII, Han ideographs and punctuation, where a scalar is a character. For such text
/// (`isOneScalarPerCharacter`) this walks the bytes with the same rules, counting columns in scalars; any other
/// text (a combining mark, `\r`, an emoji, a script outside the list) goes through the character walk.
/// `QuotationScannerDifferentialTests` compares the two.
extension QuotationScanner {
    /// The quotations of `text`, or nil when some scalar of it may join its neighbour into one character.
    static func byteQuotations(in text: String) -> [Quotation]? {
        var text = text
        return text.withUTF8 { bytes -> [Quotation]? in
            guard isOneScalarPerCharacter(bytes) else { return nil }
            var scan = ByteScan(bytes: bytes)
            return scan.run()
        }
    }

    /// Whether every scalar of `bytes` is sure to be a character by itself, whatever stands beside it: ASCII but
    /// `\r` (part of `\r\n`), and the blocks of Latin, general punctuation, CJK punctuation, Han ideographs and
    /// full-width forms that hold no combining mark, joiner or other extender. Such text is also in NFC (none of
    /// these scalars changes under it or composes with another), so two such texts are equal as strings exactly
    /// when their bytes are, and one contains the other (as characters) exactly when its bytes do.
    static func isOneScalarPerCharacter(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                if lead == 0x0D { return false }
                index += 1
                continue
            }
            guard let (scalar, length) = decode(bytes, at: index), isStandalone(scalar) else { return false }
            index += length
        }
        return true
    }

    /// Scalars whose grapheme-break property is Other or Control in every version of Unicode Swift may use.
    private static func isStandalone(_ value: UInt32) -> Bool {
        switch value {
        case 0x00A0...0x02FF,  // Latin-1 supplement, Latin extended, IPA, spacing modifiers (combining marks start at 0x300)
             0x2002...0x200B, 0x2010...0x2027, 0x2030...0x205F,  // general punctuation, not ZWNJ, ZWJ, the direction marks
                                                                 // or the two quads (which NFC replaces)
             0x3000...0x3029, 0x3030...0x303F,  // CJK symbols and punctuation, not the tone marks 0x302A...0x302F
             0x4E00...0x9FFF,  // CJK unified ideographs
             0xFF01...0xFF9D:  // full-width forms and half-width katakana, not the sound marks 0xFF9E, 0xFF9F
            return true
        default:
            return false
        }
    }

    /// The scalar value starting at `index` and its length in bytes; nil for a byte that starts none (the text is
    /// a Swift string, so valid UTF-8).
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int)? {
        let lead = bytes[index]
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard lead < 0x80 || lead >= 0xC0, index + length <= bytes.count else { return nil }
        if length == 1 { return (UInt32(lead), 1) }
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (value, length)
    }

    /// One pass over one text's bytes, line by line, as `characterQuotations` walks its characters.
    private struct ByteScan {
        let bytes: UnsafeBufferPointer<UInt8>
        var found: [Quotation] = []
        /// The quotation being read: where its mark was, its bytes so far, and what closes it.
        var open: (line: Int, column: Int, text: [UInt8], closer: Closer)?

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func run() -> [Quotation] {
            var inFence = false
            var lineStart = 0
            var lineNumber = 1
            while lineStart <= bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count && bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                defer {
                    lineStart = lineEnd + 1
                    lineNumber += 1
                }
                var trimmed = lineStart
                while trimmed < lineEnd && (bytes[trimmed] == UInt8(ascii: " ") || bytes[trimmed] == UInt8(ascii: ">")) { trimmed += 1 }
                if starts(trimmed, lineEnd, with: UInt8(ascii: "`")) || starts(trimmed, lineEnd, with: UInt8(ascii: "~")) {
                    inFence.toggle()
                    open = nil
                    continue
                }
                if inFence { continue }
                if bytes[trimmed..<lineEnd].allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) {
                    open = nil
                    continue
                }
                if open != nil { open!.text.append(UInt8(ascii: " ")) }
                // A continuation line of a blockquote: its markers are not text (they are ASCII: one column a byte).
                let start = open != nil ? trimmed : lineStart
                scan(line: lineNumber, from: start, to: lineEnd, skipped: start - lineStart)
            }
            return found
        }

        /// Whether the line from `start` opens with three `mark`s (a code fence).
        private func starts(_ start: Int, _ end: Int, with mark: UInt8) -> Bool {
            end - start >= 3 && bytes[start] == mark && bytes[start + 1] == mark && bytes[start + 2] == mark
        }

        private mutating func scan(line: Int, from start: Int, to end: Int, skipped: Int) {
            var inCode = false
            var inTag = false
            var inCall = false
            var index = start
            var position = 0  // in scalars, which are characters here
            // The two characters before this one, as bytes when ASCII (anything else compares unequal to every mark).
            var previous: UInt8 = UInt8(ascii: " ")
            var beforePrevious: UInt8 = 0
            while index < end {
                let byte = bytes[index]
                let length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
                let column = skipped + position + 1
                defer {
                    beforePrevious = previous
                    previous = byte < 0x80 ? byte : 0xFF
                    index += length
                    position += 1
                }
                if inTag {
                    if byte == UInt8(ascii: ">") { inTag = false }
                    continue
                }
                if inCall {
                    if byte == UInt8(ascii: "}"), previous == UInt8(ascii: "}"), position >= 2, beforePrevious == UInt8(ascii: ">") { inCall = false }
                    continue
                }
                // `{{<`, and every test below that looks ahead, reads ASCII bytes: a byte below 0x80 is a whole character.
                if byte == UInt8(ascii: "{"), index + 2 < end, bytes[index + 1] == UInt8(ascii: "{"), bytes[index + 2] == UInt8(ascii: "<") {
                    inCall = true
                    continue
                }
                if byte == UInt8(ascii: "`") { inCode.toggle(); continue }
                if inCode { continue }
                if byte == UInt8(ascii: "<"), index + 1 < end, bytes[index + 1] == UInt8(ascii: "/") || startsLetter(at: index + 1) {
                    inTag = true
                    switch element(at: index + 1, end: end) {
                    case .opening? where open == nil:
                        open = (line, column, [], .element)
                    case .closing? where open?.closer == .element:
                        close()
                    default:
                        break
                    }
                    continue
                }
                let isStraight = byte == UInt8(ascii: "\"") && previous != UInt8(ascii: "\\")
                let isCurlyOpening = length == 3 && byte == 0xE2 && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x9C
                if open == nil {
                    if isStraight || isCurlyOpening {
                        open = (line, column, [], isCurlyOpening ? .curly : .straight)
                    }
                    continue
                }
                let isCurlyClosing = length == 3 && byte == 0xE2 && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x9D
                if (open!.closer == .curly && isCurlyClosing) || (open!.closer == .straight && isStraight) {
                    close()
                    continue
                }
                open!.text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<(index + length)]))
            }
        }

        private mutating func close() {
            found.append(Quotation(text: String(decoding: open!.text, as: UTF8.self), line: open!.line, column: open!.column))
            open = nil
        }

        /// Whether the character at `index` is a letter (`Character.isLetter`).
        private func startsLetter(at index: Int) -> Bool {
            guard let (value, _) = QuotationScanner.decode(bytes, at: index), let scalar = Unicode.Scalar(value) else { return false }
            return Character(scalar).isLetter
        }

        /// `QElement.tag` on bytes: `index` is just past the `<`.
        private func element(at index: Int, end: Int) -> QElement? {
            var index = index
            let isClosing = index < end && bytes[index] == UInt8(ascii: "/")
            if isClosing { index += 1 }
            guard index < end, bytes[index] == UInt8(ascii: "q") || bytes[index] == UInt8(ascii: "Q") else { return nil }
            let next = index + 1 < end ? bytes[index + 1] : UInt8(ascii: ">")
            guard next == UInt8(ascii: ">") || next == UInt8(ascii: " ") || next == UInt8(ascii: "\t") || next == UInt8(ascii: "/") else {
                return nil
            }
            return isClosing ? .closing : .opening
        }
    }
}
