/// A string-keyed dictionary that remembers insertion order.
///
/// Python dictionaries (and so Jinja's `items`, `for k in mapping`, `json`) iterate in insertion
/// order; front matter and `site.yml` keys must come out in the order the author wrote them.
///
/// The entries live in one copy-on-write storage object, so a `Value.dictionary` is a single
/// reference: templates copy mappings (page values, cards) all the time, and each copy then costs
/// one retain instead of three.
public struct OrderedDictionary: Sendable, Equatable {
    private var storage: Storage

    public init() { storage = Storage() }

    /// Builds a dictionary from pairs; a repeated key keeps its first position and its last value, like Python's `dict`.
    /// - Parameter origin: The mapping's tag (see `origin`); 0, the default, for none.
    public init(_ pairs: [(String, Value)], origin: UInt32 = 0) {
        storage = Storage()
        storage.keys.reserveCapacity(pairs.count)
        storage.values.reserveCapacity(pairs.count)
        for (key, value) in pairs { self[key] = value }
        storage.origin = origin
    }

    /// The tag under which reads of this mapping are recorded (`ReadTracking`), 0 for none. A copy keeps it,
    /// changed or not: its reads then count as reads of the original, which is never less than exact.
    /// Reading the tag itself records nothing.
    public var origin: UInt32 { storage.origin }

    /// Tags the mapping (0 removes the tag). Other copies of it keep the tag they had.
    public mutating func setOrigin(_ origin: UInt32) {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        storage.origin = origin
    }

    /// The keys, in insertion order.
    public var keys: [String] {
        if storage.origin != 0 { ReadTracking.noteRead(storage.origin, nil) }
        return storage.keys
    }
    /// The values, parallel to `keys`.
    public var values: [Value] {
        if storage.origin != 0 { ReadTracking.noteRead(storage.origin, nil) }
        return storage.values
    }
    public var count: Int {
        if storage.origin != 0 { ReadTracking.noteRead(storage.origin, nil) }
        return storage.keys.count
    }
    public var isEmpty: Bool {
        if storage.origin != 0 { ReadTracking.noteRead(storage.origin, nil) }
        return storage.keys.isEmpty
    }

    /// The entries in insertion order.
    public var pairs: [(key: String, value: Value)] {
        if storage.origin != 0 { ReadTracking.noteRead(storage.origin, nil) }
        return Array(zip(storage.keys, storage.values)).map { (key: $0.0, value: $0.1) }
    }

    /// Keys and values as they are, recording nothing: for fingerprinting (`OrderedDictionary+Fingerprint`),
    /// never for what a render shows.
    var unrecordedKeys: [String] { storage.keys }
    var unrecordedValues: [Value] { storage.values }

    public subscript(key: String) -> Value? {
        get {
            if storage.origin != 0 { ReadTracking.noteRead(storage.origin, key) }
            guard let position = storage.position(of: key) else { return nil }
            return storage.values[position]
        }
        set {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            storage.set(key, newValue)
        }
    }

    /// The storage object: two mappings with the same one hold the same entries (a change makes a new one
    /// unless the storage was unshared). Valid only while a copy of the mapping is kept alive.
    var storageIdentity: ObjectIdentifier { ObjectIdentifier(storage) }

    /// 1 + the depth of the deepest value (see `Value.nestingDepth`), kept up to date by every change.
    var nestingDepth: Int { storage.childDepth + 1 }

    public static func == (lhs: OrderedDictionary, rhs: OrderedDictionary) -> Bool {
        if lhs.storage.origin != 0 { ReadTracking.noteRead(lhs.storage.origin, nil) }
        if rhs.storage.origin != 0 { ReadTracking.noteRead(rhs.storage.origin, nil) }
        return lhs.storage === rhs.storage || (lhs.storage.keys == rhs.storage.keys && lhs.storage.values == rhs.storage.values)
    }

    /// Keys and values in parallel arrays, each key with a 64-bit fingerprint of its bytes, plus an
    /// open-addressing index of those fingerprints once the mapping is larger than `indexThreshold`.
    ///
    /// Key lookup was the largest single cost of rendering (a twelfth of it): every `page.title` is one.
    /// Swift's `Dictionary` hashes each key with seeded SipHash and `==` on unequal strings takes a slow
    /// path; comparing fingerprints first makes a miss one integer comparison, and the index replaces
    /// SipHash with FNV-1a over a few bytes. Keys are a site's own front matter and slugs, not an
    /// attacker's, so a hash without a seed is fine.
    ///
    /// Fingerprints compare bytes, which for ASCII is exactly `String`'s `==`. A non-ASCII key could equal
    /// another written with different bytes (é as one scalar or two), so a mapping holding one, or a lookup
    /// of one, goes the old way: `==` on every key, or Swift's `Dictionary` when large.
    ///
    /// `@unchecked Sendable`: a storage object is only mutated while uniquely referenced (copy on write).
    /// For the same reason its properties skip the runtime's exclusivity checks, which cost a lookup as much
    /// as the lookup itself: no access can overlap a mutation.
    private final class Storage: @unchecked Sendable {
        @exclusivity(unchecked) var keys: [String] = []
        @exclusivity(unchecked) var values: [Value] = []
        /// `Storage.fingerprint(keys[i])`, or 0 for a non-ASCII key.
        @exclusivity(unchecked) var fingerprints: [UInt64] = []
        /// Slots of `keys` by fingerprint (-1: empty), a power of two at least twice `keys.count`; empty while
        /// the mapping is small or holds a non-ASCII key.
        @exclusivity(unchecked) var table: [Int32] = []
        /// Whether every key is ASCII (so fingerprints decide).
        @exclusivity(unchecked) var asciiOnly = true
        /// Positions by key, kept only for a large mapping with a non-ASCII key.
        @exclusivity(unchecked) var positions: [String: Int] = [:]
        /// The largest `nestingDepth` among the values.
        @exclusivity(unchecked) var childDepth = 0
        /// The mapping's tag (`OrderedDictionary.origin`), 0 for none.
        @exclusivity(unchecked) var origin: UInt32 = 0
        static let indexThreshold = 12

