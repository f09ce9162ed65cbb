/// The `loop` variable of a `{% for %}`: position and neighbours of the current item.
///
/// Computed on demand rather than stored as a mapping, because a loop body may run
/// thousands of times and most of them never read `loop`.
struct LoopState {
    let index0: Int
    let length: Int
    let previous: Value?
    let next: Value?
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
