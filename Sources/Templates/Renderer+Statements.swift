/// Executing statements: text, output, control flow, assignments, includes, blocks, imports.
extension Renderer {
    func execute(_ body: [Statement]) throws {
        if let first = body.first { try checkStack(at: first.span) }
        for statement in body { try execute(statement) }
    }

    /// Writes `value` as Jinja's autoescape does (`markupsafe.escape`), escaping straight into the page.
    ///
    /// Always inlined, as the compiler did by itself before `{% autoescape %}` added its branch: a call here
    /// cost 0.35% of a page's instructions.
    @inline(__always)
    func writeEscaped(_ value: Value, at span: Span) throws {
        guard !discardingOutput else { return }
        switch value {
        case .array, .dictionary: try checkPrintedSize(value, at: span)
        default: break
        }
        switch escaping {
        case .html:
            if autoescapes { HTMLEscaper.appendMarkup(value, to: &output) } else { writeUnescaped(value) }
        default:
            escaping.append(value, to: &output)
        }
        try checkOutputSize(at: span)
    }

    /// Inside `{% autoescape false %}`: the value's text as it is (kept out of `writeEscaped`, which is hot).
    @inline(never)
    private func writeUnescaped(_ value: Value) {
        output.append(contentsOf: value.pythonString.utf8)
    }

    /// Every item prints as at least two bytes (", "): a container with more than half the output limit in items,
    /// counted as often as reached, would pass it, and could take for ever to print (see `visitsMoreThan`). Out of
    /// line, so that the inlined `writeEscaped` grows by one test of the value's case.
    @inline(never)
    private func checkPrintedSize(_ value: Value, at span: Span) throws {
        if value.visitsMoreThan(environment.limits.maxOutputBytes / 2) {
            throw error(.limitExceeded, "output is larger than \(environment.limits.maxOutputBytes) bytes", at: span)
        }
    }

    func checkOutputSize(at span: Span) throws {
        if output.count > environment.limits.maxOutputBytes {
            throw error(.limitExceeded, "output is larger than \(environment.limits.maxOutputBytes) bytes", at: span)
        }
    }

