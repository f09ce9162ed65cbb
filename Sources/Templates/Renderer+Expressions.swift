/// Evaluating expressions. `nil` stands for Jinja's undefined: it is falsy in tests and
/// `default`, and an error anywhere a real value is needed (`require`).
extension Renderer {
    /// Evaluates `expression`, failing with "x is undefined" if it has no value.
    func require(_ expression: Expression) throws -> Value {
        guard let value = try evaluate(expression) else { throw undefinedError(expression) }
        return value
    }

    /// "page.titel is undefined", naming the shortest undefined prefix of an attribute chain.
    func undefinedError(_ expression: Expression) -> Error {
        var culprit = expression
        while true {
            switch culprit.kind {
            case .attribute(let base, _), .item(let base, _):
                if (try? evaluate(base)) == .some(nil) {
                    culprit = base
                    continue
                }
            default:
                break
            }
            break
        }
        let text = String(decoding: template.source.bytes[culprit.span.start..<culprit.span.end], as: UTF8.self)
        return error(.undefined, "\(text) is undefined", at: culprit.span)
    }

    /// Runs a builtin operation, giving its failure the location of `span`.
    func located<T>(_ span: Span, _ work: () throws(EvaluationFailure) -> T) throws -> T {
        do { return try work() } catch { throw self.error(error.kind, error.message, at: span) }
    }

    func evaluate(_ expression: Expression) throws -> Value? {
        try checkStack(at: expression.span)
        switch expression.kind {
        case .literal(let value):
            return value
        case .name(let name):
            return try value(of: name, span: expression.span)
        case .attribute(let base, let name):
            if case .name(let baseName) = base.kind {
                // One lookup serves both the special bindings and plain values (the most common case); the
                // binding is read where it lies, so the container is not copied (retained) to read one field.
                if let (frame, position) = location(of: baseName) {
                    switch frames[frame].entries[position].binding {
                    case .value(let value): return value.attribute(name)
                    case .undefined: return nil
                    case .loop(let state): return state.attribute(name)
                    case .namespace(let namespace): return namespace.attributes[name]
                    case .module(let key): return try moduleValue(key, name, span: expression.span)
                    case .macro: return try evaluate(base).flatMap { $0.attribute(name) }
                    case .cycler(let cycler): return name == "current" ? cycler.current : nil
                    case .joiner: return nil
                    }
                }
                if let value = globalValue(baseName) { return value.attribute(name) }
                return nil
            }
            guard let container = try evaluate(base) else { return nil }
            return container.attribute(name)
        case .item(let base, let key):
            guard let container = try evaluate(base) else { return nil }
            return container.item(try require(key))
        case .slice(let base, let start, let stop, let step):
            let container = try require(base)
            let bounds = try [start, stop, step].map { part throws -> Int? in
                guard let part else { return nil }
                let value = try require(part)
                if case .none = value { return nil }
                guard let number = value.integer else { throw error(.type, "slice indices must be integers", at: part.span) }
                return number
            }
            return try located(expression.span) { () throws(EvaluationFailure) in
                try container.sliced(start: bounds[0], stop: bounds[1], step: bounds[2])
            }
        case .list(let items):
            let value = Value.array(try items.map { try require($0) })
            try checkNesting(value, at: expression.span)
            return value
        case .dictionary(let entries):
            var mapping = OrderedDictionary()
            for entry in entries {
                let key = try require(entry.key)
                guard let text = key.stringContent else { throw error(.type, "mapping keys must be strings", at: entry.key.span) }
                mapping[text] = try require(entry.value)
            }
            try checkNesting(.dictionary(mapping), at: expression.span)
            return .dictionary(mapping)
        case .negate(let operand):
            let value = try require(operand)
            return try located(expression.span) { () throws(EvaluationFailure) in try Value.negate(value) }
        case .positive(let operand):
            let value = try require(operand)
            guard value.numeric != nil else { throw error(.type, "bad operand type for unary +: \(value.typeName)", at: expression.span) }
            return value
        case .not(let operand):
            return .bool(!(try isTrue(operand)))
        case .binary(let op, let left, let right):
            let lhs = try require(left)
            let rhs = try require(right)
            let result = try located(expression.span) { () throws(EvaluationFailure) in try Value.arithmetic(op, lhs, rhs) }
            try checkSize(result, at: expression.span)
            return result
        case .concat(let parts):
            let values = try parts.map { try require($0) }
            let joined: Value = values.contains(where: \.isSafe)
                ? .safe(values.map(HTMLEscaper.markup).joined()) : .string(values.map(\.pythonString).joined())
            try checkSize(joined, at: expression.span)
            return joined
        case .and(let left, let right):
            let lhs = try evaluate(left)
            guard lhs?.isTruthy ?? false else { return lhs }
            return try evaluate(right)
        case .or(let left, let right):
            let lhs = try evaluate(left)
            if lhs?.isTruthy ?? false { return lhs }
            return try evaluate(right)
        case .compare(let first, let chain):
            return .bool(try compare(first, chain))
        case .conditional(let value, let condition, let otherwise):
            if try isTrue(condition) { return try evaluate(value) }
            guard let otherwise else { return .string("") }
            return try evaluate(otherwise)
        case .filter(let input, let invocation):
            return try applyFilter(invocation, to: try evaluate(input), input: input)
        case .test(let input, let invocation, let negated):
            if invocation.asksEnvironment, let answer = try applyEnvironmentTest(invocation, input) {
                return .bool(answer != negated)
            }
            let value: Value?
            do { value = try evaluate(input) } catch {
                // A macro or `caller` is defined, and true, as in Jinja.
                guard namesCallable(input) else { throw error }
                value = .bool(true)
            }
            return .bool(try applyTest(invocation, to: value) != negated)
        case .call(let callee, let arguments):
            return try call(callee, arguments, span: expression.span)
        }
    }

