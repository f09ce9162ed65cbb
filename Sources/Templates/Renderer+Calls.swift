/// Calls: macros (local or imported), `super()`, `loop.cycle()`, `range()`, `dict()` and the
/// few Python methods templates commonly use (`mapping.items()`, `text.startswith(…)`).
extension Renderer {
    /// Most items `range()` may produce, so a typo like `range(10**9)` fails instead of exhausting memory.
    static let maxRangeLength = 100_000

    func call(_ callee: Expression, _ arguments: Arguments, span: Span, caller: MacroClosure? = nil) throws -> Value? {
        switch callee.kind {
        case .name(let name):
            // One lookup serves a macro and everything else the name may be bound to.
            return try call(named: name, lookup(name), callee: callee, arguments, span: span, caller: caller)
        case .attribute(let base, let method):
            if let closure = macroClosure(callee) { return try callMacro(closure, arguments, span: span, caller: caller) }
            if caller == nil, let result = try callObjectMethod(base, method, span: span) { return result }
            if case .name(let baseName) = base.kind, let binding = lookup(baseName) {
                // A module's macros were found above; anything else it is asked for is not there.
                if case .module = binding { throw error(.undefined, "\(baseName).\(method) is undefined", at: callee.span) }
                if case .loop(let state) = binding, method == "changed" {
                    // What it remembers would not be updated by a pasted fragment.
                    fragment?.isUnshareable = true
                    return .bool(state.memory.changed(try arguments.positional.map { try require($0) }))
                }
                if case .loop(let state) = binding, method == "cycle" {
                    let choices = try arguments.positional.map { try require($0) } + splatted(arguments)
                    guard !choices.isEmpty else { throw error(.type, "loop.cycle() needs at least one value", at: span) }
                    return choices[state.index0 % choices.count]
                }
            }
            guard caller == nil else { throw error(.type, "{% call %} needs a macro", at: callee.span) }
            let receiver = try require(base)
            let positional = try arguments.positional.map { try require($0) } + splatted(arguments)
            let keyword = try arguments.keyword.map { ($0.name, try require($0.value)) } + keywordSplatted(arguments)
            return try located(span) { () throws(EvaluationFailure) in try receiver.callMethod(method, positional, keyword) }
        default:
            throw error(.type, "this expression is not callable", at: callee.span)
        }
    }

    /// Calls `name(…)`, given what the name is bound to (`lookup(name)`, which the caller may have needed too).
    func call(named name: String, _ binding: Binding?, callee: Expression, _ arguments: Arguments, span: Span,
              caller: MacroClosure? = nil) throws -> Value? {
        if let binding {
            if case .macro(let closure) = binding { return try callMacro(closure, arguments, span: span, caller: caller) }
            if case .undefined = binding { throw error(.undefined, "\(name) is undefined", at: callee.span) }
            if caller == nil, let result = try callObject(binding, arguments, span: span) { return result }
            throw error(.type, "'\(name)' is not callable", at: callee.span)
        }
        guard caller == nil else { throw error(.type, "{% call %} needs a macro, and '\(name)' is not one", at: callee.span) }
        switch name {
        case "super": return try callSuper(span: span)
        case "range": return try range(arguments, span: span)
        case "dict":
            var mapping = OrderedDictionary()
            for argument in arguments.keyword { mapping[argument.name] = try require(argument.value) }
            return .dictionary(mapping)
        default:
            if let function = environment.function(named: name) { return try callFunction(name, function, arguments, span: callee.span) }
            throw error(.undefined, "\(name) is undefined", at: callee.span)
        }
    }

    /// A custom filter called as a function (`TemplateEnvironment.functions`): its first argument is the input.
    private func callFunction(_ name: String, _ function: CustomFilter, _ arguments: Arguments, span: Span) throws -> Value {
        var positional = try arguments.positional.map { try require($0) }
        if arguments.splat != nil { positional += try splatted(arguments) }
        var keyword = try arguments.keyword.map { ($0.name, try require($0.value)) }
        if arguments.keywordSplat != nil { keyword += try keywordSplatted(arguments) }
        guard let input = positional.first else { throw error(.type, "\(name)() needs at least one argument", at: span) }
        // Usually the input is the only argument (`t("key")`): then no array is made for the rest.
        let rest = positional.count == 1 ? [] : Array(positional[1...])
        do {
            return try function(input, rest, keyword, FilterContext(renderer: self))
        } catch let templateError as TemplateError {
            throw templateError
        } catch {
            throw self.error(.filterFailed, "\(name)() failed: \(error)", at: span)
        }
    }

    private func callSuper(span: Span) throws -> Value {
        guard let active = activeBlocks.last else {
            throw error(.syntax, "super() can only be called inside a {% block %}", at: span)
        }
        // Inside a block the current scopes are already the block's: super() sees what the block sees.
        let text = try capture { try renderBlock(active.name, level: active.level + 1, span: span, scoped: true) }
        return .safe(text)
    }

