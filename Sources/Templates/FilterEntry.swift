/// A filter name resolved once per environment: the site's own filter, or the builtin of that name.
///
/// Rendering looks a filter up on every application; one table holding both kinds makes that one
/// hash lookup instead of two.
enum FilterEntry: Sendable {
    case custom(CustomFilter)
    case builtin(BuiltinFilter)

    /// Whether the filter runs on an undefined input; custom filters never do.
    var acceptsUndefined: Bool {
        if case .builtin(let filter) = self { return filter.acceptsUndefined }
        return false
    }

    /// Builtins, replaced by custom filters of the same name.
    static func table(custom: [String: CustomFilter]) -> [String: FilterEntry] {
        var table = BuiltinFilters.table.mapValues(FilterEntry.builtin)
        for (name, filter) in custom { table[name] = .custom(filter) }
        return table
    }
}
