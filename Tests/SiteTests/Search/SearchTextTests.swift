import Testing
@testable import Site

/// How text becomes search terms: folded (accents, case, compatibility forms), words, and bigrams for Han and kana.
struct SearchTextTests {
    private func terms(_ text: String) -> [String] {
        var found: [String] = []
        SearchText.terms(text) { found.append($0) }
        return found
    }

    @Test func foldsAccentsCaseAndCompatibilityForms() {
        #expect(terms("Émile ÉMILE emile") == ["emile", "emile", "emile"])
        #expect(terms("Ångström naïve ﬁle ＡＩ") == ["angstrom", "naive", "file", "ai"])
        #expect(terms("ΣΟΦΟΣ σοφος σοφοσ") == ["σοφοσ", "σοφοσ", "σοφοσ"])  // final sigma is sigma
    }

    @Test func splitsWordsOnEverythingButLettersAndDigits() {
        #expect(terms("Musk's $97.4 billion bid (2025)") == ["musk", "s", "97", "4", "billion", "bid", "2025"])
        #expect(terms("") == [])
        #expect(terms(String(repeating: "x", count: 41) + " kept") == ["kept"])
    }

    @Test func cutsChineseIntoBigramsAndKeepsALoneCharacter() {
        #expect(terms("马斯克") == ["马斯", "斯克"])
        #expect(terms("OpenAI的马斯克与奥特曼") == ["openai", "的马", "马斯", "斯克", "克与", "与奥", "奥特", "特曼"])
        #expect(terms("马 and 克") == ["马", "and", "克"])
        #expect(terms("カタカナ") == ["カタ", "タカ", "カナ"])
    }

    @Test func shardsByTheFirstThreeCharactersOrTheFirstHanCharacter() {
        // Every word that a three-letter prefix can find is in that prefix's shard; every bigram in its first
        // character's.
        #expect(SearchText.shard(of: "altman", count: 97) == SearchText.shard(of: "alt", count: 97))
        #expect(SearchText.shard(of: "马斯", count: 97) == SearchText.shard(of: "马", count: 97))
        // FNV-1a of "alt" (the script computes the same number; checked in the browser by .ci/check-search.py).
        #expect(SearchText.shard(of: "alt", count: 1 << 31) == 455_432_284)  // 0x1B25585C
    }

    /// The shard as the script says it, scalar by scalar: the first one, or the first three, encoded.
    private func shardByScalars(_ term: String, count: Int) -> Int {
        var hash: UInt32 = 0x811C_9DC5
        let scalars = Array(term.unicodeScalars)
        let key = scalars.prefix(scalars.first.map(SearchText.isCJK) == true ? 1 : 3)
        for byte in String(String.UnicodeScalarView(key)).utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        return Int(hash % UInt32(count))
    }

    /// `shard(of:count:)` reads the term's bytes, counting a scalar at every byte that does not continue one.
    @Test func theShardOnBytesIsTheShardOfTheScalars() {
        // One, two, three and four bytes a scalar; Han and kana (a key of one), CJK compatibility and extension B.
        let pieces = ["a", "Z", "7", "é", "ß", "Σ", "马", "斯", "カ", "ひ", "한", "兀", "𠀀", "😀", "\u{301}", "-", " "]
        var random = SplitMix64(seed: 7)
        for _ in 0..<5_000 {
            let term = (0..<Int(1 + random.next() % 6)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            for count in [1, 7, 97, 1 << 31] {
                #expect(SearchText.shard(of: term, count: count) == shardByScalars(term, count: count), "\(term)")
            }
        }
        #expect(SearchText.shard(of: "", count: 97) == shardByScalars("", count: 97))
    }
}
