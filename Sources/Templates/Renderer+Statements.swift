/// Executing statements: text, output, control flow, assignments, includes, blocks, imports.
extension Renderer {
    func execute(_ body: [Statement]) throws {
        if let first = body.first { try checkStack(at: first.span) }
        for statement in body { try execute(statement) }
    }

    func write(_ text: String) {
        if !discardingOutput { output += text }
    }

    private func execute(_ statement: Statement) throws {
        switch statement.kind {
        case .text(let text):
            write(text)
        case .output(let expression):
            guard !discardingOutput else { return }
            let value = try require(expression)
            write(HTMLEscaper.markup(value))
        case .conditional(let branches, let otherwise):
            for branch in branches where try evaluate(branch.condition)?.isTruthy ?? false {
                try execute(branch.body)
                return
            }
            try execute(otherwise)
        case .loop(let loop):
            try executeLoop(loop, span: statement.span)
        case .assign(let targets, let expression):
            let value = try require(expression)
            try checkNesting(value, at: expression.span)
            try assign(targets, value, span: expression.span)
        case .capture(let name, let body):
            let text = try capture { try executeInnerScope(body) }
            bind(name, .value(.safe(text)))
        case .include(let reference, let ignoreMissing, let withContext):
            try include(reference, ignoreMissing: ignoreMissing, withContext: withContext)
        case .extends:
            discardingOutput = true
        case .block(let name):
            guard !discardingOutput else { return }
            try renderBlock(name, level: 0, span: statement.span)
        case .macro(let definition):
            let scope: MacroClosure.Scope = frames.count == 1 ? .liveRoot : .captured(innerScope())
            bind(definition.name, .macro(MacroClosure(definition: definition, template: template, scope: scope)))
        case .importModule(let reference, let alias, let withContext):
            bind(alias, .module(try importModule(reference, withContext: withContext)))
        case .importNames(let reference, let names, let withContext):
            let key = try importModule(reference, withContext: withContext)
            for imported in names {
                guard let binding = modules[key]?[imported.name] else {
                    throw error(.undefined, "template '\(reference.name)' does not export '\(imported.name)'", at: imported.span)
                }
                bind(imported.alias, binding)
            }
        case .with(let assignments, let body):
            var scope: [String: Binding] = [:]
            for (name, expression) in assignments { scope[name] = .value(try require(expression)) }
            frames.append(scope)
            defer { frames.removeLast() }
            try execute(body)
        case .filterBlock(let filters, let body):
            guard !discardingOutput else { return }
            var value: Value? = .safe(try capture { try executeInnerScope(body) })
            for invocation in filters { value = try applyFilter(invocation, to: value, input: nil) }
            guard let value else { throw error(.undefined, "filter block result is undefined", at: statement.span) }
            write(HTMLEscaper.markup(value))
        }
    }

    /// Runs `body` in a scope of its own, so its `set`s do not leak (for-loop bodies, blocks, captures).
    func executeInnerScope(_ body: [Statement], bindings: [String: Binding] = [:]) throws {
        frames.append(bindings)
        defer { frames.removeLast() }
        try execute(body)
    }

    /// The bindings of every scope but the root, merged (what a nested macro captures).
    private func innerScope() -> [String: Binding] {
        var merged: [String: Binding] = [:]
        for frame in frames.dropFirst() { merged.merge(frame) { _, inner in inner } }
        return merged
    }

    private func assign(_ targets: [String], _ value: Value, span: Span) throws {
        guard targets.count > 1 else {
            bind(targets[0], .value(value))
            return
        }
        let parts = try unpack(value, count: targets.count, span: span)
        for (name, part) in zip(targets, parts) { bind(name, .value(part)) }
    }

    /// Splits a value over several targets (`for key, value in …`, `set a, b = …`).
    ///
    /// A mapping unpacks into its values, so `groupby` groups (mappings of `grouper` and
    /// `list`) unpack the way Jinja's group tuples do.
    func unpack(_ value: Value, count: Int, span: Span) throws -> [Value] {
        let parts: [Value]
        switch value {
        case .array(let items): parts = items
        case .dictionary(let mapping): parts = mapping.values
        case .string(let text), .safe(let text): parts = text.unicodeScalars.map { .string(String($0)) }
        default: throw error(.type, "cannot unpack \(value.typeName) into \(count) names", at: span)
        }
        guard parts.count == count else {
            throw error(.type, "cannot unpack \(parts.count) values into \(count) names", at: span)
        }
        return parts
    }

