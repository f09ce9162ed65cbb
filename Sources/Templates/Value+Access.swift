/// Attribute, item and slice access, and iteration, as Jinja performs them on Python values.
extension Value {
    /// `value.name`: a mapping's key; nothing else has attributes a template can read.
    func attribute(_ name: String) -> Value? {
        if case .dictionary(let mapping) = self { return mapping[name] }
        return nil
    }

    /// `value[key]`: list and string positions (negative counts from the end), mapping keys.
    func item(_ key: Value) -> Value? {
        switch self {
        case .array(let items):
            guard let index = key.integer else { return nil }
            let position = index < 0 ? items.count + index : index
            return items.indices.contains(position) ? items[position] : nil
        case .dictionary(let mapping):
            guard let name = key.stringContent else { return nil }
            return mapping[name]
        case .string(let text), .safe(let text):
            guard let index = key.integer else { return nil }
            let scalars = Array(text.unicodeScalars)
            let position = index < 0 ? scalars.count + index : index
            guard scalars.indices.contains(position) else { return nil }
            let character = String(scalars[position])
            return isSafe ? .safe(character) : .string(character)
        default:
            return nil
        }
    }

    /// `value[start:stop:step]` with Python's slice semantics.
    func sliced(start: Int?, stop: Int?, step: Int?) throws(EvaluationFailure) -> Value {
        let step = step ?? 1
        guard step != 0 else { throw EvaluationFailure("slice step cannot be zero") }
        func pick<T>(_ items: [T]) -> [T] {
            let count = items.count
            func clamp(_ index: Int?, _ fallback: Int) -> Int {
                guard let index else { return fallback }
                let adjusted = index < 0 ? index + count : index
                return step > 0 ? min(max(adjusted, 0), count) : min(max(adjusted, -1), count - 1)
            }
            var result: [T] = []
            var index = clamp(start, step > 0 ? 0 : count - 1)
            let end = clamp(stop, step > 0 ? count : -1)
            while step > 0 ? index < end : index > end {
                result.append(items[index])
                let next = index.addingReportingOverflow(step)
                if next.overflow { break }
                index = next.partialValue
            }
            return result
        }
        switch self {
        case .array(let items):
            return .array(pick(items))
        case .string(let text), .safe(let text):
            var scalars = String.UnicodeScalarView()
            scalars.append(contentsOf: pick(Array(text.unicodeScalars)))
            return isSafe ? .safe(String(scalars)) : .string(String(scalars))
        default:
            throw EvaluationFailure("\(typeName) cannot be sliced")
        }
    }

    /// The items a `for` loop visits: list items, mapping keys, string characters.
    func iterated() throws(EvaluationFailure) -> [Value] {
        switch self {
        case .array(let items): return items
        case .dictionary(let mapping): return mapping.keys.map { .string($0) }
        case .string(let text), .safe(let text): return text.unicodeScalars.map { .string(String($0)) }
        default: throw EvaluationFailure("\(typeName) is not iterable")
        }
    }
}
