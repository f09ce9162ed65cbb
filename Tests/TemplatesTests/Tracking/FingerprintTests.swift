import Templates
import Testing

/// `Value.fingerprint`, `OrderedDictionary.keyFingerprints()` and `contentFingerprint()`: stable, telling
/// kinds apart, and blind to what is inside a tagged mapping.
@Suite struct FingerprintTests {
    static func card(_ title: String, origin: UInt32) -> Value {
        .dictionary(OrderedDictionary([("title", .string(title)), ("date", "2024")], origin: origin))
    }

    @Test func valuesOfDifferentKindsDiffer() {
        let values: [Value] = [.string("1"), .safe("1"), .int(1), .double(1.0), .bool(true), .none, .string(""), .array([]),
                               .dictionary([:]), .array(["1"]), .double(-0.0), .double(0.0), .int(0), .bool(false)]
        let fingerprints = values.map(\.fingerprint)
        #expect(Set(fingerprints).count == values.count, "\(zip(values, fingerprints).map { "\($0): \($1)" })")
    }

    @Test func theEncodingIsFixed() {
        // FNV-1a 64 of "s", the length 1 as eight little-endian bytes, and "a" (worked out separately, in Python):
        // the same in every process, unlike `Hasher`.
        #expect(Value.string("a").fingerprint == 0xb4d9_0dd5_d7e9_1706)
        #expect(Value.int(1).fingerprint == 0x7a32_4a84_d31a_f0c5)
    }

    /// A string of eight bytes or more is taken eight bytes at a time (little-endian words, an odd multiplier and
    /// an xor-shift), the rest a byte at a time.
    @Test func longStringsAreHashedByWords() {
        // "s", the length 10 as eight bytes, FNV-1a; then "abcdefgh" as one word and "ij" a byte at a time (worked
        // out separately, in Python).
        #expect(Value.string("abcdefghij").fingerprint == 0xe926_f68e_3702_d93b)
        // Each step is a bijection for its word: a text changed in one place, any byte to any other, never
        // collides with the original; nor does one made in pieces from the same text.
        let text = Array("A page's body: <p>Sam Altman and Elon Musk co-founded OpenAI in 2015.</p>".utf8)
        let original = Value.string(String(decoding: text, as: UTF8.self)).fingerprint
        for position in text.indices {
            for replacement: UInt8 in [0x20, 0x41, 0x7A, text[position] ^ 0x01] where replacement != text[position] {
                var edited = text
                edited[position] = replacement
                #expect(Value.string(String(decoding: edited, as: UTF8.self)).fingerprint != original, "byte \(position)")
            }
        }
        let pieces = String(decoding: text[..<20], as: UTF8.self) + String(decoding: text[20...], as: UTF8.self)
        #expect(Value.string(pieces).fingerprint == original)
    }

    @Test func boundariesBetweenPartsCount() {
        #expect(Value.array(["a b", "c"]).fingerprint != Value.array(["a", "b c"]).fingerprint)
        #expect(Value.array([.array(["a"]), "b"]).fingerprint != Value.array([.array(["a", "b"])]).fingerprint)
        let one = OrderedDictionary([("a", "b"), ("c", "d")])
        let other = OrderedDictionary([("a", "bc"), ("", "d")])
        #expect(Value.dictionary(one).fingerprint != Value.dictionary(other).fingerprint)
    }

    @Test func equalValuesBuiltApartAreEqual() {
        func build() -> Value {
            var mapping = OrderedDictionary()
            mapping["title"] = "Musk v. Altman"
            mapping["people"] = .array(["Elon Musk", "Sam Altman", .int(2015), .double(1.5), .safe("<b>x</b>"), .none])
            mapping["nested"] = .dictionary(["é": .bool(true)])
            return .dictionary(mapping)
        }
        #expect(build().fingerprint == build().fingerprint)
        var changed = build()
        if case .dictionary(var mapping) = changed {
            mapping["nested"] = .dictionary(["é": .bool(false)])
            changed = .dictionary(mapping)
        }
        #expect(changed.fingerprint != build().fingerprint)
    }

    @Test func keyOrderCountsInAMapping() {
        let ab = OrderedDictionary([("a", 1), ("b", 2)])
        let ba = OrderedDictionary([("b", 2), ("a", 1)])
        #expect(Value.dictionary(ab).fingerprint != Value.dictionary(ba).fingerprint)
        #expect(ab.contentFingerprint() != ba.contentFingerprint())
        #expect(ab.keyFingerprints() == ba.keyFingerprints())
    }

    @Test func aTaggedMappingInsideCountsOnlyByItsTag() {
        let list = Value.array([Self.card("One", origin: 5), Self.card("Two", origin: 6)])
        #expect(list.fingerprint == Value.array([Self.card("Changed", origin: 5), Self.card("Two", origin: 6)]).fingerprint)
        #expect(list.fingerprint != Value.array([Self.card("Two", origin: 6), Self.card("One", origin: 5)]).fingerprint)
        #expect(list.fingerprint != Value.array([Self.card("One", origin: 5)]).fingerprint)
        #expect(list.fingerprint != Value.array([Self.card("One", origin: 7), Self.card("Two", origin: 6)]).fingerprint)
        // Untagged, the contents count.
        #expect(Value.array([Self.card("One", origin: 0)]).fingerprint != Value.array([Self.card("Changed", origin: 0)]).fingerprint)
    }

    @Test func keyFingerprintsChangeOnlyForTheKeyThatChanged() {
        let page = OrderedDictionary([("title", "A"), ("related", .array([Self.card("One", origin: 5)])), ("n", 1)], origin: 3)
        var edited = page
        edited["title"] = "B"
        edited["related"] = .array([Self.card("One, edited", origin: 5)])
        let before = page.keyFingerprints()
        let after = edited.keyFingerprints()
        #expect(before.keys.sorted() == ["n", "related", "title"])
        #expect(before["title"] != after["title"])
        #expect(before["related"] == after["related"])
        #expect(before["n"] == after["n"])
        #expect(page.contentFingerprint() != edited.contentFingerprint())
    }

    @Test func theMappingsOwnTagIsNotPartOfItsContent() {
        let tagged = OrderedDictionary([("a", 1)], origin: 9)
        let untagged = OrderedDictionary([("a", 1)])
        #expect(tagged.contentFingerprint() == untagged.contentFingerprint())
        #expect(Value.dictionary(tagged).fingerprint != Value.dictionary(untagged).fingerprint)
    }

    @Test func fingerprintingRecordsNoReads() {
        let page = OrderedDictionary([("title", "A"), ("inner", .dictionary(["x": 1]))], origin: 3)
        let recorder = ReadRecorder()
        ReadTracking.recording(recorder) {
            _ = page.keyFingerprints()
            _ = page.contentFingerprint()
            _ = Value.array([.dictionary(page)]).fingerprint
            _ = page.origin
        }
        #expect(recorder.recorded.isEmpty)
    }
}
