/// Bounds how deep and how large values built by templates may get.
///
/// Printing, comparing and even freeing a value recurse through its nesting, so a template that
/// wraps a list in itself inside a loop (`{% set x = [x] %}`) could otherwise build a value deep
/// enough to overflow the stack; one that doubles a string or list in a loop could exhaust memory.
extension Value {
    static let maxNesting = 200
    /// How many containers the nesting check visits before it gives up looking. Values a template builds
    /// by wrapping (`[x]`) are deep and narrow, so a deep one is found within a few hundred visits; the site
    /// data a template passes around (10,000 pages) is wide and shallow, and walking all of it on every
    /// `set` would make rendering quadratic.
    static let maxNestingVisits = 20_000

    /// Why the value is over a limit (nesting deeper than `maxNesting`), or nil when it is within it
    /// as far as the bounded walk can tell. Sizes are bounded where strings and lists are built
    /// (`checkSize`), so this only looks at depth.
    func limitViolation() -> String? {
        var visits = Value.maxNestingVisits
        if exceeds(depth: Value.maxNesting, visits: &visits) {
            return "value nests more than \(Value.maxNesting) levels deep"
        }
        return nil
    }

    /// Walks containers depth-first; true as soon as one lies deeper than `depth` allows.
    private func exceeds(depth: Int, visits: inout Int) -> Bool {
        switch self {
        case .array(let items):
            guard depth > 0 else { return true }
            visits -= 1
            if visits < 0 { return false }
            return items.contains { $0.isContainer && $0.exceeds(depth: depth - 1, visits: &visits) }
        case .dictionary(let mapping):
            guard depth > 0 else { return true }
            visits -= 1
            if visits < 0 { return false }
            return mapping.values.contains { $0.isContainer && $0.exceeds(depth: depth - 1, visits: &visits) }
        default:
            return false
        }
    }

    private var isContainer: Bool {
        switch self {
        case .array, .dictionary: return true
        default: return false
        }
    }
}
