/// Renders one template for one context: walks the AST, writing into a string.
///
/// A renderer is created per `render` call and never shared, so it may keep mutable state
/// (scopes, output buffer, inheritance chain) without locks, while the parsed templates it
/// reads are immutable and shared by every thread.
///
/// Its state is marked `@exclusivity(unchecked)`: a renderer never leaves the thread that made it and no
/// access to its state overlaps another, so the runtime checks Swift otherwise makes on every access to a
/// class's stored property (about a sixth of the time of a simple `{{ x.y }}`) only cost time.
final class Renderer {

    let environment: TemplateEnvironment
    let globals: [String: Value]
    /// The globals again as parallel arrays when there are few (a site passes five): names are looked up
    /// in them on every miss in the scopes (`page`, `site`…), and comparing a few short strings is
    /// cheaper than hashing one. Empty when `globals` is large; it is then searched by hash.
    private let smallGlobalNames: [String]
    private let smallGlobalValues: [Value]
    /// Scopes, innermost last. `frames[0]` is the root scope of the template being rendered.
    @exclusivity(unchecked) var frames: [Scope] = [Scope()]
    /// Whether names fall back to the render context (false inside modules imported without context).
    @exclusivity(unchecked) var seesGlobals = true
    /// The template whose AST is executing, for error locations.
    @exclusivity(unchecked) var template: ParsedTemplate
    /// The page so far, as UTF-8 bytes: appending to a byte array skips the bookkeeping a `String` does on
    /// every append (it was a twentieth of rendering), and lets escaping write straight into the page.
    @exclusivity(unchecked) var output: [UInt8] = []
    /// Set after `{% extends %}`: the rest of a child template only defines things, it prints nothing.
    @exclusivity(unchecked) var discardingOutput = false
    /// False inside `{% autoescape false %}`: `{{ }}` then writes text as it is.
    @exclusivity(unchecked) var autoescapes = true
    /// For each block name, its definitions from the most derived template to the base.
    @exclusivity(unchecked) var blockChains: [String: [(template: ParsedTemplate, block: BlockDefinition)]] = [:]
    /// The blocks being rendered, innermost last, with their position in the chain (for `super()`).
    @exclusivity(unchecked) var activeBlocks: [(name: String, level: Int)] = []
    /// Bindings of imported modules, by index (macro calls read them by index, without hashing a name).
    @exclusivity(unchecked) var modules: [Scope] = []
    /// Modules imported without context, by template name: they are run once per render.
    @exclusivity(unchecked) var modulesByName: [String: Int] = [:]
    @exclusivity(unchecked) var callDepth = 0
    /// Loop iterations and calls so far, against `maxSteps`.
    @exclusivity(unchecked) var steps = 0
    /// Bytes and items of the strings and lists built so far, against `maxBuiltBytes`.
    @exclusivity(unchecked) var built = 0
    /// Where we came from (includes, macro calls, layouts), innermost last, reported as notes.
    @exclusivity(unchecked) var trail: [TrailEntry] = []
    /// Guards against stack exhaustion whatever the build and thread (see `StackGuard`).
    let stack = StackGuard()
    /// Where `{% cache %}` keeps fragments (nil: every body is rendered), and this render's part of it.
    let fragments: FragmentCache?
    let partition: String
    /// This page's own partition, for fragments that depend on the page (`FragmentRecording.isPageSpecific`):
    /// the page's name after a byte no site path has, so it never equals a folder partition; nil: none given.
    let pagePartition: String?
    /// How many loops over at least `Renderer.longLoop` items are running: pure macro calls are kept between
    /// builds only inside one (`Renderer+MacroMemo`).
    @exclusivity(unchecked) var longLoops = 0
    /// Whether a pure macro call being kept is running: the calls inside it are not kept on their own.
    @exclusivity(unchecked) var inKeptCall = false
    /// The innermost `{% cache %}` body being rendered, for filters and statements to say how far it may be shared.
    @exclusivity(unchecked) var fragment: FragmentRecording?
    /// Where the custom filter being applied is written in `template` (its name), for `FilterContext.callLocation`.
    @exclusivity(unchecked) var filterSpan = Span.empty
    /// This render's measurements when metrics were asked for (see `TemplateMetrics`), else nil.
    @exclusivity(unchecked) var tally: MetricsTally?
    /// How `{{ … }}` escapes in this render (`OutputEscaping`), from the name of the template rendered.
    var escaping = OutputEscaping.html