        init() {}

        func copy() -> Storage {
            let copy = Storage()
            copy.keys = keys
            copy.values = values
            copy.fingerprints = fingerprints
            copy.table = table
            copy.asciiOnly = asciiOnly
            copy.positions = positions
            copy.childDepth = childDepth
            copy.origin = origin
            return copy
        }

        /// FNV-1a over the key's bytes, or nil when it is not all ASCII. Never 0 for an ASCII key.
        @inline(__always)
        static func fingerprint(_ key: String) -> UInt64? {
            // Over a buffer, not `for byte in key.utf8`: iterating a small string's view byte by byte cost
            // more than the lookup it served.
            if let hash = key.utf8.withContiguousStorageIfAvailable(fingerprint) { return hash }
            return Array(key.utf8).withUnsafeBufferPointer(fingerprint)
        }

        @inline(__always)
        private static func fingerprint(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes {
                if byte >= 0x80 { return nil }
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            }
            return hash | 1
        }

        /// The table slot to start probing at for `fingerprint` (Fibonacci hashing: the high bits of a product).
        @inline(__always)
        private func startSlot(_ fingerprint: UInt64) -> Int {
            Int(truncatingIfNeeded: (fingerprint &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - table.count.trailingZeroBitCount))
        }

        func position(of key: String) -> Int? {
            position(of: key, fingerprint: Storage.fingerprint(key))
        }

        /// `position(of:)` with the key's `fingerprint` already worked out (`set` needs it again to append).
        @inline(__always)
        private func position(of key: String, fingerprint: UInt64?) -> Int? {
            guard asciiOnly, let fingerprint else { return slowPosition(of: key) }
            if table.isEmpty {
                var index = 0
                while index < fingerprints.count {
                    if fingerprints[index] == fingerprint, keys[index] == key { return index }
                    index += 1
                }
                return nil
            }
            let mask = table.count - 1
            var slot = startSlot(fingerprint)
            while true {
                let position = Int(table[slot])
                if position < 0 { return nil }
                if fingerprints[position] == fingerprint, keys[position] == key { return position }
                slot = (slot + 1) & mask
            }
        }

        /// Lookup by `==` alone, for mappings or keys with non-ASCII characters.
        private func slowPosition(of key: String) -> Int? {
            if keys.count > Storage.indexThreshold, !asciiOnly { return positions[key] }
            return keys.firstIndex(of: key)
        }

        func set(_ key: String, _ newValue: Value?) {
            let newDepth = newValue?.nestingDepth ?? 0
            // One fingerprint for both the search and the append: every mapping the site builds is made by `set`.
            let fingerprint = Storage.fingerprint(key)
            if let position = position(of: key, fingerprint: fingerprint) {
                let oldDepth = values[position].nestingDepth
                if let newValue {
                    values[position] = newValue
                } else {
                    remove(at: position)
                }
                if newDepth >= childDepth {
                    childDepth = newDepth
                } else if oldDepth == childDepth {
                    childDepth = values.reduce(0) { max($0, $1.nestingDepth) }
                }
            } else if let newValue {
                childDepth = max(childDepth, newDepth)
                keys.append(key)
                values.append(newValue)
                fingerprints.append(fingerprint ?? 0)
                if fingerprint == nil, asciiOnly {
                    asciiOnly = false
                    table = []
                }
                reindex(added: keys.count - 1)
            }
        }

        /// Keeps the index in step after the key at `added` was appended.
        private func reindex(added: Int) {
            guard keys.count > Storage.indexThreshold else { return }
            if !asciiOnly {
                if positions.isEmpty {
                    for (index, key) in keys.enumerated() { positions[key] = index }
                } else {
                    positions[keys[added]] = added
                }
                return
            }
            if table.count < keys.count * 2 {
                rebuildTable()
            } else {
                insert(added)
            }
        }

        private func rebuildTable() {
            var capacity = 32
            while capacity < keys.count * 2 { capacity *= 2 }
            table = [Int32](repeating: -1, count: capacity)
            for index in keys.indices { insert(index) }
        }

        private func insert(_ position: Int) {
            let mask = table.count - 1
            var slot = startSlot(fingerprints[position])
            while table[slot] >= 0 { slot = (slot + 1) & mask }
            table[slot] = Int32(truncatingIfNeeded: position)
        }

        private func remove(at position: Int) {
            keys.remove(at: position)
            values.remove(at: position)
            fingerprints.remove(at: position)
            asciiOnly = !fingerprints.contains(0)
            table = []
            positions = [:]
            guard keys.count > Storage.indexThreshold else { return }
            if asciiOnly {
                rebuildTable()
            } else {
                for (index, key) in keys.enumerated() { positions[key] = index }
            }
        }
    }
}

extension OrderedDictionary: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, Value)...) { self.init(elements) }
}
