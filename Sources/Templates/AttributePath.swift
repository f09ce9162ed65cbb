/// The `attribute=` argument of `sort`, `groupby`, `map`, `selectattr`, `join`: a dotted path
/// (`"date.year"`, `"tags.0"`), or several comma-separated paths for a compound sort key.
struct AttributePath {
    private let paths: [[String]]
    private let fallback: Value?

    init(_ attribute: Value, fallback: Value? = nil) {
        let text = attribute.pythonString
        // Most paths are one plain name ("slug"): no splitting, which costs more than the lookup it serves.
        if !text.isEmpty, !text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ".") || $0 <= 0x20 || $0 >= 0x80 }) {
            paths = [[text]]
        } else {
            paths = text.split(separator: ",").map { $0.split(separator: ".").map { String($0).trimmingSpaces } }
        }
        self.fallback = fallback.flatMap { $0 == .none ? nil : $0 }
    }

    /// The value at the path, or nil when any step is missing.
    func lookup(_ item: Value) -> Value? {
        if paths.count > 1 {
            var parts: [Value] = []
            for path in paths {
                guard let part = AttributePath.follow(path, from: item) ?? fallback else { return nil }
                parts.append(part)
            }
            return .array(parts)
        }
        return AttributePath.follow(paths.first ?? [], from: item) ?? fallback
    }

    func require(_ item: Value, filter: String) throws(EvaluationFailure) -> Value {
        guard let value = lookup(item) else {
            let name = paths.map { $0.joined(separator: ".") }.joined(separator: ",")
            throw EvaluationFailure("filter '\(filter)': attribute '\(name)' is undefined for item \(item.pythonRepr.prefix(60))", kind: .undefined)
        }
        return value
    }

    private static func follow(_ path: [String], from item: Value) -> Value? {
        var current = item
        for step in path {
            if let index = Int(step), case .array = current {
                guard let next = current.item(.int(index)) else { return nil }
                current = next
            } else {
                guard let next = current.item(.string(step)) else { return nil }
                current = next
            }
        }
        return current
    }
}

private extension String {
    var trimmingSpaces: String { TextFilters.strip(self) }
}
