/// A memo table by name: a last build's table with the entries a later build put in laid over it.
///
/// On a body edit the Markdown and page memos keep ten thousand entries and change one. Putting that one into
/// a copy of the last table copied every entry (the last build's session still holds the table, so the copy
/// could not be made in place), retaining each entry's many fields: about 5 ms a memo on every rebuild.
/// Laid over, the last table is shared as it is; the changes are folded in once they are many.
struct OverlaidTable<Value: Sendable>: Sendable, Sequence {
    private var base: [String: Value]
    private var changes: [String: Value] = [:]
    /// How many names the table has.
    private(set) var count: Int

    /// How many changes are laid over the base before they are folded into it.
    static var foldsAfter: Int { 256 }

    init(_ base: [String: Value] = [:]) {
        self.base = base
        count = base.count
    }

    var isEmpty: Bool { count == 0 }

    subscript(name: String) -> Value? {
        if changes.isEmpty { return base[name] }
        return changes[name] ?? base[name]
    }

    /// The table with `entries` put in, each taking the place of an entry of the same name.
    func overlaying(_ entries: [String: Value]) -> OverlaidTable {
        var table = self
        for (name, entry) in entries {
            if table.changes.updateValue(entry, forKey: name) == nil, table.base[name] == nil { table.count += 1 }
        }
        if table.changes.count > Self.foldsAfter { table = OverlaidTable(table.dictionary) }
        return table
    }

    /// Every entry in one dictionary.
    var dictionary: [String: Value] {
        changes.isEmpty ? base : base.merging(changes) { _, change in change }
    }

    func mapValues<T>(_ transform: (Value) throws -> T) rethrows -> [String: T] {
        try dictionary.mapValues(transform)
    }

    func makeIterator() -> Dictionary<String, Value>.Iterator {
        dictionary.makeIterator()
    }
}
