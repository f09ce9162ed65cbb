/// The number each distinct term of a shard gets, in order of first sight (`SearchIndex.shardFile`).
protocol TermSlots<Key> {
    associatedtype Key
    /// The slot `key` already has; or nil, after giving it `next`.
    mutating func slot(of key: Key, orAdd next: Int) -> Int?
}

/// Any terms, by `Hashable`.
struct DictionarySlots<Key: Hashable>: TermSlots {
    private var slots: [Key: Int] = [:]

    mutating func slot(of key: Key, orAdd next: Int) -> Int? {
        if let known = slots[key] { return known }
        slots[key] = next
        return nil
    }
}

/// Plain terms, by the fingerprint each already carries (open addressing), rather than hashing it again.
struct PlainTermSlots: TermSlots {
    /// A slot's term's fingerprint, and its number plus one (0: empty).
    private var fingerprints: [UInt64]
    private var numbers: [Int32]
    /// A slot's term, to tell apart terms with the same fingerprint.
    private var texts: [String]

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        fingerprints = [UInt64](repeating: 0, count: size)
        numbers = [Int32](repeating: 0, count: size)
        texts = [String](repeating: "", count: size)
    }

    mutating func slot(of key: PlainTerm, orAdd next: Int) -> Int? {
        let mask = numbers.count - 1
        var slot = Int(truncatingIfNeeded: key.fingerprint ^ (key.fingerprint >> 29)) & mask
        while numbers[slot] != 0 {
            if fingerprints[slot] == key.fingerprint, texts[slot] == key.text { return Int(numbers[slot]) - 1 }
            slot = (slot + 1) & mask
        }
        fingerprints[slot] = key.fingerprint
        numbers[slot] = Int32(next + 1)
        texts[slot] = key.text
        return nil
    }
}