    init(environment: TemplateEnvironment, globals: [String: Value], template: ParsedTemplate,
         fragments: FragmentCache? = nil, partition: String = "", page: String? = nil, measures: Bool = false) {
        self.environment = environment
        self.tally = measures ? MetricsTally() : nil
        self.globals = globals
        self.template = template
        self.fragments = fragments
        self.partition = partition
        pagePartition = page.map { "\u{1}" + $0 }
        modules = environment.macroModules
        if globals.count <= 16 {
            smallGlobalNames = Array(globals.keys)
            smallGlobalValues = Array(globals.values)
        } else {
            smallGlobalNames = []
            smallGlobalValues = []
        }
    }

    // MARK: - Errors

    func error(_ kind: TemplateError.Kind, _ message: String, at span: Span) -> TemplateError {
        template.source.error(kind, message, at: span.start, notes: Renderer.condense(trail.reversed().map(\.note)))
    }

    /// Collapses runs of identical notes (a macro calling itself 100 times) into one line plus a
    /// count, and keeps only the innermost and outermost steps of a long trail.
    static func condense(_ notes: [String]) -> [String] {
        let collapsed = collapseRuns(notes)
        guard collapsed.count > 12 else { return collapsed }
        return Array(collapsed.prefix(6)) + ["… \(collapsed.count - 12) more steps"] + Array(collapsed.suffix(6))
    }

