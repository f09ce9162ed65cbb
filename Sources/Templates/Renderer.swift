/// Renders one template for one context: walks the AST, writing into a string.
///
/// A renderer is created per `render` call and never shared, so it may keep mutable state
/// (scopes, output buffer, inheritance chain) without locks, while the parsed templates it
/// reads are immutable and shared by every thread.
final class Renderer {
    /// How deep includes, imports, blocks, `super()` and macro calls may nest; a macro calling
    /// itself without end stops here with an error instead of overflowing the stack.
    static let maxCallDepth = 100
    /// Loop iterations one render may run in total: nested loops over `range(100000)` would otherwise
    /// spin for hours. Far above any real page (the microsite's largest runs a few thousand).
    static let maxLoopIterations = 1_000_000
    /// Bytes of output one render may produce (a 10 MB Markdown page renders to about 11 MB).
    static let maxOutputBytes = 256_000_000

    let environment: TemplateEnvironment
    let globals: [String: Value]
    /// Scopes, innermost last. `frames[0]` is the root scope of the template being rendered.
    var frames: [[String: Binding]] = [[:]]
    /// Whether names fall back to the render context (false inside modules imported without context).
    var seesGlobals = true
    /// The template whose AST is executing, for error locations.
    var template: ParsedTemplate
    var output = ""
    /// Set after `{% extends %}`: the rest of a child template only defines things, it prints nothing.
    var discardingOutput = false
    /// For each block name, its definitions from the most derived template to the base.
    var blockChains: [String: [(template: ParsedTemplate, block: BlockDefinition)]] = [:]
    /// The blocks being rendered, innermost last, with their position in the chain (for `super()`).
    var activeBlocks: [(name: String, level: Int)] = []
    /// Bindings of imported modules, by key.
    var modules: [String: [String: Binding]] = [:]
    var moduleCounter = 0
    var callDepth = 0
    /// Loop iterations run so far in this render, checked against `maxLoopIterations`.
    var loopIterations = 0
    /// Where we came from (includes, macro calls, layouts), innermost last, reported as notes.
    var trail: [String] = []
    /// Guards against stack exhaustion whatever the build and thread (see `StackGuard`).
    let stack = StackGuard()

    init(environment: TemplateEnvironment, globals: [String: Value], template: ParsedTemplate) {
        self.environment = environment
        self.globals = globals
        self.template = template
    }

    // MARK: - Errors

    func error(_ kind: TemplateError.Kind, _ message: String, at span: Span) -> TemplateError {
        template.source.error(kind, message, at: span.start, notes: Renderer.condense(trail.reversed()))
    }

    /// Collapses runs of identical notes (a macro calling itself 100 times) into one line plus a count.
    static func condense(_ notes: [String]) -> [String] {
        var result: [String] = []
        var index = 0
        while index < notes.count {
            var end = index + 1
            while end < notes.count, notes[end] == notes[index] { end += 1 }
            result.append(notes[index])
            if end - index > 1 { result.append("… the same \(end - index - 1) more time\(end - index > 2 ? "s" : "")") }
            index = end
        }
        return result
    }

    /// Enters a nested call (include, macro, block…), failing past `maxCallDepth`.
    func enterCall(at span: Span, note: String) throws {
        try checkStack(at: span)
        guard callDepth < Renderer.maxCallDepth else {
            throw error(.limitExceeded, "recursion limit exceeded: calls nest more than \(Renderer.maxCallDepth) levels deep", at: span)
        }
        callDepth += 1
        trail.append(note)
    }

    /// Fails when the render has used up its stack budget (deep nesting inside deep recursion).
    func checkStack(at span: Span) throws {
        if stack.isExhausted {
            throw error(.limitExceeded, "template nesting and recursion are too deep to render", at: span)
        }
    }

    /// Fails when a value built by the template nests deeper than `Value.maxNesting`.
    func checkNesting(_ value: Value, at span: Span) throws {
        if value.nestsDeeper(than: Value.maxNesting) {
            throw error(.limitExceeded, "value nests more than \(Value.maxNesting) levels deep", at: span)
        }
    }

    func leaveCall() {
        callDepth -= 1
        trail.removeLast()
    }

    // MARK: - Scopes

    func lookup(_ name: String) -> Binding? {
        var index = frames.count - 1
        while index >= 0 {
            if let binding = frames[index][name] { return binding }
            index -= 1
        }
        if seesGlobals, let value = globals[name] { return .value(value) }
        return nil
    }

    func bind(_ name: String, _ binding: Binding) {
        frames[frames.count - 1][name] = binding
    }

    /// All visible bindings merged into one scope, innermost winning (what an include sees).
    /// As in Jinja, the `loop` object of an enclosing `for` is not passed on.
    func flattenedScope() -> [String: Binding] {
        var merged: [String: Binding] = [:]
        for frame in frames { merged.merge(frame) { _, inner in inner } }
        if case .loop? = merged["loop"] { merged["loop"] = nil }
        return merged
    }

    // MARK: - Templates

    /// Renders `root` and, if it extends a layout, the layout chain, resolving blocks to the most derived definition.
    func renderWithInheritance(_ root: ParsedTemplate) throws {
        var chain = [root]
        var current = root
        while let parent = current.parent {
            guard chain.count <= Renderer.maxCallDepth, let next = environment.templates[parent.name] else {
                template = current
                throw error(.templateNotFound, "template '\(parent.name)' not found", at: parent.span)
            }
            chain.append(next)
            current = next
        }
        blockChains = [:]
        for member in chain {
            for (name, block) in member.blocks { blockChains[name, default: []].append((member, block)) }
        }
        for (level, member) in chain.enumerated() {
            template = member
            discardingOutput = false
            if level > 0 {
                let child = chain[level - 1]
                try enterCall(at: Span.empty, note: "in layout '\(member.source.displayName)' extended by \(child.source.describe(child.parent?.span.start ?? 0))")
            }
            try execute(member.body)
            if level > 0 { leaveCall() }
        }
        discardingOutput = false
    }

    /// Runs `body` with `frames`, `seesGlobals` and `template` replaced, restoring them afterwards.
    func withScope<T>(frames newFrames: [[String: Binding]], seesGlobals newSeesGlobals: Bool, template newTemplate: ParsedTemplate,
                      _ work: () throws -> T) rethrows -> T {
        let savedFrames = frames
        let savedSeesGlobals = seesGlobals
        let savedTemplate = template
        let savedDiscarding = discardingOutput
        frames = newFrames
        seesGlobals = newSeesGlobals
        template = newTemplate
        discardingOutput = false
        defer {
            frames = savedFrames
            seesGlobals = savedSeesGlobals
            template = savedTemplate
            discardingOutput = savedDiscarding
        }
        return try work()
    }

    /// Runs `work` writing into a fresh buffer and returns what it wrote.
    func capture(_ work: () throws -> Void) rethrows -> String {
        let saved = output
        output = ""
        defer { output = saved }
        try work()
        return output
    }
}
