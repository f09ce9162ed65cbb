/// The names bound in one scope of a render (a template's top level, a loop body, a macro call).
///
/// Scopes hold a handful of names, so a linear search over short strings beats hashing; name
/// lookup is the renderer's most frequent operation.
struct Scope: ExpressibleByDictionaryLiteral {
    private(set) var names: [String] = []
    private(set) var bindings: [Binding] = []

    init() {}

    init(dictionaryLiteral elements: (String, Binding)...) {
        for (name, binding) in elements { self[name] = binding }
    }

    var isEmpty: Bool { names.isEmpty }

    /// Forgets every binding but keeps the storage, for scopes reused on every loop iteration.
    mutating func removeAll() {
        names.removeAll(keepingCapacity: true)
        bindings.removeAll(keepingCapacity: true)
    }

    subscript(name: String) -> Binding? {
        get {
            var index = names.count - 1
            while index >= 0 {
                if names[index] == name { return bindings[index] }
                index -= 1
            }
            return nil
        }
        set {
            if let index = names.firstIndex(of: name) {
                if let newValue {
                    bindings[index] = newValue
                } else {
                    names.remove(at: index)
                    bindings.remove(at: index)
                }
            } else if let newValue {
                names.append(name)
                bindings.append(newValue)
            }
        }
    }

    /// Adds every binding of `inner`, replacing bindings of the same name.
    mutating func merge(_ inner: Scope) {
        for (name, binding) in zip(inner.names, inner.bindings) { self[name] = binding }
    }
}