    private static func collapseRuns(_ notes: [String]) -> [String] {
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
    func enterCall(at span: Span, _ entry: TrailEntry) throws {
        try checkStack(at: span)
        guard callDepth < environment.limits.maxCallDepth else {
            throw error(.limitExceeded, "recursion limit exceeded: calls nest more than \(environment.limits.maxCallDepth) levels deep", at: span)
        }
        try countStep(at: span)
        callDepth += 1
        trail.append(entry)
    }

    /// Counts one loop iteration or call against `maxSteps`.
    func countStep(at span: Span) throws {
        steps += 1
        if steps > environment.limits.maxSteps {
            throw error(.limitExceeded, "rendering takes more than \(environment.limits.maxSteps) loop iterations and calls", at: span)
        }
    }

    /// Fails when a string or list built by the template is larger than `Value.maxBuiltLength`, or when the
    /// values built so far add up to more than `maxBuiltBytes`.
    func checkSize(_ value: Value, at span: Span) throws {
        let size: Int
        switch value {
        case .string(let text), .safe(let text): size = text.utf8.count
        case .array(let items): size = items.count
        default: return
        }
        if size > Value.maxBuiltLength {
            throw error(.limitExceeded, "value is too large (more than \(Value.maxBuiltLength) bytes or items)", at: span)
        }
        // A list costs what its items take in memory.
        built += value.stringContent == nil ? size * MemoryLayout<Value>.stride : size
        if built > environment.limits.maxBuiltBytes {
            throw error(.limitExceeded, "rendering builds more than \(environment.limits.maxBuiltBytes) bytes of strings and "
                        + "lists in all (a loop that rebuilds a large value?)", at: span)
        }
    }

    /// Fails when the render has used up its stack budget (deep nesting inside deep recursion).
    func checkStack(at span: Span) throws {
        if stack.isExhausted {
            throw error(.limitExceeded, "template nesting and recursion are too deep to render", at: span)
        }
    }

    /// Fails when a value built by the template nests too deeply or is too large in total.
    func checkNesting(_ value: Value, at span: Span) throws {
        if let violation = value.limitViolation() { throw error(.limitExceeded, violation, at: span) }
    }

    func leaveCall() {
        callDepth -= 1
        trail.removeLast()
    }

    // MARK: - Scopes

    func lookup(_ name: String) -> Binding? {
        if let (frame, position) = location(of: name) { return frames[frame].entries[position].binding }
        return globalValue(name).map(Binding.value)
    }

    /// Where `name` is bound in the scopes, innermost first: callers that only read the binding read it in
    /// place, without copying it out.
    @inline(__always)
    func location(of name: String) -> (frame: Int, position: Int)? {
        var index = frames.count - 1
        while index >= 0 {
            if let position = frames[index].position(of: name) { return (index, position) }
            index -= 1
        }
        return nil
    }

    /// The render context's value for `name`, when names here fall back to it.
    @inline(__always)
    func globalValue(_ name: String) -> Value? {
        guard seesGlobals else { return nil }
        return contextValue(name)
    }

    /// The render context's value for `name`, whatever the scope (what custom filters read).
    @inline(__always)
    func contextValue(_ name: String) -> Value? {
        if smallGlobalNames.isEmpty { return globals[name] }
        // Lengths first, as in `Scope`: most names looked up here are not the one compared.
        let length = name.utf8.count
        for position in smallGlobalNames.indices
        where smallGlobalNames[position].utf8.count == length && smallGlobalNames[position] == name {
            return smallGlobalValues[position]
        }
        return nil
    }

    func bind(_ name: String, _ binding: Binding) {
        frames[frames.count - 1][name] = binding
    }

    /// All visible bindings merged into one scope, innermost winning (what an include sees).
    /// As in Jinja, the `loop` object of an enclosing `for` is not passed on to includes.
    func flattenedScope(keepingLoop: Bool = false) -> Scope {
        // The common case, an include at a template's top level: the root scope as it is.
        if frames.count == 1, keepingLoop || frames[0]["loop"] == nil { return frames[0] }
        var merged = Scope()
        for frame in frames { merged.merge(frame) }
        if !keepingLoop, case .loop? = merged["loop"] { merged["loop"] = nil }
        return merged
    }

    // MARK: - Metrics

    /// When metrics are being taken, the time now (to pass to `measured`); else nil, and nothing is measured.
    @inline(__always)
    func metricsStart() -> ContinuousClock.Instant? {
        tally == nil ? nil : ContinuousClock.now
    }

    /// Counts one call that began at `start` (from `metricsStart`), if metrics are being taken.
    @inline(__always)
    func measured(_ start: ContinuousClock.Instant?, _ kind: TemplateMetrics.Kind, _ measuredTemplate: ParsedTemplate,
                  offset: Int, label: String = "", reused: Bool = false) {
        guard let start else { return }
        tally?.record(kind, measuredTemplate, offset: offset, label: label, elapsed: ContinuousClock.now - start, reused: reused)
    }

    // MARK: - Templates

    /// Renders `root` and, if it extends a layout, the layout chain, resolving blocks to the most derived definition.
    func renderWithInheritance(_ root: ParsedTemplate) throws {
        var chain = [root]
        var current = root
        while let parent = current.parent {
            template = current
            guard let next = loadTemplate(parent.name) else {
                throw error(.templateNotFound, "template '\(parent.name)' not found", at: parent.span)
            }
            // Cycles are rejected when the environment is built; this only keeps a bug from looping.
            guard chain.count <= environment.limits.maxCallDepth else {
                throw error(.cycle, "layout chain is too long (more than \(environment.limits.maxCallDepth) templates)", at: parent.span)
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
                try enterCall(at: Span.empty, TrailEntry(kind: .layout, template: child, offset: child.parent?.span.start ?? 0, target: member))
            }
            try execute(member.body)
            if level > 0 { leaveCall() }
        }
        discardingOutput = false
    }

    /// Runs `body` with `frames`, `seesGlobals` and `template` replaced, restoring them afterwards.
    ///
    /// The frames are swapped in and out rather than copied: a copy would leave the array shared with the
    /// caller, and the first binding in the new scope (a macro's parameters) would then copy it again.
    /// Afterwards `newFrames` holds the frames as the work left them.
    func withScope<T>(frames newFrames: inout [Scope], seesGlobals newSeesGlobals: Bool, template newTemplate: ParsedTemplate,
                      _ work: () throws -> T) rethrows -> T {
        let savedSeesGlobals = seesGlobals
        let savedTemplate = template
        let savedDiscarding = discardingOutput
        swap(&frames, &newFrames)
        seesGlobals = newSeesGlobals
        template = newTemplate
        discardingOutput = false
        defer {
            swap(&frames, &newFrames)
            seesGlobals = savedSeesGlobals
            template = savedTemplate
            discardingOutput = savedDiscarding
        }
        return try work()
    }

    /// Runs `work` writing into a fresh buffer and returns what it wrote.
    func capture(_ work: () throws -> Void) rethrows -> String {
        let saved = output
        output = []
        defer { output = saved }
        try work()
        return String(decoding: output, as: UTF8.self)
    }
}
