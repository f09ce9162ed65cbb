import Foundation

/// How text becomes search terms, the same way here and in the browser (`SearchScript`).
///
/// Folding: compatibility decomposition (NFKD), every combining mark dropped, lower case, final sigma as sigma:
/// "Émile", "emile" and "EMILE" are one term. Words are runs of letters and digits. Chinese and Japanese are
/// written without spaces, so a run of Han or kana characters becomes its character bigrams ("马斯克" → "马斯",
/// "斯克"), a lone character itself; a query is cut the same way and must match all of its bigrams.
enum SearchText {
    /// Terms longer than this (in scalars) are not indexed: hashes, long numbers, base64 in a code block.
    static let maximumLength = 40

    /// Calls `emit` with every term of `text`, in order, repeats included.
    static func terms(_ text: String, _ emit: (String) -> Void) {
        terms(text) { term, _ in emit(term) }
    }

    /// `terms(_:_:)`, saying of each term whether it is *plain*: made only of ASCII and the Han ideographs of
    /// the two main blocks (`isPlainScalar`). Plain terms are in NFC, so among plain terms, equal strings are
    /// equal bytes and `<` is the order of their bytes: where every term is plain, the index compares and
    /// hashes them as bytes (`SearchIndex`, `SearchDocument`), and as strings as soon as one is not (a
    /// compatibility ideograph, say, equals its unified ideograph as a string).
    ///
    /// ASCII, most of an English page, is cut and lower-cased on its bytes, and a Han ideograph, most of a
    /// Chinese one, is its own folding; any other scalar is folded on its own (decomposition and dropping marks
    /// work scalar by scalar, so this equals folding the whole text).
    static func terms(_ text: String, plain emit: (String, Bool) -> Void) {
        withoutActuallyEscaping(emit) { emit in
            var sink = EmittingSink(emit: emit)
            terms(text, into: &sink)
        }
    }

    /// Hands each term to a closure as a `String`.
    private struct EmittingSink: SearchTermSink {
        let emit: (String, Bool) -> Void
        mutating func take(_ term: UnsafeBufferPointer<UInt8>, plain: Bool) {
            emit(String(decoding: term, as: UTF8.self), plain)
        }
    }

