/// Filters over lists and mappings: `length`, `join`, `first`, `sort`, `groupby`, `map`, `selectattr`, …
enum SequenceFilters {
    static let table: [String: BuiltinFilter] = [
        "length": lengthFilter,
        "count": lengthFilter,
        "abs": BuiltinFilter { call in
            switch call.value {
            case .int(let number) where number != Int.min: return .int(abs(number))
            case .bool(let flag): return .int(flag ? 1 : 0)
            case .double(let number): return .double(abs(number))
            default: throw EvaluationFailure("filter 'abs' needs a number, not \(call.value.typeName)")
            }
        },
        "list": BuiltinFilter { call in .array(try call.items()) },
        "first": BuiltinFilter { call in try call.items().first },
        "last": BuiltinFilter { call in try call.items().last },
        "reverse": BuiltinFilter { call in
            if case .string(let text) = call.value { return .string(String(String.UnicodeScalarView(text.unicodeScalars.reversed()))) }
            if case .safe(let text) = call.value { return .safe(String(String.UnicodeScalarView(text.unicodeScalars.reversed()))) }
            return .array(try call.items().reversed())
        },
        "join": BuiltinFilter { call in
            let arguments = try call.bind(["d", "attribute"])
            var items = try call.items()
            if let attribute = arguments[1], attribute != .none {
                items = try items.map { item throws(EvaluationFailure) in try AttributePath(attribute).require(item, filter: call.name) }
            }
            let separator = arguments[0] ?? .string("")
            let separatorBytes = separator.pythonString.utf8.count
            if items.count > 1, separatorBytes > 0, separatorBytes > Value.maxBuiltLength / (items.count - 1) {
                throw EvaluationFailure("join result would be too large", kind: .limitExceeded)
            }
            if separator.isSafe || items.contains(where: \.isSafe) {
                return .safe(items.map(HTMLEscaper.markup).joined(separator: HTMLEscaper.markup(separator)))
            }
            return .string(items.map(\.pythonString).joined(separator: separator.pythonString))
        },
        "items": BuiltinFilter(acceptsUndefined: true) { call in
            guard let input = call.input else { return .array([]) }
            guard case .dictionary(let mapping) = input else {
                throw EvaluationFailure("filter 'items' needs a mapping, not \(input.typeName)")
            }
            return .array(zip(mapping.keys, mapping.values).map { .array([.string($0.0), $0.1]) })
        },
        "sort": BuiltinFilter { call in
            let arguments = try call.bind(["reverse", "case_sensitive", "attribute"])
            let path = arguments[2].flatMap { $0 == .none ? nil : AttributePath($0) }
            let keys = try sortKeys(try call.items(), path: path, caseSensitive: arguments[1]?.isTruthy ?? false, filter: call.name)
            return .array(try stableSorted(keys, descending: arguments[0]?.isTruthy ?? false).map(\.item))
        },
        "groupby": BuiltinFilter { call in
            let arguments = try call.bind(["attribute", "default", "case_sensitive"])
            guard let attribute = arguments[0] else { throw EvaluationFailure("filter 'groupby' needs an attribute") }
            let path = AttributePath(attribute, fallback: arguments[1])
            let caseSensitive = arguments[2]?.isTruthy ?? false
            let sorted = try stableSorted(try sortKeys(try call.items(), path: path, caseSensitive: caseSensitive, filter: call.name), descending: false)
            var groups: [Value] = []
            var start = 0
            while start < sorted.count {
                var end = start + 1
                while end < sorted.count, Value.pythonEquals(sorted[end].key, sorted[start].key) { end += 1 }
                let grouper = try path.require(sorted[start].item, filter: call.name)
                groups.append(.dictionary(OrderedDictionary([("grouper", grouper), ("list", .array(sorted[start..<end].map(\.item)))])))
                start = end
            }
            return .array(groups)
        },
        "map": BuiltinFilter { call in
            // Jinja maps over nothing when given none.
            let items = call.value == .none ? [] : try call.items()
            if let attribute = call.keyword.first(where: { $0.0 == "attribute" })?.1 {
                let fallback = call.keyword.first(where: { $0.0 == "default" })?.1
                let path = AttributePath(attribute, fallback: fallback)
                return .array(try items.map { item throws(EvaluationFailure) in try path.require(item, filter: call.name) })
            }
            guard let name = call.positional.first?.stringContent else {
                throw EvaluationFailure("filter 'map' needs a filter name or attribute=")
            }
            let arguments = Array(call.positional.dropFirst())
            return .array(try items.map { item in
                guard let mapped = try call.renderer.applyBuiltinOrCustomFilter(name, to: item, arguments, call.keyword) else {
                    throw EvaluationFailure("filter '\(name)' gave an undefined value in map", kind: .undefined)
                }
                return mapped
            })
        },
        "sum": BuiltinFilter { call in
            let arguments = try call.bind(["attribute", "start"])
            let path = arguments[0].flatMap { $0 == .none ? nil : AttributePath($0) }
            var total = arguments[1] ?? .int(0)
            for item in try call.items() {
                total = try Value.arithmetic(.add, total, try path?.require(item, filter: call.name) ?? item)
            }
            return total
        },
        "min": extremum(smallest: true),
        "max": extremum(smallest: false),
        "unique": BuiltinFilter { call in
            let arguments = try call.bind(["case_sensitive", "attribute"])
            let path = arguments[1].flatMap { $0 == .none ? nil : AttributePath($0) }
            let keyed = try sortKeys(try call.items(), path: path, caseSensitive: arguments[0]?.isTruthy ?? false, filter: call.name)
            var seen: [Value] = []
            var kept: [Value] = []
            for entry in keyed where !seen.contains(where: { Value.pythonEquals($0, entry.key) }) {
                seen.append(entry.key)
                kept.append(entry.item)
            }
            return .array(kept)
        },
        "dictsort": BuiltinFilter { call in
            let arguments = try call.bind(["case_sensitive", "by", "reverse"])
            guard case .dictionary(let mapping) = call.value else {
                throw EvaluationFailure("filter 'dictsort' needs a mapping, not \(call.value.typeName)")
            }
            let byValue: Bool
            switch arguments[1]?.pythonString ?? "key" {
            case "key": byValue = false
            case "value": byValue = true
            default: throw EvaluationFailure("filter 'dictsort': by must be 'key' or 'value'")
            }
            let pairs = zip(mapping.keys, mapping.values).map { Value.array([.string($0.0), $0.1]) }
            let keyed = try sortKeys(pairs, path: AttributePath(.int(byValue ? 1 : 0)), caseSensitive: arguments[0]?.isTruthy ?? false, filter: call.name)
            return .array(try stableSorted(keyed, descending: arguments[2]?.isTruthy ?? false).map(\.item))
        },
        "batch": BuiltinFilter { call in
            let arguments = try call.bind(["linecount", "fill_with"])
            let size = try call.integer(arguments[0], "linecount", default: 1)
            guard size > 0 else { throw EvaluationFailure("filter 'batch': linecount must be positive") }
            let items = try call.items()
            var batches: [Value] = []
            var start = 0
            while start < items.count {
                var batch = Array(items[start..<min(start + size, items.count)])
                if let fill = arguments[1], fill != .none, batch.count < size {
                    batch += Array(repeating: fill, count: size - batch.count)
                }
                batches.append(.array(batch))
                start += size
            }
            return .array(batches)
        },
        "select": selection(byAttribute: false, keep: true),
        "reject": selection(byAttribute: false, keep: false),
        "selectattr": selection(byAttribute: true, keep: true),
        "rejectattr": selection(byAttribute: true, keep: false),
    ]