    private func execute(_ statement: Statement) throws {
        switch statement.kind {
        case .text(let text):
            guard !discardingOutput else { return }
            output.append(contentsOf: text.bytes)
            try checkOutputSize(at: statement.span)
        case .output(let expression):
            guard !discardingOutput else { return }
            if case .call(let callee, let arguments) = expression.kind {
                if case .name(let name) = callee.kind {
                    // `{{ name(…) }}`: one lookup of the name serves a macro, written straight into the page, and
                    // anything else (`t(…)`, thousands of times a build), which would otherwise look it up twice more.
                    let binding = lookup(name)
                    if case .macro(let closure)? = binding {
                        _ = try callMacro(closure, arguments, span: expression.span, writingDirectly: true)
                        return
                    }
                    // (A call is never `OutputEscaping.writesJSON`, which only filters are.)
                    try checkStack(at: expression.span)
                    guard let value = try call(named: name, binding, callee: callee, arguments, span: expression.span) else {
                        throw undefinedError(expression)
                    }
                    try writeEscaped(value, at: statement.span)
                    return
                } else if let closure = macroClosure(callee) {
                    _ = try callMacro(closure, arguments, span: expression.span, writingDirectly: true)
                    return
                }
            }
            if escaping == .json, OutputEscaping.writesJSON(expression) {
                output.append(contentsOf: HTMLEscaper.markup(try require(expression)).utf8)
                try checkOutputSize(at: statement.span)
                return
            }
            try writeEscaped(try require(expression), at: statement.span)
        case .conditional(let branches, let otherwise):
            for branch in branches where try isTrue(branch.condition) {
                try execute(branch.body)
                return
            }
            try execute(otherwise)
        case .loop(let loop):
            try executeLoop(loop, span: statement.span)
        case .assign(let targets, let expression):
            if targets.count == 1, expression.mayNameObject {
                // `set l = loop`, `set f = caller`, `set ns = namespace()`: the object itself, not a printed form.
                let binding = try evaluateBinding(expression)
                if case .value(let value) = binding, !expression.isLookup { try checkNesting(value, at: expression.span) }
                bind(targets[0], binding)
                return
            }
            let value = try require(expression)
            if !expression.isLookup { try checkNesting(value, at: expression.span) }
            try assign(targets, value, span: expression.span)
        case .assignAttribute(let target, let attribute, let expression):
            guard case .namespace(let namespace)? = lookup(target) else {
                throw error(.type, "cannot set '\(attribute)' on '\(target)': only a namespace() has settable attributes", at: statement.span)
            }
            let value = try require(expression)
            if !expression.isLookup { try checkNesting(value, at: expression.span) }
            namespace.attributes[attribute] = value
            // A pasted fragment would not set it again.
            fragment?.isUnshareable = true
        case .capture(let name, let body):
            let text = try capture { try executeInnerScope(body) }
            bind(name, .value(.safe(text)))
        case .assignMixed(let targets, let expression):
            let parts = try unpack(try require(expression), count: targets.count, span: expression.span)
            for (target, part) in zip(targets, parts) {
                guard let attribute = target.attribute else {
                    bind(target.name, .value(part))
                    continue
                }
                guard case .namespace(let namespace)? = lookup(target.name) else {
                    throw error(.type, "cannot set '\(attribute)' on '\(target.name)': only a namespace() has settable attributes", at: statement.span)
                }
                namespace.attributes[attribute] = part
                fragment?.isUnshareable = true
            }
        case .captureAttribute(let target, let attribute, let body):
            guard case .namespace(let namespace)? = lookup(target) else {
                throw error(.type, "cannot set '\(attribute)' on '\(target)': only a namespace() has settable attributes", at: statement.span)
            }
            namespace.attributes[attribute] = .safe(try capture { try executeInnerScope(body) })
            fragment?.isUnshareable = true
        case .filteredCapture(let name, let filters, let body):
            var value: Value? = .safe(try capture { try executeInnerScope(body) })
            for invocation in filters { value = try applyFilter(invocation, to: value, input: nil) }
            guard let value else { throw error(.undefined, "set block result is undefined", at: statement.span) }
            bind(name, .value(value))
        case .autoescape(let setting, let body):
            let saved = autoescapes
            autoescapes = try isTrue(setting)
            defer { autoescapes = saved }
            try executeInnerScope(body)
        case .include(let reference, let ignoreMissing, let withContext):
            try include(reference, ignoreMissing: ignoreMissing, withContext: withContext)
        case .extends:
            discardingOutput = true
        case .block(let name, let scoped):
            guard !discardingOutput else { return }
            try renderBlock(name, level: 0, span: statement.span, scoped: scoped)
        case .macro(let definition):
            let origin: MacroClosure.Origin = frames.count == 1 ? .liveRoot : .captured(innerScope())
            bind(definition.name, .macro(MacroClosure(definition: definition, template: template, origin: origin)))
        case .importModule(let reference, let alias, let withContext):
            bind(alias, .module(try importModule(reference, withContext: withContext)))
        case .importNames(let reference, let names, let withContext):
            let key = try importModule(reference, withContext: withContext)
            for imported in names {
                guard let binding = modules[key][imported.name] else {
                    throw error(.undefined, "template '\(reference.name)' does not export '\(imported.name)'", at: imported.span)
                }
                bind(imported.alias, binding)
            }
        case .with(let assignments, let body):
            var scope = Scope()
            for (name, expression) in assignments { scope[name] = try evaluateBinding(expression) }
            frames.append(scope)
            defer { frames.removeLast() }
            try execute(body)
        case .callBlock(let call, let definition):
            guard !discardingOutput, case .call(let callee, let arguments) = call.kind else { return }
            let caller = MacroClosure(definition: definition, template: template, origin: .callSite(flattenedScope(keepingLoop: true), seesGlobals: seesGlobals))
            let value = try self.call(callee, arguments, span: call.span, caller: caller) ?? .safe("")
            try writeEscaped(value, at: statement.span)
        case .filterBlock(let filters, let body):
            guard !discardingOutput else { return }
            var value: Value? = .safe(try capture { try executeInnerScope(body) })
            for invocation in filters { value = try applyFilter(invocation, to: value, input: nil) }
            guard let value else { throw error(.undefined, "filter block result is undefined", at: statement.span) }
            try writeEscaped(value, at: statement.span)
        case .cache(let keys, let body, let scope):
            guard !discardingOutput else { return }
            try renderCached(keys, body, scope: scope, span: statement.span)
        }
    }