    private func range(_ arguments: Arguments, span: Span) throws -> Value {
        let numbers = try arguments.positional.map { expression throws -> Int in
            guard let number = try require(expression).integer else { throw error(.type, "range() takes integers", at: expression.span) }
            return number
        }
        guard (1...3).contains(numbers.count), arguments.keyword.isEmpty else {
            throw error(.type, "range() takes 1 to 3 integer arguments", at: span)
        }
        let start = numbers.count > 1 ? numbers[0] : 0
        let stop = numbers.count > 1 ? numbers[1] : numbers[0]
        let step = numbers.count > 2 ? numbers[2] : 1
        guard step != 0 else { throw error(.type, "range() step must not be zero", at: span) }
        // Computed in floating point: `stop - start` may not fit in an Int.
        let distance = step > 0 ? Double(stop) - Double(start) : Double(start) - Double(stop)
        let estimate = distance <= 0 ? 0 : (distance / abs(Double(step))).rounded(.up)
        guard estimate <= Double(Renderer.maxRangeLength) else {
            let count = estimate < 9e18 ? String(Int(estimate)) : "about " + PythonFloatFormatter.format(estimate)
            throw error(.limitExceeded, "range() of \(count) items is too long (at most \(Renderer.maxRangeLength))", at: span)
        }
        let length = Int(estimate)
        var items: [Value] = []
        items.reserveCapacity(length)
        var current = start
        for _ in 0..<length {
            items.append(.int(current))
            let next = current.addingReportingOverflow(step)
            if next.overflow { break }
            current = next.partialValue
        }
        return .array(items)
    }

    func callMacro(_ closure: MacroClosure, _ arguments: Arguments, span: Span, caller: MacroClosure? = nil,
                   writingDirectly: Bool = false) throws -> Value {
        let definition = closure.definition
        // Arguments are bindings: a macro may be given `loop`, a namespace, `caller` or another macro.
        var positional = try arguments.positional.map { try evaluateBinding($0) }
        if arguments.splat != nil { positional += try splatted(arguments).map(Binding.value) }
        var extraPositional: [Value] = []
        if positional.count > definition.parameters.count {
            guard definition.catchesVarargs else {
                throw error(.type, "macro '\(definition.name)' takes at most \(definition.parameters.count) arguments (\(positional.count) given)", at: span)
            }
            extraPositional = positional[definition.parameters.count...].map { binding in
                if case .value(let value) = binding { return value }
                return .none
            }
            positional.removeLast(positional.count - definition.parameters.count)
        }
        var keywordArguments = try arguments.keyword.map { ($0.name, try evaluateBinding($0.value), $0.value.span) }
        if arguments.keywordSplat != nil { keywordArguments += try keywordSplatted(arguments).map { ($0.0, Binding.value($0.1), span) } }
        // Arguments by parameter position: macros have a handful of parameters, so no dictionary; and
        // with no keyword arguments, the positional ones are already in place.
        var provided: [Binding?] = []
        var extraKeyword: OrderedDictionary?  // made only for a macro that collects `kwargs`
        if !keywordArguments.isEmpty {
            provided = [Binding?](repeating: nil, count: definition.parameters.count)
            for (index, value) in positional.enumerated() { provided[index] = value }
        }
        for (name, binding, argumentSpan) in keywordArguments {
            guard let index = definition.parameters.firstIndex(where: { $0.name == name }) else {
                if definition.catchesKwargs, case .value(let value) = binding {
                    if extraKeyword == nil { extraKeyword = OrderedDictionary() }
                    extraKeyword?[name] = value
                    continue
                }
                throw error(.type, "macro '\(definition.name)' has no parameter named '\(name)'", at: argumentSpan)
            }
            guard provided[index] == nil else {
                throw error(.type, "macro '\(definition.name)' got multiple values for '\(name)'", at: argumentSpan)
            }
            provided[index] = binding
        }
        if let key = pureCallKey(closure, positional, keywordArguments, caller: caller) {
            return try memoizedCall(key, of: closure, span: span, writingDirectly: writingDirectly) { direct in
                try enterMacro(closure, positional, provided, extraPositional, extraKeyword, span: span, caller: caller,
                               writingDirectly: direct)
            }
        }
        return try enterMacro(closure, positional, provided, extraPositional, extraKeyword, span: span, caller: caller,
                              writingDirectly: writingDirectly)
    }

