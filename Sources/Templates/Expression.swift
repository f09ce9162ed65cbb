/// An expression node of the template AST, with the source span it was parsed from.
struct Expression: Sendable {
    indirect enum Kind: Sendable {
        case literal(Value)
        case name(String)
        /// `base.name`: attribute first, then item, as Jinja's `getattr`.
        case attribute(Expression, String)
        /// `base[key]`
        case item(Expression, Expression)
        /// `base[start:stop:step]`
        case slice(Expression, start: Expression?, stop: Expression?, step: Expression?)
        case list([Expression])
        case dictionary([DictionaryEntry])
        case negate(Expression)
        case positive(Expression)
        case not(Expression)
        case binary(BinaryOperator, Expression, Expression)
        /// `a ~ b ~ c`: string concatenation, escaping-aware like Jinja's `markup_join`.
        case concat([Expression])
        case and(Expression, Expression)
        case or(Expression, Expression)
        /// A comparison chain: `a < b <= c` means `a < b and b <= c`, as in Python.
        case compare(Expression, [Comparison])
        /// `value if condition else otherwise`
        case conditional(value: Expression, condition: Expression, otherwise: Expression?)
        case filter(Expression, Invocation)
        case test(Expression, Invocation, negated: Bool)
        case call(Expression, Arguments)
    }

    var kind: Kind
    var span: Span
}

/// One `key: value` entry of a dictionary literal.
struct DictionaryEntry: Sendable {
    var key: Expression
    var value: Expression
}

/// One link of a comparison chain.
struct Comparison: Sendable {
    var comparisonOperator: ComparisonOperator
    var operand: Expression
}

enum BinaryOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", floorDivide = "//", modulo = "%", power = "**"
}

enum ComparisonOperator: String, Sendable {
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case contains = "in", notContains = "not in"
}

/// Positional and keyword arguments of a call, filter or test.
struct Arguments: Sendable {
    var positional: [Expression] = []
    var keyword: [KeywordArgument] = []
    /// `*args` and `**kwargs`, rare: one reference, nil in almost every call, so that copying the arguments of
    /// a call (the renderer does on every call) costs what it did before they existed.
    var splats: Splats?

    /// `*args`: a sequence whose items follow the positional arguments.
    var splat: Expression? { splats?.splat }
    /// `**kwargs`: a mapping whose entries follow the keyword arguments.
    var keywordSplat: Expression? { splats?.keywordSplat }
}

final class Splats: Sendable {
    let splat: Expression?
    let keywordSplat: Expression?

    init(splat: Expression?, keywordSplat: Expression?) {
        self.splat = splat
        self.keywordSplat = keywordSplat
    }
}

struct KeywordArgument: Sendable {
    var name: String
    var value: Expression
}

/// A filter or test application: its name (with the name's span, for errors) and its arguments.
struct Invocation: Sendable {
    var name: String
    var nameSpan: Span
    var arguments: Arguments
    /// For a filter, its position in the environment's `filterList`, for a test its position in
    /// `BuiltinTests.list`, found once when parsing, so that applying it needs no lookup by name; -1 for
    /// names that are not known.
    var slot = -1
    /// For a test: whether it is `callable`, `filter` or `test`, which the renderer answers itself, as it can
    /// see macros and the environment (`applyEnvironmentTest`). Found when parsing, like `slot`.
    var asksEnvironment = false
}