    /// Pastes the fragment stored for these keys, or one the last build kept whose body saw what this one
    /// would (`FragmentScope`, `FragmentCarry`), or renders the body (in a scope of its own, like a loop body)
    /// and stores what it wrote, unless a filter found it specific to this page.
    private func renderCached(_ keys: [Expression], _ body: [Statement], scope: FragmentScope, span: Span) throws {
        let started = metricsStart()
        let tag = template
        var reused = false
        defer { measured(started, .cache, tag, offset: span.start, reused: reused) }
        guard let fragments else {
            try executeInnerScope(body)
            return
        }
        var key = FragmentKey(template: template.source.name, offset: span.start)
        for expression in keys { key.append(try evaluate(expression)) }
        key.finish()
        if let (stored, reach) = fragments.fragment(key, partition: partition, page: pagePartition), Self.replayReads(of: stored) {
            try paste(stored, reach: reach, at: span)
            reused = true
            return
        }
        // Only a build that keeps fragments for the next (and only on a miss) works out what the body sees.
        let seen = fragments.carry == nil ? nil : fragmentScope(scope)
        if let seen, let (stored, reach) = fragments.kept(key, partition: partition, page: pagePartition, scope: seen.print),
           Self.replayReads(of: stored) {
            try paste(stored, reach: reach, at: span)
            reused = true
            return
        }
        let start = output.count
        let (recording, reads) = try recordingFragment {
            // The templates the body depends on without looking them up: the tag's own, and those of the macros
            // it calls. Recorded as the body's, so a page (or fragment) that pastes it depends on them too.
            for name in seen?.templates ?? [] { ReadTracking.noteTemplate(name) }
            try executeInnerScope(body)
        }
        if let place = storagePlace(of: recording, in: fragments) {
            var stored = FragmentCache.Fragment(bytes: Array(output[start...]), reads: reads)
            if let seen { _ = stored.keep(scope: seen.print, carry: fragments.carry) }
            fragments.store(stored, for: key, partition: place)
        }
    }

    /// Runs `body` as the innermost fragment being rendered, recording what it reads; what holds for it (not
    /// shareable, local, page-specific) then holds for the fragments around it too.
    func recordingFragment(_ body: () throws -> Void) throws -> (recording: FragmentRecording, reads: RecordedReads?) {
        let recording = FragmentRecording()
        let enclosing = fragment
        fragment = recording
        defer {
            fragment = enclosing
            if recording.isUnshareable { enclosing?.isUnshareable = true }
            if recording.isLocal { enclosing?.isLocal = true }
            if recording.isPageSpecific { enclosing?.isPageSpecific = true }
        }
        return (recording, try recordingFragmentReads(body))
    }

    /// Where a fragment just rendered is stored: `.none`, not at all (it changed state outside itself);
    /// `.some(nil)`, for every page; else for the render's partition or, when it depends on the page, for this
    /// page alone, and only where fragments are kept for the next build (which renders the page again and may
    /// paste it).
    func storagePlace(of recording: FragmentRecording, in fragments: FragmentCache) -> String?? {
        if recording.isUnshareable { return .none }
        if recording.isPageSpecific { return fragments.carry == nil ? .none : pagePartition.map { .some($0) } }
        return .some(recording.isLocal ? partition : nil)
    }