    private static let lengthFilter = BuiltinFilter { call in
        switch call.value {
        case .string(let text), .safe(let text): return .int(text.unicodeScalars.count)
        case .array(let items): return .int(items.count)
        case .dictionary(let mapping): return .int(mapping.count)
        default: throw EvaluationFailure("filter '\(call.name)': \(call.value.typeName) has no length")
        }
    }

    /// `min`/`max`: the first smallest or largest item (by `attribute`, ignoring case unless asked); undefined when empty.
    private static func extremum(smallest: Bool) -> BuiltinFilter {
        BuiltinFilter { call in
            let arguments = try call.bind(["case_sensitive", "attribute"])
            let path = arguments[1].flatMap { $0 == .none ? nil : AttributePath($0) }
            let keyed = try sortKeys(try call.items(), path: path, caseSensitive: arguments[0]?.isTruthy ?? false, filter: call.name)
            var best: Keyed?
            for entry in keyed {
                guard let current = best else { best = entry; continue }
                let order = try Value.pythonCompare(entry.key, current.key)
                if smallest ? order < 0 : order > 0 { best = entry }
            }
            return best?.item
        }
    }

    /// `select`/`reject` (test on the item) and `selectattr`/`rejectattr` (test on an attribute).
    private static func selection(byAttribute: Bool, keep: Bool) -> BuiltinFilter {
        BuiltinFilter { call in
            var arguments = call.positional[...]
            var path: AttributePath?
            if byAttribute {
                guard let attribute = arguments.popFirst() else { throw EvaluationFailure("filter '\(call.name)' needs an attribute name") }
                path = AttributePath(attribute)
            }
            let testName = arguments.popFirst()?.pythonString
            return .array(try call.items().filter { item in
                let subject = path.map { $0.lookup(item) } ?? item
                let passes: Bool
                if let testName {
                    passes = try call.renderer.applyTest(named: testName, to: subject, Array(arguments))
                } else {
                    passes = subject?.isTruthy ?? false
                }
                return passes == keep
            })
        }
    }

    private struct Keyed {
        var key: Value
        var item: Value
        var position: Int
    }

    private static func sortKeys(_ items: [Value], path: AttributePath?, caseSensitive: Bool, filter: String) throws(EvaluationFailure) -> [Keyed] {
        var keyed: [Keyed] = []
        for (position, item) in items.enumerated() {
            var key = try path?.require(item, filter: filter) ?? item
            if !caseSensitive { key = lowered(key) }
            keyed.append(Keyed(key: key, item: item, position: position))
        }
        return keyed
    }

    private static func lowered(_ value: Value) -> Value {
        switch value {
        case .string(let text): return .string(text.lowercased())
        case .safe(let text): return .safe(text.lowercased())
        case .array(let items): return .array(items.map(lowered))
        default: return value
        }
    }

    /// Python's `sorted`: stable, also when descending.
    private static func stableSorted(_ items: [Keyed], descending: Bool) throws(EvaluationFailure) -> [Keyed] {
        var failure: EvaluationFailure?
        let sorted = items.sorted { a, b in
            guard failure == nil else { return a.position < b.position }
            do throws(EvaluationFailure) {
                var order = try Value.pythonCompare(a.key, b.key)
                if descending { order = -order }
                return order == 0 ? a.position < b.position : order < 0
            } catch {
                failure = error
                return a.position < b.position
            }
        }
        if let failure { throw failure }
        return sorted
    }
}
