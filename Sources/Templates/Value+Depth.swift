/// Bounds how deep and how large values built by templates may get.
///
/// Printing, comparing and even freeing a value recurse through its nesting, so a template that
/// wraps a list in itself inside a loop (`{% set x = [x] %}`) could otherwise build a value deep
/// enough to overflow the stack; one that doubles a string or list in a loop could exhaust memory.
extension Value {
    static let maxNesting = 200

    /// Why the value is over a limit (nesting deeper than `maxNesting`, or more than
    /// `maxBuiltLength` bytes and items in total), or nil when it is within both.
    func limitViolation() -> String? {
        var budget = Value.maxBuiltLength
        if exceeds(depth: Value.maxNesting, budget: &budget) {
            return budget < 0 ? "value is too large (more than \(Value.maxBuiltLength) bytes or items)"
                : "value nests more than \(Value.maxNesting) levels deep"
        }
        return nil
    }

    /// Walks the value, spending `budget` on bytes and items; stops as soon as a limit is crossed.
    private func exceeds(depth: Int, budget: inout Int) -> Bool {
        switch self {
        case .string(let text), .safe(let text):
            budget -= text.utf8.count
            return budget < 0
        case .array(let items):
            guard depth > 0 else { return true }
            budget -= items.count
            if budget < 0 { return true }
            return items.contains { $0.exceeds(depth: depth - 1, budget: &budget) }
        case .dictionary(let mapping):
            guard depth > 0 else { return true }
            budget -= mapping.count
            if budget < 0 { return true }
            return mapping.values.contains { $0.exceeds(depth: depth - 1, budget: &budget) }
        default:
            return false
        }
    }
}
