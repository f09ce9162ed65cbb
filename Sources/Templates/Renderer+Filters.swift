/// Applying filters and tests, with errors located at the filter or test name.
extension Renderer {
    func applyFilter(_ invocation: Invocation, to input: Value?, input inputExpression: Expression?) throws -> Value? {
        let positional = try invocation.arguments.positional.map { try require($0) }
        let keyword = try invocation.arguments.keyword.map { ($0.name, try require($0.value)) }
        let entry = invocation.slot >= 0 ? environment.filterList[invocation.slot] : environment.filterTable[invocation.name]
        if input == nil, !(entry?.acceptsUndefined ?? false) {
            if let inputExpression { throw undefinedError(inputExpression) }
            throw error(.undefined, "the input of filter '\(invocation.name)' is undefined", at: invocation.nameSpan)
        }
        filterSpan = invocation.nameSpan
        do {
            let result = try apply(entry, named: invocation.name, to: input, positional, keyword)
            if let result { try checkSize(result, at: invocation.nameSpan) }
            return result
        } catch let failure as EvaluationFailure {
            throw error(failure.kind, failure.message, at: invocation.nameSpan)
        } catch var templateError as TemplateError where templateError.file == nil {
            let (line, column) = template.source.location(of: invocation.nameSpan.start)
            templateError.file = template.source.displayName
            templateError.line = line
            templateError.column = column
            templateError.notes += Renderer.condense(trail.reversed().map(\.note))
            throw templateError
        } catch let templateError as TemplateError {
            throw templateError
        } catch {
            throw self.error(.filterFailed, "filter '\(invocation.name)' failed: \(error)", at: invocation.nameSpan)
        }
    }

    /// Runs a filter by name; custom filters take precedence over builtins of the same name.
    func applyBuiltinOrCustomFilter(_ name: String, to input: Value?, _ positional: [Value], _ keyword: [(String, Value)]) throws -> Value? {
        try apply(environment.filterTable[name], named: name, to: input, positional, keyword)
    }

    /// Runs the filter `entry` (nil: no filter of that name).
    private func apply(_ entry: FilterEntry?, named name: String, to input: Value?, _ positional: [Value],
                       _ keyword: [(String, Value)]) throws -> Value? {
        let builtin: BuiltinFilter
        switch entry {
        case .custom(let custom)?:
            guard let input else { throw EvaluationFailure("the input of filter '\(name)' is undefined", kind: .undefined) }
            return try custom(input, positional, keyword, FilterContext(renderer: self))
        case .builtin(let filter)?:
            builtin = filter
        case nil:
            throw EvaluationFailure(environment.unknownFilterMessage(name), kind: .unknownFilter)
        }
        if input == nil, !builtin.acceptsUndefined {
            throw EvaluationFailure("the input of filter '\(name)' is undefined", kind: .undefined)
        }
        return try builtin.apply(FilterCall(name: name, input: input, positional: positional, keyword: keyword, renderer: self))
    }

    func applyTest(_ invocation: Invocation, to value: Value?) throws -> Bool {
        let arguments = try invocation.arguments.positional.map { try require($0) }
        guard let test = invocation.slot >= 0 ? BuiltinTests.list[invocation.slot] : BuiltinTests.table[invocation.name] else {
            throw error(.unknownTest, TemplateEnvironment.unknownTestMessage(invocation.name), at: invocation.nameSpan)
        }
        if value == nil, !test.acceptsUndefined {
            throw error(.undefined, "the value tested with '\(invocation.name)' is undefined", at: invocation.nameSpan)
        }
        do { return try test.apply(value, arguments) } catch {
            throw self.error(error.kind, error.message, at: invocation.nameSpan)
        }
    }

    /// A test by name, as `select`/`selectattr` use it; an undefined value fails tests that need one.
    func applyTest(named name: String, to value: Value?, _ arguments: [Value]) throws(EvaluationFailure) -> Bool {
        guard let test = BuiltinTests.table[name] else {
            throw EvaluationFailure(TemplateEnvironment.unknownTestMessage(name), kind: .unknownTest)
        }
        if value == nil, !test.acceptsUndefined { return false }
        return try test.apply(value, arguments)
    }
}
