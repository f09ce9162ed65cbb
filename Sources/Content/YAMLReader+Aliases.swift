import Foundation

/// A cap on YAML aliases (`*name`), checked on the text before Yams sees it.
///
/// An alias repeats a whole anchored value, and aliases inside anchored values multiply: nine lines can stand
/// for a billion values. `convert` stops after `maximumNodes`, but Yams gets there first in one case: it
/// checks a mapping's keys for duplicates by hashing them, so an alias used as a key (`*h: x`, or inside a
/// flow key) is expanded in full inside Yams, where no limit applies. The fuzzer found such a document that
/// hung the build. With at most `maximumAliases` aliases, the largest expansion is a few hundred times the
/// text (b aliases per level over n/b levels is at most e^(n/e)), which hashes in well under a second.
///
/// Front matter and `site.yml` rarely use aliases at all; sixteen leaves room for the usual
/// "define once, reuse a few times".
extension YAMLReader {
    static let maximumAliases = 16

    /// The position (1-based line and column within `yaml`) of the first alias past `maximumAliases`, or nil.
    ///
    /// Counted on bytes, conservatively: a `*` followed by a name character where a YAML node can start (at the
    /// start of a line or after `-`, `?`, `:`, `,`, `[` or `{`). Quoted strings are not told apart, so `"a, *b"`
    /// counts too; only a document with more than sixteen such spots is refused.
    static func aliasBeyondLimit(in yaml: String) -> (line: Int, column: Int)? {
        // Most YAML has no `*` at all: said by one `memchr`, without counting lines and columns.
        var text = yaml
        let hasStar = text.withUTF8 { bytes in
            bytes.baseAddress.map { memchr($0, Int32(UInt8(ascii: "*")), bytes.count) != nil } ?? false
        }
        guard hasStar else { return nil }
        var count = 0
        var line = 1
        var column = 0
        // The last byte on this line that is not a blank; nil at the start of a line.
        var lastSignificant: UInt8?
        var previousWasStar = false
        for byte in yaml.utf8 {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 0
                lastSignificant = nil
                previousWasStar = false
                continue
            }
            // Columns count characters, as the other YAML errors do: continuation bytes do not move them.
            if byte & 0xC0 != 0x80 { column += 1 }
            if previousWasStar, startsName(byte) {
                count += 1
                if count > maximumAliases { return (line, column - 1) }
            }
            previousWasStar = byte == UInt8(ascii: "*") && startsNode(after: lastSignificant)
            if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") { lastSignificant = byte }
        }
        return nil
    }

    private static func startsNode(after byte: UInt8?) -> Bool {
        guard let byte else { return true }
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "{"):
            return true
        default:
            return false
        }
    }

    /// Anchor names are any characters but blanks and flow indicators.
    private static func startsName(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: ","), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "*"):
            return false
        default:
            return true
        }
    }
}