    /// `terms(_:plain:)`, each term handed to `sink` as its UTF-8 bytes: a sink that meets most terms more than
    /// once (`SearchDocument`'s) makes a `String` of each only the first time.
    static func terms<Sink: SearchTermSink>(_ text: String, into sink: inout Sink) {
        // A word longer than `maximumLength` scalars is not indexed: no more than four bytes a scalar are kept.
        let wordCapacity = maximumLength * 4
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: wordCapacity + 8) { buffer in
            let word = buffer.baseAddress!
            var wordBytes = 0
            var wordLength = 0
            var wordIsPlain = true
            // In a run of Han or kana scalars, each one read makes a bigram with the one before, given as soon as it
            // is read: `pair` holds the run's last scalar (`lastBytes` long), and the next one after it.
            let pair = word + wordCapacity
            var runLength = 0
            var lastBytes = 0
            var lastIsPlain = true
            func flushWord() {
                // Between two separators there is no word (most calls).
                guard wordLength > 0 else { return }
                if wordLength <= maximumLength { sink.take(UnsafeBufferPointer(start: word, count: wordBytes), plain: wordIsPlain) }
                wordBytes = 0
                wordLength = 0
                wordIsPlain = true
            }
            func appendToWord(_ byte: UInt8) {
                if wordBytes < wordCapacity {
                    word[wordBytes] = byte
                    wordBytes += 1
                }
            }
            func flushRun() {
                // A lone character is its own term; a longer run gave its bigrams as it was read.
                if runLength == 1 { sink.take(UnsafeBufferPointer(start: pair, count: lastBytes), plain: lastIsPlain) }
                runLength = 0
            }
            func appendToRun(_ scalar: Unicode.Scalar) {
                let plain = isPlainScalar(scalar)
                let start = runLength > 0 ? lastBytes : 0
                var count = 0
                let value = scalar.value
                if value >= 0x800, value < 0x10000 {
                    // Three bytes: every Han ideograph of the main blocks and every kana.
                    pair[start] = UInt8(0xE0 | (value >> 12))
                    pair[start + 1] = UInt8(0x80 | ((value >> 6) & 0x3F))
                    pair[start + 2] = UInt8(0x80 | (value & 0x3F))
                    count = 3
                } else {
                    for byte in UTF8.encode(scalar)! {
                        pair[start + count] = byte
                        count += 1
                    }
                }
                if runLength > 0 {
                    sink.take(UnsafeBufferPointer(start: pair, count: start + count), plain: lastIsPlain && plain)
                    // The new scalar becomes the last one (a forward copy: it lies after where it goes).
                    for index in 0..<count { pair[index] = pair[start + index] }
                }
                lastBytes = count
                lastIsPlain = plain
                runLength += 1
            }
            func take(_ scalar: Unicode.Scalar) {
                if isCJK(scalar) {
                    flushWord()
                    appendToRun(scalar)
                } else if isWordScalar(scalar) {
                    if runLength > 0 { flushRun() }
                    for byte in UTF8.encode(scalar)! { appendToWord(byte) }
                    wordLength += 1
                    if !isPlainScalar(scalar) { wordIsPlain = false }
                } else {
                    flushWord()
                    if runLength > 0 { flushRun() }
                }
            }
            for scalar in text.unicodeScalars {
                let value = scalar.value
                if value < 0x80 {
                    let byte = UInt8(value)
                    if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") || byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                        if runLength > 0 { flushRun() }
                        appendToWord(byte)
                        wordLength += 1
                    } else if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") {
                        if runLength > 0 { flushRun() }
                        appendToWord(byte | 0x20)
                        wordLength += 1
                    } else {
                        flushWord()
                        if runLength > 0 { flushRun() }
                    }
                } else if isHanIdeograph(value) {
                    // Folds to itself (`fold`) and is CJK: `take` without the array.
                    flushWord()
                    appendToRun(scalar)
                } else if let folded = foldedPunctuation(value) {
                    for scalar in folded { take(scalar) }
                } else {
                    for folded in fold(scalar) { take(folded) }
                }
            }
            flushWord()
            flushRun()
        }
    }

    /// The blocks of punctuation between the words of a page (general punctuation, CJK symbols and punctuation,
    /// full-width forms), each scalar's `fold` worked out once: folding one goes through Foundation.
    private static let punctuationBlocks: [ClosedRange<UInt32>] = [0x2000...0x206F, 0x3000...0x303F, 0xFF00...0xFF6F]
    private static let punctuationFolds: [[[Unicode.Scalar]]] = punctuationBlocks.map { block in
        block.map { Unicode.Scalar($0).map(fold) ?? [] }
    }

    private static func foldedPunctuation(_ value: UInt32) -> [Unicode.Scalar]? {
        // The blocks' bounds written out: the tables are read only for a scalar in one of them.
        let position: Int
        switch value {
        case 0x2000...0x206F: position = 0
        case 0x3000...0x303F: position = 1
        case 0xFF00...0xFF6F: position = 2
        default: return nil
        }
        return punctuationFolds[position][Int(value - punctuationBlocks[position].lowerBound)]
    }

    /// The two main blocks of Han ideographs: no decomposition, no case, written without spaces.
    static func isHanIdeograph(_ value: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value)
    }

    /// Whether every scalar of `term` is plain (`isPlainScalar`).
    static func isPlain(_ term: String) -> Bool {
        term.unicodeScalars.allSatisfy(isPlainScalar)
    }

    /// ASCII or a Han ideograph of the main blocks: scalars that NFC leaves alone and that compose with nothing.
    static func isPlainScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII || isHanIdeograph(scalar.value)
    }

    /// NFKD, without combining marks, lower-cased scalar by scalar (`toLowerCase` in the script agrees, once
    /// its one context-dependent rule, the final sigma, is undone).
    static func fold(_ text: String) -> String {
        var folded = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { folded.append(contentsOf: fold(scalar)) }
        return String(folded)
    }

    /// One scalar folded: none (a mark), itself, or several (`ﬁ` → `f`, `i`).
    static func fold(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        // Han ideographs decompose to themselves and have no case: most of a Chinese page.
        if isHanIdeograph(scalar.value) { return [scalar] }
        if scalar.isASCII {
            return [scalar.properties.isUppercase ? Unicode.Scalar(UInt8(scalar.value) | 0x20) : scalar]
        }
        var folded: [Unicode.Scalar] = []
        for part in String(scalar).decomposedStringWithCompatibilityMapping.unicodeScalars {
            switch part.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: continue
            default: break
            }
            for lower in part.properties.lowercaseMapping.unicodeScalars {
                folded.append(lower == "\u{03C2}" ? "\u{03C3}" : lower)
            }
        }
        return folded
    }

    /// Letters and digits (`[\p{L}\p{N}]` in the script).
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 0x30 && value <= 0x39) || (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// Han ideographs and kana: scripts written without spaces, indexed as bigrams. (Hangul has spaces.)
    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        isCJK(scalar.value)
    }

    static func isCJK(_ value: UInt32) -> Bool {
        switch value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: return true
        default: return false
        }
    }

    /// The shard of a term: FNV-1a over the UTF-8 bytes of its key, into `count` shards (the script computes
    /// the same). The key is the term's first character when that is Han or kana (so one character finds every
    /// bigram it starts), otherwise its first three characters (so a prefix of three finds every longer word).
    static func shard(of term: String, count: Int) -> Int {
        var term = term
        return term.withUTF8 { shard(ofUTF8: $0, count: count) }
    }

    /// `shard(of:count:)` of the term whose UTF-8 bytes (valid UTF-8) are `bytes`, read on the bytes: a scalar
    /// starts at every byte that is not a continuation byte (`10xxxxxx`).
    static func shard(ofUTF8 bytes: UnsafeBufferPointer<UInt8>, count: Int) -> Int {
        var hash: UInt32 = 0x811C_9DC5
        let limit = bytes.isEmpty || !isCJK(firstScalar(of: bytes)) ? 3 : 1
        var scalars = 0
        for byte in bytes {
            if byte & 0xC0 != 0x80 {
                scalars += 1
                if scalars > limit { break }
            }
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        return Int(hash % UInt32(count))
    }

    /// The value of the first scalar of valid, non-empty UTF-8.
    private static func firstScalar(of bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let lead = UInt32(bytes[0])
        switch lead {
        case ..<0x80: return lead
        case ..<0xE0: return (lead & 0x1F) << 6 | UInt32(bytes[1] & 0x3F)
        case ..<0xF0: return (lead & 0x0F) << 12 | UInt32(bytes[1] & 0x3F) << 6 | UInt32(bytes[2] & 0x3F)
        default: return (lead & 0x07) << 18 | UInt32(bytes[1] & 0x3F) << 12 | UInt32(bytes[2] & 0x3F) << 6 | UInt32(bytes[3] & 0x3F)
        }
    }
}

/// Where `SearchText.terms(_:into:)` puts each term it cuts.
protocol SearchTermSink {
    /// One term's UTF-8 bytes (valid only during the call), and whether it is plain (`SearchText.isPlainScalar`).
    mutating func take(_ term: UnsafeBufferPointer<UInt8>, plain: Bool)
}
