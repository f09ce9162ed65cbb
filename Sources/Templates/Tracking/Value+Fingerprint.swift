extension Value {
    /// A 64-bit fingerprint of the value, the same in every process for equal values and different (but for
    /// accidents one in 2⁶⁴) for values that print or compare differently: `"1"`, `1`, `1.0`, `true` and a
    /// safe `"1"` all differ.
    ///
    /// A tagged mapping (`OrderedDictionary.origin` ≠ 0), at any depth, contributes only its tag: what a render
    /// reads of it is recorded as reads of that tag and compared key by key (`keyFingerprints()`), so a list of
    /// cards changes only when the cards in it or their order do. Taking it records no reads.
    public var fingerprint: UInt64 {
        var hasher = FingerprintHasher()
        hasher.combine(self)
        return hasher.value
    }
}
