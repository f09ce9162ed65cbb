import Foundation
import Testing
@testable import Site

/// The ledger check's byte-level text helpers (`LedgerCheck+Bytes.swift`) against the Foundation and `Character`
/// versions they stand in for, on random texts; where they decline (nil), the callers use those versions.
@Suite struct LedgerBytesTests {
    static let pieces = [
        "the", "The", "FINAL", "straw", "strawberries", "Trump", "’", "'", "s", " ", " ", "  ", "\n", "\t", ".", ",", "…",
        "“", "”", "‘", "(", ")", "!", "?", "\"", "2018", "年", "马斯克", "最后一根稻草", "，", "。", "\u{3000}", "é", "É",
        "e\u{301}", "İ", "Ａ", "ａ", "ß", "\u{2002}", "\u{205F}", "\r\n", "👍",
    ]

    private func randomText(_ random: inout SplitMix64, pieces: Int) -> String {
        (0..<Int(random.next() % UInt64(pieces))).map { _ in Self.pieces[Int(random.next() % UInt64(Self.pieces.count))] }.joined()
    }

    @Test func normalizedAgreesWithFoundation() {
        var random = SplitMix64(seed: 0x1ED6E5)
        var byBytes = 0
        for _ in 0..<5_000 {
            let text = randomText(&random, pieces: 12)
            guard let fast = LedgerCheck.byteNormalized(text) else {
                // Declined only for a scalar that may join its neighbour, or a letter that lower-casing changes.
                #expect(!LedgerCheck.isOneScalarPerCharacter(text)
                    || text.unicodeScalars.contains { !$0.isASCII && $0.properties.changesWhenLowercased }, "\(text.debugDescription)")
                continue
            }
            let expected = LedgerCheck.characterNormalized(text)
            #expect(fast == expected, "\(text.debugDescription)")
            #expect(Array(fast.utf8) == Array(expected.utf8), "\(text.debugDescription)")
            #expect(LedgerCheck.normalized(text) == fast)
            byBytes += 1
        }
        #expect(byBytes > 1_000)
    }

    /// Every text normalises, the ones the bytes decline included: Foundation's `trimmingCharacters(in:)`
    /// trapped on some of them (combining marks at an end), which is why the character path trims by scalars.
    @Test func everyTextNormalizesWithoutTrapping() {
        var random = SplitMix64(seed: 0x7217)
        for _ in 0..<5_000 {
            let text = randomText(&random, pieces: 12)
            let normalized = LedgerCheck.characterNormalized(text)
            #expect(normalized.unicodeScalars.first.map { !" .,;:!?…'\"“”‘’()".unicodeScalars.contains($0) && !$0.properties.isWhitespace } ?? true,
                    "\(text.debugDescription) → \(normalized.debugDescription)")
        }
        #expect(LedgerCheck.characterNormalized("“\u{301}The Straw.”") == "\u{301}the straw")
        #expect(LedgerCheck.characterNormalized(" … ") == "")
    }

    @Test func searchesAgreeWithFoundationAndCharacters() {
        var random = SplitMix64(seed: 0x5EA4C4)
        var byBytes = 0
        for _ in 0..<5_000 {
            let needle = randomText(&random, pieces: 3)
            let haystack = randomText(&random, pieces: 16)
            guard let fast = LedgerCheck.byteContainsWords(needle, in: haystack) else {
                #expect(needle.isEmpty || !LedgerCheck.isOneScalarPerCharacter(needle) || !LedgerCheck.isOneScalarPerCharacter(haystack))
                #expect(LedgerCheck.byteContains(haystack, needle) == nil)
                continue
            }
            #expect(fast == LedgerCheck.characterContainsWords(needle, in: haystack), "\(needle.debugDescription) in \(haystack.debugDescription)")
            #expect(LedgerCheck.containsWords(needle, in: haystack) == fast)
            #expect(LedgerCheck.byteContains(haystack, needle) == haystack.contains(needle), "\(needle.debugDescription) in \(haystack.debugDescription)")
            byBytes += 1
        }
        #expect(byBytes > 1_000)
        // Both sides of a match must be word boundaries; the search goes on past one that is not.
        #expect(LedgerCheck.byteContainsWords("straw", in: "strawberries and a straw") == true)
        #expect(LedgerCheck.byteContainsWords("straw", in: "strawberries") == false)
        #expect(LedgerCheck.byteContainsWords("稻草", in: "最后一根稻草") == false)
        #expect(LedgerCheck.byteContainsWords("最后一根稻草", in: "是“最后一根稻草”。") == true)
        #expect(LedgerCheck.byteContainsWords("e", in: "e\u{301}") == nil)
    }
}
