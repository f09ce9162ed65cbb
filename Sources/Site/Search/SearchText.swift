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
    ///
    /// ASCII, most of an English page, is cut and lower-cased on its bytes; any other scalar is folded on its
    /// own (decomposition and dropping marks work scalar by scalar, so this equals folding the whole text).
    static func terms(_ text: String, _ emit: (String) -> Void) {
        var word: [UInt8] = []
        var wordLength = 0
        var run: [Unicode.Scalar] = []
        func flushWord() {
            if wordLength > 0, wordLength <= maximumLength { emit(String(decoding: word, as: UTF8.self)) }
            word.removeAll(keepingCapacity: true)
            wordLength = 0
        }
        func flushRun() {
            if run.count == 1 {
                emit(String(run[0]))
            } else if run.count > 1 {
                for index in 0..<(run.count - 1) {
                    var bigram = String.UnicodeScalarView()
                    bigram.append(run[index])
                    bigram.append(run[index + 1])
                    emit(String(bigram))
                }
            }
            run.removeAll(keepingCapacity: true)
        }
        func take(_ scalar: Unicode.Scalar) {
            if isCJK(scalar) {
                flushWord()
                run.append(scalar)
            } else if isWordScalar(scalar) {
                if !run.isEmpty { flushRun() }
                word.append(contentsOf: UTF8.encode(scalar)!)
                wordLength += 1
            } else {
                flushWord()
                if !run.isEmpty { flushRun() }
            }
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                let byte = UInt8(value)
                if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") || byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                    if !run.isEmpty { flushRun() }
                    word.append(byte)
                    wordLength += 1
                } else if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") {
                    if !run.isEmpty { flushRun() }
                    word.append(byte | 0x20)
                    wordLength += 1
                } else {
                    flushWord()
                    if !run.isEmpty { flushRun() }
                }
            } else {
                for folded in fold(scalar) { take(folded) }
            }
        }
        flushWord()
        flushRun()
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
        if (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value) { return [scalar] }
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
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: return true
        default: return false
        }
    }

    /// The shard of a term: FNV-1a over the UTF-8 bytes of its key, into `count` shards (the script computes
    /// the same). The key is the term's first character when that is Han or kana (so one character finds every
    /// bigram it starts), otherwise its first three characters (so a prefix of three finds every longer word).
    static func shard(of term: String, count: Int) -> Int {
        var hash: UInt32 = 0x811C_9DC5
        var taken = 0
        var limit = 3
        for scalar in term.unicodeScalars {
            if taken == 0, isCJK(scalar) { limit = 1 }
            guard taken < limit else { break }
            for byte in UTF8.encode(scalar)! {
                hash ^= UInt32(byte)
                hash = hash &* 0x0100_0193
            }
            taken += 1
        }
        return Int(hash % UInt32(count))
    }
}
