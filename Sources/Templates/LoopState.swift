/// The `loop` variable of a `{% for %}`: position and neighbours of the current item.
///
/// Computed on demand rather than stored as a mapping, because a loop body may run
/// thousands of times and most of them never read `loop`.
///
/// Two words: the position, and the storage all iterations of one loop share (its items and what
/// `loop.changed` saw), so binding `loop` on every iteration copies no values.
struct LoopState {
    let index0: Int
    let memory: LoopMemory

    var length: Int { memory.items.count }
    var previous: Value? { index0 > 0 ? memory.items[index0 - 1] : nil }
    var next: Value? { index0 + 1 < memory.items.count ? memory.items[index0 + 1] : nil }

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
        case "depth": return .int(memory.depth)
        case "depth0": return .int(memory.depth - 1)
        case "previtem": return previous
        case "nextitem": return next
        default: return nil
        }
    }

    /// How Jinja prints a loop object.
    var display: String { "<LoopContext \(index0 + 1)/\(length)>" }
}

/// What all iterations of one loop share: the items, and the state `loop.changed(…)` keeps from one
/// iteration to the next.
final class LoopMemory {
    let items: [Value]
    var lastChangedArguments: [Value]?
    /// For a `recursive` loop: the loop, which `loop(items)` runs again, and how deep this run is (1 at the top).
    /// One reference, nil for every other loop, so a loop that is not recursive costs what it did before.
    var recursion: LoopRecursion?

    var recursiveLoop: Loop? { recursion?.loop }
    var depth: Int { recursion?.depth ?? 1 }

    init(items: [Value]) { self.items = items }

    /// Jinja's `loop.changed(*values)`: true on the first call and whenever the values differ from the last call's.
    func changed(_ values: [Value]) -> Bool {
        defer { lastChangedArguments = values }
        guard let last = lastChangedArguments, last.count == values.count else { return true }
        return !zip(last, values).allSatisfy { Value.pythonEquals($0, $1) }
    }
}

/// What a run of a `recursive` loop knows: the loop itself and its depth.
final class LoopRecursion {
    let loop: Loop
    let depth: Int

    init(loop: Loop, depth: Int) {
        self.loop = loop
        self.depth = depth
    }
}