    /// A pasted fragment that depends on where the page is (or on the page) makes the fragment around it depend
    /// on it too.
    func markReach(_ reach: FragmentCache.Reach) {
        switch reach {
        case .everywhere: break
        case .partition: fragment?.isLocal = true
        case .page: fragment?.isPageSpecific = true
        }
    }

    /// Writes a stored fragment in place of its tag.
    func paste(_ stored: FragmentCache.Fragment, reach: FragmentCache.Reach, at span: Span) throws {
        markReach(reach)
        output.append(contentsOf: stored.bytes)
        try checkOutputSize(at: span)
    }

    /// Runs `body` in a scope of its own, so its `set`s do not leak (for-loop bodies, blocks, captures).
    func executeInnerScope(_ body: [Statement], bindings: Scope = Scope()) throws {
        frames.append(bindings)
        defer { frames.removeLast() }
        try execute(body)
    }

    /// The initial attributes of `namespace(…)`: a mapping argument, then keyword arguments.
    func namespaceAttributes(_ arguments: Arguments) throws -> OrderedDictionary {
        var attributes = OrderedDictionary()
        for argument in arguments.positional {
            guard case .dictionary(let mapping) = try require(argument) else {
                throw error(.type, "namespace() takes a mapping and keyword arguments", at: argument.span)
            }
            for (key, value) in zip(mapping.keys, mapping.values) { attributes[key] = value }
        }
        for argument in arguments.keyword { attributes[argument.name] = try require(argument.value) }
        return attributes
    }

