/// Comparing what two front-matter values say, wherever they were written.
extension Node {
    /// Whether both nodes hold the same value: positions and resolved targets aside, mappings in order.
    func sameValue(as other: Node) -> Bool {
        switch (value, other.value) {
        case (.string(let a), .string(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.double(let a), .double(let b)): return a == b
        case (.bool(let a), .bool(let b)): return a == b
        case (.null, .null): return true
        case (.date(let a), .date(let b)): return a.year == b.year && a.month == b.month && a.day == b.day
        case (.list(let a), .list(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.sameValue(as: $1) }
        case (.mapping(let a), .mapping(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value.sameValue(as: $1.value) }
        default: return false
        }
    }

    /// The node with every resolved target moved through `map` (an original's page → its translation, or nil
    /// where there is none). A reference to a page with no version in the language is left out of its list, and
    /// is null anywhere else: a template never sees a bare slug where the original has a page.
    func retargeted(_ map: [Int?]) -> Node {
        var node = self
        if let target {
            node.target = map.indices.contains(target) ? map[target] : nil
            if node.target == nil { node.value = .null }
        }
        switch node.value {
        case .list(let items):
            node.value = .list(items.compactMap { item in
                let moved = item.retargeted(map)
                return item.target != nil && moved.target == nil ? nil : moved
            })
        case .mapping(let pairs): node.value = .mapping(pairs.map { (key: $0.key, value: $0.value.retargeted(map)) })
        default: break
        }
        return node
    }
}
