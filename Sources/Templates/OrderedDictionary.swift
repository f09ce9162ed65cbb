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
    public init(_ pairs: [(String, Value)]) {
        storage = Storage()
        storage.keys.reserveCapacity(pairs.count)
        storage.values.reserveCapacity(pairs.count)
        for (key, value) in pairs { self[key] = value }
    }

    /// The keys, in insertion order.
    public var keys: [String] { storage.keys }
    /// The values, parallel to `keys`.
    public var values: [Value] { storage.values }
    public var count: Int { storage.keys.count }
    public var isEmpty: Bool { storage.keys.isEmpty }

    /// The entries in insertion order.
    public var pairs: [(key: String, value: Value)] {
        Array(zip(storage.keys, storage.values)).map { (key: $0.0, value: $0.1) }
    }

    public subscript(key: String) -> Value? {
        get {
            guard let position = storage.position(of: key) else { return nil }
            return storage.values[position]
        }
        set {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            storage.set(key, newValue)
        }
    }

    /// 1 + the depth of the deepest value (see `Value.nestingDepth`), kept up to date by every change.
    var nestingDepth: Int { storage.childDepth + 1 }

    public static func == (lhs: OrderedDictionary, rhs: OrderedDictionary) -> Bool {
        lhs.storage === rhs.storage || (lhs.storage.keys == rhs.storage.keys && lhs.storage.values == rhs.storage.values)
    }

    /// Keys and values in parallel arrays, plus a hash index built only for mappings larger than
    /// `indexThreshold`: for the small mappings templates mostly read (front matter, cards),
    /// comparing short keys is faster than hashing.
    ///
    /// `@unchecked Sendable`: a storage object is only mutated while uniquely referenced (copy on write).
    private final class Storage: @unchecked Sendable {
        var keys: [String] = []
        var values: [Value] = []
        var positions: [String: Int] = [:]
        /// The largest `nestingDepth` among the values.
        var childDepth = 0
        static let indexThreshold = 12

        init() {}

        func copy() -> Storage {
            let copy = Storage()
            copy.keys = keys
            copy.values = values
            copy.positions = positions
            copy.childDepth = childDepth
            return copy
        }

        func position(of key: String) -> Int? {
            if keys.count > Storage.indexThreshold { return positions[key] }
            return keys.firstIndex(of: key)
        }

        func set(_ key: String, _ newValue: Value?) {
            let newDepth = newValue?.nestingDepth ?? 0
            if let position = position(of: key) {
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
                if keys.count == Storage.indexThreshold + 1 {
                    for (index, existing) in keys.enumerated() { positions[existing] = index }
                } else if keys.count > Storage.indexThreshold {
                    positions[key] = keys.count - 1
                }
            }
        }

        private func remove(at position: Int) {
            keys.remove(at: position)
            values.remove(at: position)
            positions = [:]
            if keys.count > Storage.indexThreshold {
                for (index, key) in keys.enumerated() { positions[key] = index }
            }
        }
    }
}

extension OrderedDictionary: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, Value)...) { self.init(elements) }
}
