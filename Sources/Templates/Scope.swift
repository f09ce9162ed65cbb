/// The names bound in one scope of a render (a template's top level, a loop body, a macro call).
///
/// Scopes hold a handful of names, so a linear search over short strings beats hashing; name
/// lookup is the renderer's most frequent operation. Names and bindings sit together in one array,
/// so a new scope costs one allocation, and a loop's scope keeps its storage from one iteration to the next.
struct Scope: ExpressibleByDictionaryLiteral {
    private(set) var entries: [(name: String, binding: Binding)] = []

    init() {}

    init(dictionaryLiteral elements: (String, Binding)...) {
        for (name, binding) in elements { self[name] = binding }
    }

    var isEmpty: Bool { entries.isEmpty }

    /// Forgets every binding but keeps the storage, for scopes reused on every loop iteration.
    mutating func removeAll() {
        entries.removeAll(keepingCapacity: true)
    }

    /// The position in `entries` of the binding of `name`.
    @inline(__always)
    func position(of name: String) -> Int? {
        // Lengths first: reading a string's length is a load, while `==` on two different strings is a
        // call into the runtime, and most names in a scope differ from the one looked for.
        let length = name.utf8.count
        var index = entries.count - 1
        while index >= 0 {
            if entries[index].name.utf8.count == length, entries[index].name == name { return index }
            index -= 1
        }
        return nil
    }

    subscript(name: String) -> Binding? {
        get {
            guard let index = position(of: name) else { return nil }
            return entries[index].binding
        }
        set {
            if let index = position(of: name) {
                if let newValue {
                    entries[index].binding = newValue
                } else {
                    entries.remove(at: index)
                }
            } else if let newValue {
                entries.append((name, newValue))
            }
        }
    }

    /// Whether the scope binds exactly `name`, and nothing else.
    func binds(only name: String) -> Bool {
        entries.count == 1 && entries[0].name == name
    }

    /// Whether the scope binds exactly `first` and `second`, in that order, and nothing else.
    func binds(only first: String, _ second: String) -> Bool {
        entries.count == 2 && entries[0].name == first && entries[1].name == second
    }

    /// Replaces the binding at `index` (of `entries`), keeping its name.
    mutating func rebind(at index: Int, _ binding: Binding) {
        entries[index].binding = binding
    }

    /// Adds every binding of `inner`, replacing bindings of the same name.
    mutating func merge(_ inner: Scope) {
        for entry in inner.entries { self[entry.name] = entry.binding }
    }
}
