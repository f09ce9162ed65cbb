/// The `loop` variable of a `{% for %}`: position and neighbours of the current item.
///
/// Computed on demand rather than stored as a mapping, because a loop body may run
/// thousands of times and most of them never read `loop`.
struct LoopState {
    let index0: Int
    let length: Int
    let previous: Value?
    let next: Value?
    /// What `loop.changed(…)` saw last, shared by all iterations of one loop.
    let memory: LoopMemory
    /// `loop.<name>`, or nil for an attribute loops do not have.
    func attribute(_ name: String) -> Value? {
        switch name {
        case "index": return .int(index0 + 1)
        case "index0": return .int(index0)
        case "revindex": return .int(length - index0)
        case "revindex0": return .int(length - index0 - 1)
        case "first": return .bool(index0 == 0)
        case "last": return .bool(index0 == length - 1)
        case "length": return .int(length)
        case "depth": return .int(1)
        case "depth0": return .int(0)
        case "previtem": return previous
        case "nextitem": return next
        default: return nil
        }
    }

    /// How Jinja prints a loop object.
    var display: String { "<LoopContext \(index0 + 1)/\(length)>" }
}

/// The state `loop.changed(…)` keeps from one iteration to the next.
final class LoopMemory {
    var lastChangedArguments: [Value]?

    /// Jinja's `loop.changed(*values)`: true on the first call and whenever the values differ from the last call's.
    func changed(_ values: [Value]) -> Bool {
        defer { lastChangedArguments = values }
        guard let last = lastChangedArguments, last.count == values.count else { return true }
        return !zip(last, values).allSatisfy { Value.pythonEquals($0, $1) }
    }
}
