/// The object `namespace()` creates: attributes that `{% set ns.name = … %}` can change from
/// inside a loop, where a plain `set` would stay local to the iteration (Jinja's `namespace`).
///
/// A reference type on purpose: every scope that sees the namespace sees the same attributes.
/// It lives only inside one render, so it needs no locking.
final class Namespace {
    var attributes: OrderedDictionary

    init(_ attributes: OrderedDictionary) { self.attributes = attributes }

    /// How Jinja prints a namespace.
    var display: String { "<Namespace \(Value.dictionary(attributes).pythonRepr)>" }
}
