/// Bounds how deep values built by templates may get.
///
/// Printing, comparing and even freeing a value recurse through its nesting, so a template that
/// wraps a list in itself inside a loop (`{% set x = [x] %}`) could otherwise build a value deep
/// enough to overflow the stack.
///
/// A mapping keeps its own depth up to date as entries are set (see `OrderedDictionary`), so the
/// depth of site data (a page's mapping, 10,000 cards) is read in constant time; only lists are
/// walked, and a walk stops one level past the limit.
extension Value {
    static let maxNesting = 200

    /// Why the value is over a limit (nesting deeper than `maxNesting`), or nil. Sizes are bounded
    /// where strings and lists are built (`checkSize`), so this only looks at depth.
    func limitViolation() -> String? {
        nestingDepth > Value.maxNesting ? "value nests more than \(Value.maxNesting) levels deep" : nil
    }

    /// 0 for a scalar, 1 + the deepest element for a list or mapping; saturates at `maxNesting + 1`.
    var nestingDepth: Int {
        switch self {
        case .dictionary(let mapping): return mapping.nestingDepth
        case .array(let items): return Value.depth(of: items, limit: Value.maxNesting + 1)
        default: return 0
        }
    }

    /// The depth of a list, at most `limit`.
    private static func depth(of items: [Value], limit: Int) -> Int {
        guard limit > 1 else { return limit }
        var deepest = 0
        for item in items {
            switch item {
            case .dictionary(let mapping): deepest = max(deepest, min(mapping.nestingDepth, limit - 1))
            case .array(let inner): deepest = max(deepest, depth(of: inner, limit: limit - 1))
            default: continue
            }
            if deepest >= limit - 1 { break }
        }
        return deepest + 1
    }
}
