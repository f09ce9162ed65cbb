import Templates
import Testing

/// `OrderedDictionary` against the simplest model of it: an array of pairs searched with `==`.
///
/// The dictionary finds keys by fingerprint, through an index once it is large, and falls back to `==`
/// for non-ASCII keys; random sequences of inserts, updates and removals cross every one of those
/// boundaries (small to large and back, ASCII-only to mixed and back) and must never disagree with the model.
@Suite struct OrderedDictionaryTests {
    /// Keys that collide in interesting ways: short and long ASCII, a prefix of another, and two spellings
    /// of "café" that `String` considers equal (one scalar é, or e plus a combining accent).
    static let keyPool: [String] = {
        var keys = (0..<60).map { "k\($0)" } + ["", "a", "ab", "abc", "title", "date_approximate", "sort_date"]
        keys += ["caf\u{E9}", "cafe\u{301}", "na\u{EF}ve", "\u{1F600}"]
        return keys
    }()

    @Test(arguments: 1...12)
    func agreesWithAListOfPairs(seed: Int) {
        // Seeded (`SplitMix64`, as the mutation test uses), so a failure replays.
        var random = SplitMix64(seed: UInt64(seed))
        var mapping = OrderedDictionary()
        var model: [(key: String, value: Value)] = []
        // Most runs stay ASCII; some let non-ASCII keys in, so both paths and the switch between them run.
        let pool = seed % 3 == 0 ? Self.keyPool : Self.keyPool.filter { $0.utf8.allSatisfy { $0 < 0x80 } }
        for step in 0..<600 {
            let key = pool[Int.random(in: 0..<pool.count, using: &random)]
            let roll = Int.random(in: 0..<10, using: &random)
            if roll < 6 {
                mapping[key] = .int(step)
                if let index = model.firstIndex(where: { $0.key == key }) {
                    model[index].value = .int(step)
                } else {
                    model.append((key, .int(step)))
                }
            } else if roll < 9 {
                mapping[key] = nil
                model.removeAll { $0.key == key }
            } else {
                // A copy changed afterwards must not change the original (copy on write).
                var copy = mapping
                copy["copy-only"] = .int(-1)
                #expect(mapping["copy-only"] == nil)
            }
            #expect(mapping.count == model.count, "seed \(seed), step \(step)")
            for probe in pool {
                let expected = model.first { $0.key == probe }?.value
                #expect(mapping[probe] == expected, "seed \(seed), step \(step): key \(probe.debugDescription)")
            }
        }
        #expect(mapping.keys == model.map(\.key))
        #expect(mapping.values == model.map(\.value))
    }

    @Test func canonicallyEqualKeysAreOneKey() {
        var mapping = OrderedDictionary((0..<20).map { ("k\($0)", Value.int($0)) })
        mapping["caf\u{E9}"] = 1
        mapping["cafe\u{301}"] = 2
        #expect(mapping.count == 21)
        #expect(mapping["caf\u{E9}"] == 2)
        mapping["cafe\u{301}"] = nil
        #expect(mapping["caf\u{E9}"] == nil)
        #expect(mapping["k19"] == 19)
    }
}
