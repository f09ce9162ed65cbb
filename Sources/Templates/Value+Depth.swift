/// Bounds how deeply values nest.
///
/// Printing, comparing and even freeing a value recurse through its nesting, so a template that
/// wraps a list in itself inside a loop (`{% set x = [x] %}`) could otherwise build a value deep
/// enough to overflow the stack. Values built by templates are checked against this limit.
extension Value {
    static let maxNesting = 200

    /// Whether the value nests deeper than `limit` (stops walking as soon as it knows).
    func nestsDeeper(than limit: Int) -> Bool {
        guard limit >= 0 else { return true }
        switch self {
        case .array(let items): return items.contains { $0.nestsDeeper(than: limit - 1) }
        case .dictionary(let mapping): return mapping.values.contains { $0.nestsDeeper(than: limit - 1) }
        default: return false
        }
    }
}
