import Foundation

/// GitHub-like slugs: the one rule for heading ids and Site's `slugify` filter.
///
/// The text is NFC-normalised (so a decomposed "é" and a composed one give the same id) and
/// lowercased. Letters, combining marks and digits of every script are kept, so Chinese and
/// Japanese headings get readable ids ("马斯克与奥特曼" stays as is); `_` and `-` are kept as
/// GitHub keeps them. Runs of whitespace and hyphens become one `-`, leading and trailing `-` are
/// dropped, and all other characters (punctuation, symbols, emoji) are removed.
///
/// Unlike GitHub, runs of separators collapse ("A & B" → `a-b`, not `a--b`), because the same
/// rule makes URL slugs, where doubled hyphens look like mistakes.
public enum Slug {
    /// The slug of `text`; empty when `text` holds no letter, digit, `_` or `-`.
    public static func make(_ text: String) -> String {
        if text.isAllASCII { return makeASCII(text) }
        var slug = ""
        var pendingSeparator = false
        for scalar in text.precomposedStringWithCanonicalMapping.lowercased().unicodeScalars {
            if scalar == "-" || scalar.properties.isWhitespace {
                pendingSeparator = true
            } else if isKept(scalar) {
                if pendingSeparator && !slug.isEmpty { slug.append("-") }
                pendingSeparator = false
                slug.unicodeScalars.append(scalar)
            }
        }
        return slug
    }

    /// The same rule on ASCII text, where it needs no Unicode tables: NFC changes nothing, the kept
    /// characters are `a`–`z` (after lower-casing), `0`–`9` and `_`, the separators `-` and the six
    /// ASCII whitespace characters. Headings and file names of most sites take this path.
    private static func makeASCII(_ text: String) -> String {
        var slug: [UInt8] = []
        slug.reserveCapacity(text.utf8.count)
        var pendingSeparator = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
                if pendingSeparator && !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
                pendingSeparator = false
                slug.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if pendingSeparator && !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
                pendingSeparator = false
                slug.append(byte + 0x20)
            case UInt8(ascii: "-"), UInt8(ascii: " "), 0x09...0x0D:
                pendingSeparator = true
            default:
                break
            }
        }
        return String(decoding: slug, as: UTF8.self)
    }

    /// Letters (L*), marks (M*), numbers (N*) and the connector `_`.
    private static func isKept(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "_" { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }
}
