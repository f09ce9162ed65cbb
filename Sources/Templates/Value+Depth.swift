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
    /// Most items a list built by a template may hold in the lists inside it, counted as often as they are
    /// reached (see `limitViolation`).
    static let maxNestedItems = 1_000_000

    /// Why the value is over a limit (nesting deeper than `maxNesting`, or lists inside it holding more than
    /// `maxNestedItems` items in all), or nil. The size of one list is bounded where lists are built
    /// (`checkSize`); but a list can hold the same list twice, and `{% set l = [l, l] %}` forty times makes a
    /// value of 2⁴⁰ items in 40 small lists, which printing, comparing or even walking it for its depth
    /// would take for ever. So the walk counts every item of an inner list it visits, shared or not, and
    /// stops past the bound.
    func limitViolation() -> String? {
        guard case .array(let items) = self else {
            return nestingDepth > Value.maxNesting ? "value nests more than \(Value.maxNesting) levels deep" : nil
        }
        var budget = Value.maxNestedItems + items.count
        let depth = Value.depth(of: items, limit: Value.maxNesting + 1, budget: &budget)
        if budget < 0 { return "value is too large (more than \(Value.maxNestedItems) items in the lists inside it)" }
        return depth > Value.maxNesting ? "value nests more than \(Value.maxNesting) levels deep" : nil
    }

    /// 0 for a scalar, 1 + the deepest element for a list or mapping; saturates at `maxNesting + 1`, which it
    /// also gives for lists too large to walk (see `limitViolation`).
    var nestingDepth: Int {
        switch self {
        case .dictionary(let mapping): return mapping.nestingDepth
        case .array(let items):
            var budget = Value.maxNestedItems + items.count
            return Value.depth(of: items, limit: Value.maxNesting + 1, budget: &budget)
        default: return 0
        }
    }

    /// The depth of a list, at most `limit`; every item visited is taken from `budget`, and the walk stops
    /// once it is below zero.
    private static func depth(of items: [Value], limit: Int, budget: inout Int) -> Int {
        guard limit > 1 else { return limit }
        budget -= items.count
        if budget < 0 { return limit }
        var deepest = 0
        for item in items {
            switch item {
            case .dictionary(let mapping): deepest = max(deepest, min(mapping.nestingDepth, limit - 1))
            case .array(let inner): deepest = max(deepest, depth(of: inner, limit: limit - 1, budget: &budget))
            default: continue
            }
            if deepest >= limit - 1 || budget < 0 { break }
        }
        return deepest + 1
    }

    /// Whether writing the value out would visit more than `limit` items of its lists and mappings, counted as
    /// often as they are reached. Mappings keep only their depth, so `{% set d = {'a': d, 'b': d} %}` in a loop
    /// makes a small value that prints as 2^40 entries: the renderer asks this before printing a container. Each
    /// list or mapping is sized once (by its storage, which the value keeps alive), so a shared one costs nothing
    /// the second time and the answer takes time in the number of distinct containers.
    func visitsMoreThan(_ limit: Int) -> Bool {
        var sizes: [UnsafeRawPointer: Int] = [:]
        return Value.size(of: self, limit: limit, sizes: &sizes) > limit
    }

    /// Items below `value`, counted as often as reached, saturating just past `limit`.
    private static func size(of value: Value, limit: Int, sizes: inout [UnsafeRawPointer: Int]) -> Int {
        let children: [Value]
        switch value {
        case .array(let items): children = items
        case .dictionary(let mapping): children = mapping.values
        default: return 0
        }
        guard let key = children.withUnsafeBufferPointer({ $0.baseAddress.map(UnsafeRawPointer.init) }) else { return 0 }
        if let known = sizes[key] { return known }
        var total = children.count
        for child in children where total <= limit {
            switch child {
            case .array, .dictionary: total += size(of: child, limit: limit, sizes: &sizes)
            default: continue
            }
        }
        let result = min(total, limit + 1)
        sizes[key] = result
        return result
    }
}
