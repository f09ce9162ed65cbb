/// A filter that ships with the engine.
struct BuiltinFilter: Sendable {
    /// Whether the filter runs on an undefined input (`default`, `items`); for all others an
    /// undefined input is an error naming the undefined expression.
    let acceptsUndefined: Bool
    let apply: @Sendable (FilterCall) throws -> Value?

    init(acceptsUndefined: Bool = false, _ apply: @escaping @Sendable (FilterCall) throws -> Value?) {
        self.acceptsUndefined = acceptsUndefined
        self.apply = apply
    }
}
