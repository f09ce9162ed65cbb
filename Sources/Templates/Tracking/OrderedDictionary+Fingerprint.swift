extension OrderedDictionary {
    /// Each key's value's `Value.fingerprint` (tagged mappings inside as their tag only): what a read of
    /// `ReadKey(origin, key)` saw. A key absent here was absent to the render too. Records no reads.
    public func keyFingerprints() -> [String: UInt64] {
        var result: [String: UInt64] = [:]
        let keys = unrecordedKeys
        result.reserveCapacity(keys.count)
        for (key, element) in zip(keys, unrecordedValues) { result[key] = element.fingerprint }
        return result
    }

    /// A fingerprint of the key list, in order, and every value (tagged mappings inside as their tag only):
    /// what a whole-mapping read, `ReadKey(origin, nil)`, saw. The mapping's own tag is not part of it.
    /// Records no reads.
    public func contentFingerprint() -> UInt64 {
        var hasher = FingerprintHasher()
        hasher.combineEntries(of: self)
        return hasher.value
    }
}
