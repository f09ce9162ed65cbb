import Foundation
import Testing
@testable import Site

/// Plain terms (ASCII and Han ideographs) are counted, told apart and sorted by their bytes; the index must be
/// the one that comparing them as strings gives.
struct SearchPlainTermTests {
    static let words = ["musk", "altman", "openai", "2015", "马斯", "斯克", "奥特", "的", "é", "ａｉ", "emile", "émile", "ǅ", "ｶﾞ",
                        "한국", "カタ", "Σοφος", "x", "ab", "abc", "b", "㐀", "一", "龥"]

    /// A document's terms as the index once counted them: a `String`-keyed dictionary of everything `terms` emits.
    private func stringTerms(_ document: SearchDocument) -> [String: UInt8] {
        var found: [String: UInt8] = [:]
        func add(_ text: String, _ field: SearchDocument.Field) {
            SearchText.terms(text) { found[$0, default: 0] |= field.rawValue }
        }
        add(document.title, .title)
        for heading in document.headings { add(heading, .heading) }
        add(document.summary, .summary)
        if let collection = document.collection { add(collection, .summary) }
        for title in document.related { add(title, .summary) }
        add(document.body, .body)
        return found
    }

    private func randomText(_ random: inout SplitMix64, plainOnly: Bool) -> String {
        let words = plainOnly ? Self.words.filter(SearchText.isPlain) : Self.words
        return (0..<Int(random.next() % 12)).map { _ in words[Int(random.next() % UInt64(words.count))] }
            .joined(separator: random.next() % 3 == 0 ? "" : " ")
    }

    @Test func aDocumentsTermsAreTheOnesStringsWouldGive() {
        var random = SplitMix64(seed: 24)
        for round in 0..<2_000 {
            let plainOnly = round % 2 == 0
            let document = SearchDocument(url: "/x/", title: randomText(&random, plainOnly: plainOnly), collection: nil, date: "",
                                          summary: randomText(&random, plainOnly: plainOnly), headings: [randomText(&random, plainOnly: true)],
                                          body: randomText(&random, plainOnly: plainOnly))
            let terms = document.terms()
            #expect(Dictionary(terms.map { ($0.text, $0.fields) }, uniquingKeysWith: { _, _ in 0xFF }) == stringTerms(document))
            #expect(terms.allSatisfy { $0.isPlain == SearchText.isPlain($0.text) })
        }
    }

    @Test func aShardOfPlainTermsIsWrittenAsStringsWouldWriteIt() {
        var random = SplitMix64(seed: 22)
        for _ in 0..<500 {
            let postings = (0..<Int(random.next() % 40)).map { index in
                let words = Self.words.filter(SearchText.isPlain)
                let term = (0..<(1 + Int(random.next() % 3))).map { _ in words[Int(random.next() % UInt64(words.count))] }.joined()
                return SearchIndex.Posting(term: term, document: index / 3, fields: UInt8(1 + random.next() % 15), key: PlainTerm(term))
            }
            #expect(SearchIndex.shardFile(7, postings: postings) == SearchIndex.shardFile(7, postings: postings, byBytes: false))
        }
        // Non-ASCII sorts after ASCII, and Han by code point, as `String`'s `<` has it.
        let postings = ["马斯", "b", "一", "a1", "斯克"].enumerated().map {
            SearchIndex.Posting(term: $0.element, document: $0.offset, fields: 1, key: PlainTerm($0.element))
        }
        let text = String(decoding: SearchIndex.shardFile(0, postings: postings), as: UTF8.self)
        #expect(text == #"__buildSiteSearch("t/0",{"a1":[49],"b":[17],"一":[33],"斯克":[65],"马斯":[1]});"# + "\n")
    }
}

/// The table of terms by fingerprint (`TermSlots`) numbers terms in order of first sight, tells apart terms whose
/// fingerprints collide by what the caller says of them, and keeps every number when it grows.
struct TermSlotsTests {
    /// Terms kept the way a caller keeps them, looked up by fingerprint and text.
    private struct Terms {
        var slots: TermSlots
        var terms: [PlainTerm] = []

        mutating func number(of term: PlainTerm) -> Int? {
            let terms = self.terms
            let known = slots.number(of: term.fingerprint, isSame: { terms[$0] == term }, orAdd: terms.count,
                                     fingerprintOf: { terms[$0].fingerprint })
            if known == nil { self.terms.append(term) }
            return known
        }
    }

    @Test func numbersTermsInOrderOfFirstSightAndTellsCollisionsApart() {
        var table = Terms(slots: TermSlots(capacity: 4))
        let musk = PlainTerm(text: "musk", fingerprint: 7, prefix: 0)
        let altman = PlainTerm(text: "altman", fingerprint: 7, prefix: 0)   // the same fingerprint, on purpose
        let openai = PlainTerm("openai")
        #expect(table.number(of: musk) == nil)
        #expect(table.number(of: altman) == nil)
        #expect(table.number(of: openai) == nil)
        #expect(table.number(of: musk) == 0)
        #expect(table.number(of: altman) == 1)
        #expect(table.number(of: PlainTerm("openai")) == 2)
    }

    @Test func growsPastWhatItWasMadeForAndKeepsEveryNumber() {
        var table = Terms(slots: TermSlots(capacity: 4))
        for number in 0..<500 { #expect(table.number(of: PlainTerm("t\(number)")) == nil) }
        for number in 0..<500 { #expect(table.number(of: PlainTerm("t\(number)")) == number) }
        // Colliding fingerprints survive the growth too.
        #expect(table.number(of: PlainTerm(text: "x", fingerprint: 3, prefix: 0)) == nil)
        #expect(table.number(of: PlainTerm(text: "y", fingerprint: 3, prefix: 0)) == nil)
        for number in 500..<2_000 { #expect(table.number(of: PlainTerm("u\(number)")) == nil) }
        #expect(table.number(of: PlainTerm(text: "y", fingerprint: 3, prefix: 0)) == 501)
        #expect(table.number(of: PlainTerm("t250")) == 250)
    }

    @Test func madeFromBytesEqualsMadeFromText() {
        for text in ["", "a", "musk", "马斯克", "abcdefghijk", "2015"] {
            var copy = text
            let (fingerprint, prefix) = copy.withUTF8 { PlainTerm.fingerprintAndPrefix(of: $0) }
            let term = PlainTerm(text)
            #expect(term.fingerprint == fingerprint && term.prefix == prefix)
        }
    }
}
