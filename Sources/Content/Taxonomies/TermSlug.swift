import Foundation

/// The URL segment of a taxonomy term: stable (a function of the term alone) and readable in any script.
///
/// The term is NFC-normalised and lowercased; letters, marks and digits of every script are kept ("诉讼" stays
/// as it is, "Société" becomes `société`); runs of whitespace, `-`, `_`, `.` and `/` become one `-`; other
/// punctuation and symbols are dropped ("C++" → `c`). Two different terms may therefore share a slug: the
/// loader reports that as a collision.
public enum TermSlug {
    public static func make(_ term: String) -> String {
        var slug = String.UnicodeScalarView()
        var pendingSeparator = false
        for scalar in term.precomposed.lowercased().unicodeScalars {
            if isKept(scalar) {
                if pendingSeparator && !slug.isEmpty { slug.append("-") }
                pendingSeparator = false
                slug.append(scalar)
            } else if scalar.properties.isWhitespace || "-_./".unicodeScalars.contains(scalar) {
                pendingSeparator = true
            }
        }
        return String(slug)
    }

    /// The spelling two terms share when they differ only in letter case or spacing ("Lawsuits", "law suits",
    /// "law-suits"): lowercased, with whitespace, `-` and `_` removed.
    static func looseKey(_ term: String) -> String {
        String(String.UnicodeScalarView(term.precomposed.lowercased().unicodeScalars.filter { scalar in
            !(scalar.properties.isWhitespace || scalar == "-" || scalar == "_")
        }))
    }

    private static func isKept(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }
}