    /// Runs a macro whose arguments are bound by position (`provided`, or `positional` when that is empty).
    private func enterMacro(_ closure: MacroClosure, _ positional: [Binding], _ provided: [Binding?], _ extraPositional: [Value],
                            _ extraKeyword: OrderedDictionary?, span: Span, caller: MacroClosure?,
                            writingDirectly: Bool) throws -> Value {
        let definition = closure.definition
        var provided = provided
        try enterCall(at: span, TrailEntry(kind: .macro(definition.name), template: template, offset: span.start, target: nil))
        defer { leaveCall() }
        let started = metricsStart()
        defer { measured(started, .macro, closure.template, offset: definition.span.start, label: definition.name) }
        var scopes: [Scope] = []
        scopes.reserveCapacity(3)
        var sees = seesGlobals
        switch closure.origin {
        case .liveRoot:
            scopes.append(frames[0])
        case .captured(var captured):
            captured[definition.name] = .macro(closure)
            scopes.append(frames[0])
            scopes.append(captured)
        case .module(let key, let seesGlobals):
            scopes.append(modules[key])
            sees = seesGlobals
        case .callSite(let visible, let seesGlobals):
            scopes.append(visible)
            sees = seesGlobals
            // `caller()` renders whatever the call site wrote, which the fragment's keys do not name.
            fragment?.isUnshareable = true
        }
        if let caller, let index = definition.parameters.firstIndex(where: { $0.name == "caller" }) {
            // A macro with a `caller` parameter receives the call block's body through it.
            if provided.isEmpty { provided = positional.map { $0 } + [Binding?](repeating: nil, count: definition.parameters.count - positional.count) }
            provided[index] = .macro(caller)
        }
        scopes.append(caller.map { ["caller": .macro($0)] } ?? (definition.catchesCaller ? ["caller": .undefined] : Scope()))
        let savedBlocks = activeBlocks
        defer { activeBlocks = savedBlocks }
        activeBlocks = []
        // `{{ m.macro(…) }}` writes the macro's markup as it is: the body can write straight into the page.
        if writingDirectly {
            try runMacroBody(definition, in: closure.template, positional, provided, extraPositional, extraKeyword, frames: &scopes, seesGlobals: sees)
            return .safe("")
        }
        return .safe(try capture {
            try runMacroBody(definition, in: closure.template, positional, provided, extraPositional, extraKeyword, frames: &scopes, seesGlobals: sees)
        })
    }

    /// Binds a macro's parameters in the last of `frames` and runs its body there.
    ///
    /// A method rather than a local function: a local function capturing `frames` would make every
    /// `&frames` a dynamically checked access.
    private func runMacroBody(_ definition: MacroDefinition, in template: ParsedTemplate, _ positional: [Binding],
                              _ provided: [Binding?], _ extraPositional: [Value], _ extraKeyword: OrderedDictionary?,
                              frames scopes: inout [Scope], seesGlobals sees: Bool) throws {
        try withScope(frames: &scopes, seesGlobals: sees, template: template) {
            if definition.catchesVarargs { bind("varargs", .value(.array(extraPositional))) }
            if definition.catchesKwargs { bind("kwargs", .value(.dictionary(extraKeyword ?? OrderedDictionary()))) }
            for (index, parameter) in definition.parameters.enumerated() {
                let given = provided.isEmpty ? (index < positional.count ? positional[index] : nil) : provided[index]
                if let binding = given {
                    bind(parameter.name, binding)
                } else if let defaultValue = parameter.defaultValue {
                    bind(parameter.name, .value(try require(defaultValue)))
                } else {
                    bind(parameter.name, .undefined)
                }
            }
            try execute(definition.body)
        }
    }

    /// The macro `callee` names, if it is one (`name(…)` or `module.name(…)`): what `call` runs, and what
    /// `{{ … }}` can let write straight into the page.
    func macroClosure(_ callee: Expression) -> MacroClosure? {
        switch callee.kind {
        case .name(let name):
            if case .macro(let closure)? = lookup(name) { return closure }
        case .attribute(let base, let method):
            if case .name(let baseName) = base.kind, case .module(let key)? = lookup(baseName),
               case .macro(let closure)? = modules[key][method] {
                return closure
            }
        default:
            break
        }
        return nil
    }
}

extension Renderer {
    /// The items of `*args` in a call, or none.
    func splatted(_ arguments: Arguments) throws -> [Value] {
        guard let splat = arguments.splat else { return [] }
        let value = try require(splat)
        do { return try value.iterated() } catch { throw self.error(.type, "*\(value.typeName) in a call must be iterable", at: splat.span) }
    }

    /// The entries of `**kwargs` in a call, or none.
    func keywordSplatted(_ arguments: Arguments) throws -> [(String, Value)] {
        guard let splat = arguments.keywordSplat else { return [] }
        guard case .dictionary(let mapping) = try require(splat) else {
            throw error(.type, "** in a call needs a mapping", at: splat.span)
        }
        return Array(zip(mapping.keys, mapping.values))
    }
}
