/// A string-keyed dictionary that remembers insertion order.
///
/// Python dictionaries (and so Jinja's `items`, `for k in mapping`, `json`) iterate in insertion
/// order; front matter and `site.yml` keys must come out in the order the author wrote them.
public struct OrderedDictionary: Sendable, Equatable {
    /// The keys, in insertion order.
    public private(set) var keys: [String] = []
    /// The values, parallel to `keys`.
    public private(set) var values: [Value] = []
    /// A hash index, built only for mappings larger than `indexThreshold`: for the small
    /// mappings templates mostly read (front matter, cards), comparing short keys is faster than hashing.
    private var positions: [String: Int] = [:]
    private static let indexThreshold = 12

    public init() {}

    /// Builds a dictionary from pairs; a repeated key keeps its first position and its last value, like Python's `dict`.
    public init(_ pairs: [(String, Value)]) {
        keys.reserveCapacity(pairs.count)
        values.reserveCapacity(pairs.count)
        for (key, value) in pairs { self[key] = value }
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    /// The entries in insertion order.
    public var pairs: [(key: String, value: Value)] {
        Array(zip(keys, values)).map { (key: $0.0, value: $0.1) }
    }

    private func position(of key: String) -> Int? {
        if keys.count > OrderedDictionary.indexThreshold { return positions[key] }
        return keys.firstIndex(of: key)
    }

    public subscript(key: String) -> Value? {
        get {
            guard let position = position(of: key) else { return nil }
            return values[position]
        }
        set {
            if let position = position(of: key) {
                if let newValue {
                    values[position] = newValue
                } else {
                    remove(at: position)
                }
            } else if let newValue {
                keys.append(key)
                values.append(newValue)
                if keys.count == OrderedDictionary.indexThreshold + 1 {
                    for (index, existing) in keys.enumerated() { positions[existing] = index }
                } else if keys.count > OrderedDictionary.indexThreshold {
                    positions[key] = keys.count - 1
                }
            }
        }
    }

    private mutating func remove(at position: Int) {
        keys.remove(at: position)
        values.remove(at: position)
        positions = [:]
        if keys.count > OrderedDictionary.indexThreshold {
            for (index, key) in keys.enumerated() { positions[key] = index }
        }
    }

    public static func == (lhs: OrderedDictionary, rhs: OrderedDictionary) -> Bool {
        lhs.keys == rhs.keys && lhs.values == rhs.values
    }
}

extension OrderedDictionary: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, Value)...) { self.init(elements) }
}