    private func value(of name: String, span: Span) throws -> Value? {
        // The binding is read where it lies: copying it out first (`lookup`) cost a retain and a release on
        // top of the one copy of the value that is returned.
        guard let (frame, position) = location(of: name) else { return globalValue(name) }
        switch frames[frame].entries[position].binding {
        case .value(let value): return value
        case .undefined: return nil
        case .loop(let state): return .string(state.display)
        case .namespace(let namespace): return .string(namespace.display)
        case .cycler: return .string("<Cycler>")
        case .joiner: return .string("<Joiner>")
        case .macro: throw error(.type, "'\(name)' is a macro; call it with ()", at: span)
        case .module: throw error(.type, "'\(name)' is an imported template; use \(name).<macro>", at: span)
        }
    }

    private func moduleValue(_ key: Int, _ name: String, span: Span) throws -> Value? {
        switch modules[key][name] {
        case .value(let value)?: return value
        case .macro?: throw error(.type, "'\(name)' is a macro; call it with ()", at: span)
        default: return nil
        }
    }

    private func compare(_ first: Expression, _ chain: [Comparison]) throws -> Bool {
        var left = try require(first)
        for link in chain {
            let right = try require(link.operand)
            let span = first.span.joined(link.operand.span)
            let holds = try located(span) { () throws(EvaluationFailure) -> Bool in
                switch link.comparisonOperator {
                case .equal: return Value.pythonEquals(left, right)
                case .notEqual: return !Value.pythonEquals(left, right)
                case .less: return try Value.pythonCompare(left, right) < 0
                case .lessOrEqual: return try Value.pythonCompare(left, right) <= 0
                case .greater: return try Value.pythonCompare(left, right) > 0
                case .greaterOrEqual: return try Value.pythonCompare(left, right) >= 0
                case .contains: return try right.pythonContains(left)
                case .notContains: return !(try right.pythonContains(left))
                }
            }
            guard holds else { return false }
            left = right
        }
        return true
    }
}
