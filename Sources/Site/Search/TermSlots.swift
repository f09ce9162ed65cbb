/// Open addressing on the 64-bit FNV-1a fingerprints of terms (`PlainTerm`): each slot holds the number of a term
/// the caller keeps (plus one; 0 is an empty slot). The caller says whether the term under a number is the one
/// looked for, so terms are told apart by their fingerprints first and their bytes only when those agree. Used for
/// a document's terms (`SearchTermTable`) and a shard's (`SearchIndex.shardFile`).
struct TermSlots {
    private var slots: [Int32]
    private var used = 0

    /// Room for `capacity` terms before the table grows.
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
    }

    /// The number of the term whose fingerprint is `fingerprint` and which `isSame` accepts; or nil, after giving
    /// `next` to it. `fingerprintOf` gives a known number's fingerprint, should the table grow (the caller adds the
    /// term numbered `next` after this returns).
    @inline(__always)
    mutating func number(of fingerprint: UInt64, isSame: (Int) -> Bool, orAdd next: Int, fingerprintOf: (Int) -> UInt64) -> Int? {
        let mask = slots.count - 1
        var slot = Self.start(fingerprint, mask: mask)
        while true {
            let found = Int(slots[slot]) - 1
            if found < 0 { break }
            if isSame(found) { return found }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(next + 1)
        used += 1
        // The new term is not among the caller's yet.
        if used * 2 > slots.count { grow { $0 == next ? fingerprint : fingerprintOf($0) } }
        return nil
    }

    @inline(__always)
    private static func start(_ fingerprint: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: fingerprint ^ (fingerprint >> 29)) & mask
    }

    private mutating func grow(_ fingerprintOf: (Int) -> UInt64) {
        let old = slots
        slots = [Int32](repeating: 0, count: old.count * 2)
        let mask = slots.count - 1
        for value in old where value != 0 {
            var slot = Self.start(fingerprintOf(Int(value) - 1), mask: mask)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = value
        }
    }
}
