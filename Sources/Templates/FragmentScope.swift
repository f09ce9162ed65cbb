/// What a `{% cache %}` body can see of the render around it, found once when the template is parsed: every
/// name its expressions mention, and whether anything in it reaches beyond those names.
///
/// Inside one build a fragment is pasted on the author's promise that its keys say everything the body depends
/// on (`FragmentCache`). A fragment kept for the *next* build (`FragmentCarry`) needs more, because a key such
/// as `ev.url` names the same event in both builds while `ev.people`, read into a local variable before the
/// tag, may have changed. So a kept fragment is pasted only when, besides its keys, the values of every name
/// its body mentions are what they were (`Renderer.fragmentScope`), and its recorded reads, its templates and
/// files are (the carry's check). A name bound inside the body is counted too: harmless, only stricter.
///
/// A body that could see more than the names it mentions cannot be checked that way, so it is not kept
/// between builds (`isCarriable` false): `include` and `extends` (another template sees the whole scope),
/// blocks, macros and `{% call %}` defined inside, imports with context, namespace assignments, and the names
/// that stand for the render's own state (`loop` outside a `for` of the body, `caller`, `self`, `super`,
/// `varargs`, `kwargs`).
struct FragmentScope: Sendable {
    /// Every name mentioned in the body's expressions, once each, in the order first met.
    private(set) var names: [String] = []
    private(set) var isCarriable = true

    /// Names whose value is the render's own state rather than a variable.
    private static let stateful: Set<String> = ["loop", "caller", "self", "super", "varargs", "kwargs"]

    init(_ body: [Statement]) {
        var seen = Set<String>()
        visit(body, &seen)
    }

    /// How many `for` bodies of the fragment the walk is in: there `loop` is that loop's, bound inside.
    private var loopDepth = 0

    private mutating func visit(_ statements: [Statement], _ seen: inout Set<String>) {
        for statement in statements { visit(statement, &seen) }
    }

    private mutating func visit(_ statement: Statement, _ seen: inout Set<String>) {
        switch statement.kind {
        case .text:
            break
        case .output(let expression):
            visit(expression, &seen)
        case .conditional(let branches, let otherwise):
            for branch in branches {
                visit(branch.condition, &seen)
                visit(branch.body, &seen)
            }
            visit(otherwise, &seen)
        case .loop(let loop):
            visit(loop.iterable, &seen)
            // The filter of `for … if cond` sees the targets only: a `loop` there is the one around it.
            if let condition = loop.condition { visit(condition, &seen) }
            loopDepth += 1
            visit(loop.body, &seen)
            loopDepth -= 1
            visit(loop.otherwise, &seen)
        case .assign(_, let value), .assignMixed(_, let value):
            visit(value, &seen)
        case .capture(_, let body):
            visit(body, &seen)
        case .filteredCapture(_, let filters, let body), .filterBlock(let filters, let body):
            for filter in filters { visit(filter.arguments, &seen) }
            visit(body, &seen)
        case .autoescape(let setting, let body):
            visit(setting, &seen)
            visit(body, &seen)
        case .with(let assignments, let body):
            for (_, value) in assignments { visit(value, &seen) }
            visit(body, &seen)
        case .cache(let keys, let body, _):
            for key in keys { visit(key, &seen) }
            visit(body, &seen)
        case .importModule(_, _, let withContext), .importNames(_, _, let withContext):
            // Without context an imported template sees only its own text; its lookup is recorded in the body.
            if withContext { isCarriable = false }
        case .assignAttribute, .captureAttribute, .include, .extends, .block, .macro, .callBlock:
            isCarriable = false
        }
    }

    private mutating func visit(_ expression: Expression, _ seen: inout Set<String>) {
        switch expression.kind {
        case .literal:
            break
        case .name(let name):
            if name == "loop" && loopDepth > 0 { return }
            if Self.stateful.contains(name) { isCarriable = false }
            if seen.insert(name).inserted { names.append(name) }
        case .attribute(let base, _), .negate(let base), .positive(let base), .not(let base):
            visit(base, &seen)
        case .item(let base, let key):
            visit(base, &seen)
            visit(key, &seen)
        case .slice(let base, let start, let stop, let step):
            visit(base, &seen)
            for part in [start, stop, step] { if let part { visit(part, &seen) } }
        case .list(let items), .concat(let items):
            for item in items { visit(item, &seen) }
        case .dictionary(let entries):
            for entry in entries {
                visit(entry.key, &seen)
                visit(entry.value, &seen)
            }
        case .binary(_, let left, let right), .and(let left, let right), .or(let left, let right):
            visit(left, &seen)
            visit(right, &seen)
        case .compare(let first, let rest):
            visit(first, &seen)
            for link in rest { visit(link.operand, &seen) }
        case .conditional(let value, let condition, let otherwise):
            visit(value, &seen)
            visit(condition, &seen)
            if let otherwise { visit(otherwise, &seen) }
        case .filter(let base, let invocation), .test(let base, let invocation, _):
            visit(base, &seen)
            visit(invocation.arguments, &seen)
        case .call(let callee, let arguments):
            visit(callee, &seen)
            visit(arguments, &seen)
        }
    }

    private mutating func visit(_ arguments: Arguments, _ seen: inout Set<String>) {
        for argument in arguments.positional { visit(argument, &seen) }
        for argument in arguments.keyword { visit(argument.value, &seen) }
        if let splat = arguments.splat { visit(splat, &seen) }
        if let splat = arguments.keywordSplat { visit(splat, &seen) }
    }
}
