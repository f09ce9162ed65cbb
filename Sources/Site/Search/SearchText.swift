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
        var word = String.UnicodeScalarView()
        var run: [Unicode.Scalar] = []
        func flushWord() {
            if !word.isEmpty, word.count <= maximumLength { emit(String(word)) }
            word.removeAll(keepingCapacity: true)
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
        for scalar in fold(text).unicodeScalars {
            if isCJK(scalar) {
                flushWord()
                run.append(scalar)
            } else if isWordScalar(scalar) {
                flushRun()
                word.append(scalar)
            } else {
                flushWord()
                flushRun()
            }
        }
        flushWord()
        flushRun()
    }

    /// NFKD, without combining marks, lower-cased scalar by scalar (`toLowerCase` in the script agrees, once
    /// its one context-dependent rule, the final sigma, is undone).
    static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        var folded = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCompatibilityMapping.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: continue
            default: break
            }
            for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                folded.append(lower == "\u{03C2}" ? "\u{03C3}" : lower)
            }
        }
        return String(folded)
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

    /// The shard key of a term: its first character when that is Han or kana (so one character finds every
    /// bigram it starts), otherwise its first three characters (so a prefix of three finds every longer word).
    static func shardKey(_ term: String) -> Substring.UnicodeScalarView {
        let scalars = term.unicodeScalars
        guard let first = scalars.first else { return Substring.UnicodeScalarView() }
        return scalars.prefix(isCJK(first) ? 1 : 3)
    }

    /// FNV-1a over the key's UTF-8 bytes, into `count` shards (the script computes the same).
    static func shard(of term: String, count: Int) -> Int {
        var hash: UInt32 = 0x811C_9DC5
        for byte in String(shardKey(term)).utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        return Int(hash % UInt32(count))
    }
}
