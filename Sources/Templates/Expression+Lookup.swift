extension Expression {
    /// Whether evaluating this expression only reads an existing value (`page`, `page.people`,
    /// `pages[0]`) and builds nothing.
    ///
    /// `set` checks the size and nesting of what it stores, to stop a template from building a value
    /// that explodes; a plain lookup cannot do that, and walking a large context value (10,000 pages)
    /// on every `set` of it would make rendering quadratic.
    var isLookup: Bool {
        switch kind {
        case .name: return true
        case .attribute(let base, _): return base.isLookup
        case .item(let base, let index): return base.isLookup && index.isLookup || base.isLookup && index.isLiteral
        default: return false
        }
    }

    private var isLiteral: Bool {
        if case .literal = kind { return true }
        return false
    }
}
