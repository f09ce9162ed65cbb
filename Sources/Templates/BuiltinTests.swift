/// The builtin tests (`is defined`, `is none`, `selectattr("x", "equalto", 1)`, …), by name.
enum BuiltinTests {
    /// A test receives nil for an undefined value; type tests answer false, the others fail.
    struct Test: Sendable {
        let acceptsUndefined: Bool
        let apply: @Sendable (Value?, [Value]) throws(EvaluationFailure) -> Bool

        init(acceptsUndefined: Bool = false, _ apply: @escaping @Sendable (Value?, [Value]) throws(EvaluationFailure) -> Bool) {
            self.acceptsUndefined = acceptsUndefined
            self.apply = apply
        }
    }

    private static func type(_ check: @escaping @Sendable (Value) -> Bool) -> Test {
        Test(acceptsUndefined: true) { value, _ in value.map(check) ?? false }
    }

    private static func comparison(_ name: String, _ holds: @escaping @Sendable (Value, Value) throws(EvaluationFailure) -> Bool) -> Test {
        Test { value, arguments throws(EvaluationFailure) in
            guard let value, let other = arguments.first else { throw EvaluationFailure("test '\(name)' needs one argument") }
            return try holds(value, other)
        }
    }

    private static let equal = comparison("eq") { Value.pythonEquals($0, $1) }
    private static let notEqual = comparison("ne") { !Value.pythonEquals($0, $1) }
    private static let less = comparison("lt") { a, b throws(EvaluationFailure) in try Value.pythonCompare(a, b) < 0 }
    private static let lessOrEqual = comparison("le") { a, b throws(EvaluationFailure) in try Value.pythonCompare(a, b) <= 0 }
    private static let greater = comparison("gt") { a, b throws(EvaluationFailure) in try Value.pythonCompare(a, b) > 0 }
    private static let greaterOrEqual = comparison("ge") { a, b throws(EvaluationFailure) in try Value.pythonCompare(a, b) >= 0 }

    private static func integerTest(_ name: String, _ check: @escaping @Sendable (Int, [Value]) throws(EvaluationFailure) -> Bool) -> Test {
        Test { value, arguments throws(EvaluationFailure) in
            guard let number = value?.integer ?? value?.numeric.flatMap({ $0 == $0.rounded() ? Int(exactly: $0) : nil }) else {
                throw EvaluationFailure("test '\(name)' needs a number, not \(value?.typeName ?? "undefined")")
            }
            return try check(number, arguments)
        }
    }

    /// The tests in name order, so that a parsed test names its test by position (`Invocation.slot`) and
    /// applying it needs no lookup by name.
    static let list: [Test] = names.compactMap { table[$0] }
    /// Each test's position in `list`.
    static let slots: [String: Int] = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
    private static let names = table.keys.sorted()

    static let table: [String: Test] = [
        "defined": Test(acceptsUndefined: true) { value, _ in value != nil },
        // Answered by the renderer, which can see macros and the environment (`applyEnvironmentTest`);
        // these serve `select("callable")` and the like, where only a value is at hand.
        "callable": type { _ in false },
        "filter": type { _ in false },
        "test": type { value in value.stringContent.map { table[$0] != nil } ?? false },
        "undefined": Test(acceptsUndefined: true) { value, _ in value == nil },
        "none": type { $0 == .none },
        "true": type { $0 == .bool(true) },
        "false": type { $0 == .bool(false) },
        "boolean": type { if case .bool = $0 { return true } else { return false } },
        "string": type { $0.stringContent != nil },
        "number": type { $0.numeric != nil },
        "integer": type { if case .int = $0 { return true } else { return false } },
        "float": type { if case .double = $0 { return true } else { return false } },
        "mapping": type { if case .dictionary = $0 { return true } else { return false } },
        "sequence": type { (try? $0.iterated()) != nil },
        "iterable": type { (try? $0.iterated()) != nil },
        "escaped": type { $0.isSafe },
        "lower": type { text in text.stringContent.map { $0 == $0.lowercased() && $0 != $0.uppercased() } ?? false },
        "upper": type { text in text.stringContent.map { $0 == $0.uppercased() && $0 != $0.lowercased() } ?? false },
        "sameas": Test(acceptsUndefined: true) { value, arguments in
            guard let value, let other = arguments.first else { return false }
            switch (value, other) {
            case (.none, .none): return true
            case (.bool(let a), .bool(let b)): return a == b
            case (.int(let a), .int(let b)): return a == b
            default: return false
            }
        },
        "equalto": equal, "eq": equal, "==": equal,
        "ne": notEqual, "!=": notEqual,
        "lt": less, "lessthan": less, "<": less,
        "le": lessOrEqual, "<=": lessOrEqual,
        "gt": greater, "greaterthan": greater, ">": greater,
        "ge": greaterOrEqual, ">=": greaterOrEqual,
        "in": Test { value, arguments throws(EvaluationFailure) in
            guard let value, let container = arguments.first else { throw EvaluationFailure("test 'in' needs one argument") }
            return try container.pythonContains(value)
        },
        "odd": integerTest("odd") { number, _ in number % 2 != 0 },
        "even": integerTest("even") { number, _ in number % 2 == 0 },
        "divisibleby": integerTest("divisibleby") { number, arguments throws(EvaluationFailure) in
            guard let divisor = arguments.first?.integer, divisor != 0 else {
                throw EvaluationFailure("test 'divisibleby' needs a non-zero integer argument")
            }
            return divisor == -1 || number % divisor == 0
        },
    ]
}
