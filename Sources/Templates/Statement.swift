/// A statement node of the template AST: text, `{{ … }}` output, or a `{% … %}` tag.
struct Statement: Sendable {
    indirect enum Kind: Sendable {
        /// Literal text, as bytes the template owns (see `TextArena`): running it retains nothing.
        case text(TextBytes)
        case output(Expression)
        case conditional(branches: [ConditionalBranch], otherwise: [Statement])
        case loop(Loop)
        case assign(targets: [String], value: Expression)
        /// `{% set ns.name = value %}` on a `namespace()`.
        case assignAttribute(target: String, attribute: String, value: Expression)
        /// `{% set a, ns.b = … %}`: unpacking into names and namespace attributes.
        case assignMixed(targets: [AssignmentTarget], value: Expression)
        /// `{% set ns.name %}…{% endset %}`: the rendered body, as safe markup, in a namespace attribute.
        case captureAttribute(target: String, attribute: String, body: [Statement])
        /// `{% set name %}…{% endset %}`: the rendered body, as safe markup.
        case capture(name: String, body: [Statement])
        /// `{% set name | filter %}…{% endset %}`: the rendered body, as safe markup, through the filters.
        case filteredCapture(name: String, filters: [Invocation], body: [Statement])
        /// `{% autoescape setting %}…{% endautoescape %}`: whether `{{ }}` escapes inside.
        case autoescape(Expression, body: [Statement])
        case include(TemplateReference, ignoreMissing: Bool, withContext: Bool)
        case extends(TemplateReference)
        /// A block placeholder; its body lives in `ParsedTemplate.blocks` so children can override it.
        /// A `scoped` block sees the variables around the placeholder (loop variables), not just the template's.
        case block(String, scoped: Bool)
        case macro(MacroDefinition)
        case importModule(TemplateReference, alias: String, withContext: Bool)
        case importNames(TemplateReference, names: [ImportedName], withContext: Bool)
        case with(assignments: [(String, Expression)], body: [Statement])
        /// `{% call(params) macro(args) %}…{% endcall %}`: calls the macro, which renders the body with `caller(…)`.
        case callBlock(call: Expression, caller: MacroDefinition)
        /// `{% filter name %}…{% endfilter %}`: the rendered body passed through filters.
        case filterBlock(filters: [Invocation], body: [Statement])
        /// `{% cache key, … %}…{% endcache %}`: the body's output, rendered once per distinct key for a whole
        /// build and pasted wherever the same tag meets the same keys again (see `FragmentCache`).
        /// `scope` is what the body can see of the render around it, for fragments kept between builds.
        case cache(keys: [Expression], body: [Statement], scope: FragmentScope)
    }

    var kind: Kind
    var span: Span
}

extension Statement {
    /// Whether this is a macro definition or plain text: a template made only of these, imported without
    /// context, binds the same macros on every render (`TemplateEnvironment.macroModules`).
    var isMacroOrText: Bool {
        switch kind {
        case .macro, .text: return true
        default: return false
        }
    }
}

/// One target of `{% set a, ns.b = … %}`: a name, or an attribute of the namespace that name holds.
struct AssignmentTarget: Sendable {
    var name: String
    var attribute: String?
}

struct ConditionalBranch: Sendable {
    var condition: Expression
    var body: [Statement]
}

struct Loop: Sendable {
    var targets: [String]
    var iterable: Expression
    /// `for x in xs if cond`
    var condition: Expression?
    var body: [Statement]
    var otherwise: [Statement]
    /// `{% for … recursive %}`: the body may call `loop(items)` to run itself on `items`, one level deeper.
    var isRecursive = false
}

/// A template named by a string literal in `include`, `extends` or `import`.
struct TemplateReference: Sendable {
    var name: String
    var span: Span
    /// `include … ignore missing`: a missing target is not an error.
    var isOptional = false
    /// `{% include ["a", "b"] %}`: the names after the first, tried in order when the ones before are missing.
    var alternatives: [String] = []

    /// Every name this reference may lead to, in the order they are tried.
    var candidates: [String] { [name] + alternatives }
}

struct ImportedName: Sendable {
    var name: String
    var alias: String
    var span: Span
}

struct MacroParameter: Sendable {
    var name: String
    var defaultValue: Expression?
}

struct MacroDefinition: Sendable {
    var name: String
    var parameters: [MacroParameter]
    var body: [Statement]
    var span: Span
    /// Whether the body names `varargs` / `kwargs`: then extra positional / keyword arguments are collected
    /// there instead of being an error, as in Jinja.
    var catchesVarargs = false
    var catchesKwargs = false
    /// Whether the body names `caller`: without a `{% call %}`, it is then undefined, hiding any outer `caller`.
    var catchesCaller = false
    /// Whether a call's output is decided by its arguments, its template's text and what its body records
    /// reading (`FragmentScope` finds nothing that reaches further, and every default is a literal): then a
    /// build that keeps fragments for the next may keep the call's output too (`Renderer+MacroMemo`).
    var isPure = false
}

struct BlockDefinition: Sendable {
    var name: String
    var body: [Statement]
    var span: Span
}
