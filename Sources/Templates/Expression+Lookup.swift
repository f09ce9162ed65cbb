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

    /// Whether this expression may name an object rather than a value: `loop`, `caller`, `m.macro`, `cycler(…)`.
    var mayNameObject: Bool {
        switch kind {
        case .name: return true
        case .attribute(let base, _): if case .name = base.kind { return true } else { return false }
        case .call(let callee, _): if case .name = callee.kind { return true } else { return false }
        default: return false
        }
    }

    private var isLiteral: Bool {
        if case .literal = kind { return true }
        return false
    }
}