    /// Keeps one render within `maxLoopIterations` and `maxOutputBytes`, so a template cannot hang the build.
    private func countIteration(at span: Span) throws(TemplateError) {
        loopIterations += 1
        if loopIterations > Renderer.maxLoopIterations {
            throw error(.limitExceeded, "loops ran more than \(Renderer.maxLoopIterations) times in one page", at: span)
        }
        if output.utf8.count > Renderer.maxOutputBytes {
            throw error(.limitExceeded, "the page grew past \(Renderer.maxOutputBytes / 1_000_000) MB", at: span)
        }
    }

    private func executeLoop(_ loop: Loop, span: Span) throws {
        let sequence = try require(loop.iterable)
        var items: [Value]
        do { items = try sequence.iterated() } catch {
            throw self.error(error.kind, error.message, at: loop.iterable.span)
        }
        if let condition = loop.condition {
            var kept: [Value] = []
            for item in items {
                try countIteration(at: loop.iterable.span)
                frames.append([:])
                defer { frames.removeLast() }
                try bindTargets(loop.targets, item, span: loop.iterable.span)
                if try evaluate(condition)?.isTruthy ?? false { kept.append(item) }
            }
            items = kept
        }
        guard !items.isEmpty else {
            try execute(loop.otherwise)
            return
        }
        frames.append([:])
        defer { frames.removeLast() }
        for (index, item) in items.enumerated() {
            try countIteration(at: loop.iterable.span)
            try bindTargets(loop.targets, item, span: loop.iterable.span)
            let state = LoopState(index0: index, length: items.count,
                                  previous: index > 0 ? items[index - 1] : nil,
                                  next: index + 1 < items.count ? items[index + 1] : nil)
            bind("loop", .loop(state))
            try execute(loop.body)
        }
    }

    private func bindTargets(_ targets: [String], _ item: Value, span: Span) throws {
        if targets.count == 1 {
            bind(targets[0], .value(item))
        } else {
            for (name, part) in zip(targets, try unpack(item, count: targets.count, span: span)) { bind(name, .value(part)) }
        }
    }

    private func include(_ reference: TemplateReference, ignoreMissing: Bool, withContext: Bool) throws {
        guard let included = environment.templates[reference.name] else {
            if ignoreMissing { return }
            throw error(.templateNotFound, "template '\(reference.name)' not found", at: reference.span)
        }
        try enterCall(at: reference.span, note: "in template included from \(template.source.describe(reference.span.start))")
        defer { leaveCall() }
        let savedChains = blockChains
        let savedBlocks = activeBlocks
        defer {
            blockChains = savedChains
            activeBlocks = savedBlocks
        }
        let scope = withContext ? flattenedScope() : [:]
        try withScope(frames: [scope], seesGlobals: withContext, template: included) {
            try renderWithInheritance(included)
        }
    }

    /// Renders the definition of block `name` at `level` of the inheritance chain (0 = most derived).
    func renderBlock(_ name: String, level: Int, span: Span) throws {
        guard let chain = blockChains[name], level < chain.count else {
            throw error(.undefined, level == 0 ? "block '\(name)' is not defined" : "block '\(name)' has no parent definition for super()", at: span)
        }
        let (owner, block) = chain[level]
        try enterCall(at: span, note: "in block '\(name)' of \(owner.source.displayName)")
        defer { leaveCall() }
        activeBlocks.append((name, level))
        defer { activeBlocks.removeLast() }
        let root = frames[0]
        try withScope(frames: [root, [:]], seesGlobals: seesGlobals, template: owner) {
            try execute(block.body)
            // Top-level assignments inside a block stay local to it, as in Jinja.
        }
    }

    /// Runs an imported template's top level and returns the key of its bindings in `modules`.
    private func importModule(_ reference: TemplateReference, withContext: Bool) throws -> String {
        if !withContext, modules[reference.name] != nil { return reference.name }
        guard let imported = environment.templates[reference.name] else {
            throw error(.templateNotFound, "template '\(reference.name)' not found", at: reference.span)
        }
        try enterCall(at: reference.span, note: "in template imported from \(template.source.describe(reference.span.start))")
        defer { leaveCall() }
        moduleCounter += 1
        let key = withContext ? "\(reference.name)#\(moduleCounter)" : reference.name
        let scope = withContext ? flattenedScope() : [:]
        var bindings: [String: Binding] = [:]
        _ = try capture {
            try withScope(frames: [scope], seesGlobals: withContext, template: imported) {
                try execute(imported.body)
                bindings = frames[0]
            }
        }
        for (name, binding) in bindings {
            if case .macro(let closure) = binding, case .liveRoot = closure.scope {
                bindings[name] = .macro(MacroClosure(definition: closure.definition, template: closure.template,
                                                     scope: .module(key, seesGlobals: withContext)))
            }
        }
        modules[key] = bindings
        return key
    }
}
