/// One application of a builtin filter: the input, the arguments, and the renderer (for
/// filters such as `map` and `selectattr` that apply other filters and tests).
struct FilterCall {
    let name: String
    /// nil when the input is undefined (only filters that accept undefined, like `default`, see that).
    let input: Value?
    let positional: [Value]
    let keyword: [(String, Value)]
    let renderer: Renderer

    var value: Value { input ?? .none }

    /// Arrays of nils by length: what `bind` returns when a filter is applied without arguments (`| int`,
    /// `| trim`), shared instead of allocated on every application.
    private static let unbound: [[Value?]] = (0...8).map { [Value?](repeating: nil, count: $0) }

    /// Matches arguments to parameter names the way Python binds a call: positionally, then by keyword.
    func bind(_ parameters: [String]) throws(EvaluationFailure) -> [Value?] {
        if positional.isEmpty, keyword.isEmpty, parameters.count < FilterCall.unbound.count {
            return FilterCall.unbound[parameters.count]
        }
        guard positional.count <= parameters.count else {
            throw EvaluationFailure("filter '\(name)' takes at most \(parameters.count) arguments (\(positional.count) given)")
        }
        var bound = [Value?](repeating: nil, count: parameters.count)
        for (index, argument) in positional.enumerated() { bound[index] = argument }
        for (key, argument) in keyword {
            guard let index = parameters.firstIndex(of: key) else {
                throw EvaluationFailure("filter '\(name)' got an unexpected keyword argument '\(key)'")
            }
            guard bound[index] == nil else { throw EvaluationFailure("filter '\(name)' got multiple values for argument '\(key)'") }
            bound[index] = argument
        }
        return bound
    }

    func string(_ argument: Value?, _ parameter: String, default defaultValue: String) throws(EvaluationFailure) -> String {
        guard let argument else { return defaultValue }
        return argument.pythonString
    }

    func integer(_ argument: Value?, _ parameter: String, default defaultValue: Int) throws(EvaluationFailure) -> Int {
        guard let argument else { return defaultValue }
        guard let number = argument.integer else {
            throw EvaluationFailure("filter '\(name)': \(parameter) must be an integer, not \(argument.typeName)")
        }
        return number
    }

    /// The input as a list of items (list items, mapping keys, string characters).
    func items() throws(EvaluationFailure) -> [Value] {
        do { return try value.iterated() } catch {
            throw EvaluationFailure("filter '\(name)' needs a sequence, not \(value.typeName)")
        }
    }
}
