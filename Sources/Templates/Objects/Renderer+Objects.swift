/// Macros, `caller`, `loop`, namespaces, cyclers and joiners as values: stored with `set` or `with`, passed to
/// macros, tested for truth and with `is callable`, called.
///
/// They are not `Value`s (a context never holds them), so they travel as `Binding`s: an expression that only
/// names one (`loop`, `ns`, `caller`, `m.macro`) yields its binding, and everything else a plain value. The
/// hot paths (`{{ name }}`, `name.attribute`) are unchanged; these run where a name is bound or tested.
extension Renderer {
    /// What `expression` binds a name to: the object it names, or its value (failing if undefined).
    func evaluateBinding(_ expression: Expression) throws -> Binding {
        switch expression.kind {
        case .name(let name):
            if let (frame, position) = location(of: name) {
                let binding = frames[frame].entries[position].binding
                if case .undefined = binding { throw undefinedError(expression) }
                return binding
            }
            if let value = globalValue(name) { return .value(value) }
            throw undefinedError(expression)
        case .attribute:
            // Read as a value first, as `require` would: only `module.macro` fails there, and is then a macro.
            do {
                guard let value = try evaluate(expression) else { throw undefinedError(expression) }
                return .value(value)
            } catch {
                if let closure = macroClosure(expression) { return .macro(closure) }
                throw error
            }
        case .call(let callee, let arguments):
            if case .name(let name) = callee.kind, name == "cycler" || name == "joiner" || name == "namespace",
               lookup(name) == nil, globalValue(name) == nil, let object = try makeObject(name, arguments, span: expression.span) {
                return object
            }
        default:
            break
        }
        return .value(try require(expression))
    }

    /// `cycler(…)`, `joiner(…)` and `namespace(…)`, the globals that make objects; nil for other names.
    func makeObject(_ name: String, _ arguments: Arguments, span: Span) throws -> Binding? {
        switch name {
        case "cycler":
            let items = try arguments.positional.map { try require($0) }
            guard !items.isEmpty else { throw error(.type, "cycler() needs at least one item", at: span) }
            return .cycler(Cycler(items))
        case "joiner":
            let separator = try arguments.positional.first.map { try require($0) } ?? .string(", ")
            return .joiner(Joiner(separator))
        case "namespace":
            return .namespace(Namespace(try namespaceAttributes(arguments)))
        default:
            return nil
        }
    }

    /// Python truth of `expression`; a macro, `caller` or other object is true (Jinja's objects are).
    func isTrue(_ expression: Expression) throws -> Bool {
        do {
            return try evaluate(expression)?.isTruthy ?? false
        } catch {
            if namesCallable(expression) { return true }
            throw error
        }
    }

    /// Whether `expression` names a macro, `caller`, a joiner or a recursive loop (for `is callable` and truth).
    func namesCallable(_ expression: Expression) -> Bool {
        if macroClosure(expression) != nil { return true }
        guard case .name(let name) = expression.kind else { return false }
        guard let binding = lookup(name) else {
            // The global functions, unless the context gives the name a value.
            return globalValue(name) == nil && ["range", "dict", "namespace", "cycler", "joiner"].contains(name)
        }
        switch binding {
        case .joiner: return true
        case .loop(let state): return state.memory.recursiveLoop != nil
        default: return false
        }
    }

    /// Applies `is callable`, `is filter` and `is test`, which ask about the environment rather than a value;
    /// nil for every other test.
    func applyEnvironmentTest(_ invocation: Invocation, _ input: Expression) throws -> Bool? {
        switch invocation.name {
        case "callable":
            if namesCallable(input) { return true }
            _ = try evaluate(input)
            return false
        case "filter":
            guard let name = try evaluate(input)?.stringContent else { return false }
            return environment.filterTable[name] != nil
        case "test":
            guard let name = try evaluate(input)?.stringContent else { return false }
            return BuiltinTests.table[name] != nil
        default:
            return nil
        }
    }

    /// `{{ j() }}`, `{{ loop(children) }}`: calling an object bound to a name; nil when it is not callable.
    func callObject(_ binding: Binding, _ arguments: Arguments, span: Span) throws -> Value? {
        switch binding {
        case .joiner(let joiner):
            fragment?.isUnshareable = true
            return joiner.call()
        case .loop(let state):
            guard let loop = state.memory.recursiveLoop, let argument = arguments.positional.first else { return nil }
            let items = try require(argument)
            return .safe(try capture { try runLoop(loop, over: items, depth: state.memory.depth + 1, span: span) })
        default:
            return nil
        }
    }

    /// `c.next()`, `c.reset()`, `c.current`, `self.block()`: methods of objects; nil when `base` names none.
    func callObjectMethod(_ base: Expression, _ method: String, span: Span) throws -> Value? {
        guard case .name(let baseName) = base.kind else { return nil }
        switch lookup(baseName) {
        case .cycler(let cycler)?:
            fragment?.isUnshareable = true
            switch method {
            case "next": return cycler.next()
            case "reset": cycler.position = 0; return Value.none
            default: throw error(.type, "a cycler has no method '\(method)'", at: span)
            }
        case nil where baseName == "self" && globalValue("self") == nil:
            guard blockChains[method] != nil else { throw error(.undefined, "self.\(method) is undefined: there is no block '\(method)'", at: span) }
            return .safe(try capture { try renderBlock(method, level: 0, span: span, scoped: false) })
        default:
            return nil
        }
    }

    /// `c.current` on a cycler (other objects' attributes are read in `evaluate`).
    func objectAttribute(_ binding: Binding, _ name: String) -> Value? {
        if case .cycler(let cycler) = binding, name == "current" { return cycler.current }
        return nil
    }
}