    /// The bindings of every scope but the root, merged (what a nested macro captures).
    func innerScope() -> Scope {
        var merged = Scope()
        for frame in frames.dropFirst() { merged.merge(frame) }
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

    private func executeLoop(_ loop: Loop, span: Span) throws {
        try runLoop(loop, over: try require(loop.iterable), depth: 1, span: span)
    }

    /// Runs `loop` over `sequence`; `depth` is 1 for the loop itself, more for `loop(…)` in a recursive loop.
    func runLoop(_ loop: Loop, over sequence: Value, depth: Int, span: Span) throws {
        var items: [Value]
        do { items = try sequence.iterated() } catch {
            throw self.error(error.kind, error.message, at: loop.iterable.span)
        }
        if let condition = loop.condition {
            // The condition sees the targets only (an expression binds nothing), so one scope serves every item.
            var kept: [Value] = []
            kept.reserveCapacity(items.count)
            frames.append([:])
            defer { frames.removeLast() }
            let last = frames.count - 1
            for item in items {
                if loop.targets.count == 1, frames[last].binds(only: loop.targets[0]) {
                    frames[last].rebind(at: 0, .value(item))
                } else {
                    frames[last].removeAll()
                    try bindTargets(loop.targets, item, span: loop.iterable.span)
                }
                if try isTrue(condition) { kept.append(item) }
            }
            items = kept
        }
        guard !items.isEmpty else {
            try execute(loop.otherwise)
            return
        }
        frames.append([:])
        defer { frames.removeLast() }
        let long = items.count >= Renderer.longLoop
        if long { longLoops += 1 }
        defer { if long { longLoops -= 1 } }
        let memory = LoopMemory(items: items)
        if loop.isRecursive { memory.recursion = LoopRecursion(loop: loop, depth: depth) }
        let last = frames.count - 1
        for (index, item) in items.enumerated() {
            // Each iteration starts with a fresh scope: a `set` does not carry over to the next one, as in Jinja.
            // When the body bound nothing of its own, that scope holds just the targets and `loop`: they are
            // rebound where they are, instead of the scope being emptied and filled again on every item.
            if index > 0, loop.targets.count == 1, frames[last].binds(only: loop.targets[0], "loop") {
                frames[last].rebind(at: 0, .value(item))
                frames[last].rebind(at: 1, .loop(LoopState(index0: index, memory: memory)))
            } else {
                frames[last].removeAll()
                try bindTargets(loop.targets, item, span: loop.iterable.span)
                bind("loop", .loop(LoopState(index0: index, memory: memory)))
            }
            try countStep(at: span)
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
        let found = reference.alternatives.isEmpty ? loadTemplate(reference.name)
            : reference.candidates.lazy.compactMap { self.loadTemplate($0) }.first
        guard let included = found else {
            if ignoreMissing { return }
            throw error(.templateNotFound, "template '\(reference.name)' not found", at: reference.span)
        }
        try enterCall(at: reference.span, TrailEntry(kind: .include, template: template, offset: reference.span.start, target: nil))
        defer { leaveCall() }
        let started = metricsStart()
        defer { measured(started, .include, included, offset: 0) }
        let savedChains = blockChains
        let savedBlocks = activeBlocks
        defer {
            blockChains = savedChains
            activeBlocks = savedBlocks
        }
        var scopes = [withContext ? flattenedScope() : [:]]
        try withScope(frames: &scopes, seesGlobals: withContext, template: included) {
            try renderWithInheritance(included)
        }
    }

    /// Renders the definition of block `name` at `level` of the inheritance chain (0 = most derived).
    func renderBlock(_ name: String, level: Int, span: Span, scoped: Bool) throws {
        guard let chain = blockChains[name], level < chain.count else {
            throw error(.undefined, level == 0 ? "block '\(name)' is not defined" : "block '\(name)' has no parent definition for super()", at: span)
        }
        let (owner, block) = chain[level]
        try enterCall(at: span, TrailEntry(kind: .block(name), template: template, offset: span.start, target: owner))
        defer { leaveCall() }
        activeBlocks.append((name, level))
        defer { activeBlocks.removeLast() }
        // Assignments inside a block stay local to it, as in Jinja.
        var scopes: [Scope] = scoped ? [frames[0], innerScope(), [:]] : [frames[0], [:]]
        try withScope(frames: &scopes, seesGlobals: seesGlobals, template: owner) {
            try execute(block.body)
        }
    }

    /// Runs an imported template's top level and returns the index of its bindings in `modules`.
    private func importModule(_ reference: TemplateReference, withContext: Bool) throws -> Int {
        if !withContext, let index = modulesByName[reference.name] { return index }
        ReadTracking.noteTemplate(reference.name)
        if !withContext, let key = environment.macroModuleKeys[reference.name] {
            // Made once by the environment; entered and left as if run, for the same limits.
            try enterCall(at: reference.span, TrailEntry(kind: .importModule, template: template, offset: reference.span.start, target: nil))
            leaveCall()
            modulesByName[reference.name] = key
            return key
        }
        guard let imported = environment.templates[reference.name] else {
            throw error(.templateNotFound, "template '\(reference.name)' not found", at: reference.span)
        }
        try enterCall(at: reference.span, TrailEntry(kind: .importModule, template: template, offset: reference.span.start, target: nil))
        defer { leaveCall() }
        let key = modules.count
        modules.append(Scope())
        var scopes = [withContext ? flattenedScope() : [:]]
        var bindings = Scope()
        _ = try capture {
            try withScope(frames: &scopes, seesGlobals: withContext, template: imported) {
                try execute(imported.body)
                bindings = frames[0]
            }
        }
        for (name, binding) in bindings.entries {
            if case .macro(let closure) = binding, case .liveRoot = closure.origin {
                bindings[name] = .macro(MacroClosure(definition: closure.definition, template: closure.template,
                                                     origin: .module(key, seesGlobals: withContext)))
            }
        }
        modules[key] = bindings
        if !withContext { modulesByName[reference.name] = key }
        return key
    }
}
