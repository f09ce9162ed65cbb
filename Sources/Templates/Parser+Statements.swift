import DidYouMean

/// The `{% … %}` statements: each parser starts after the tag name and consumes through the closing tag.
extension Parser {

    static let knownTags = ["if", "for", "set", "include", "extends", "block", "macro", "import", "from", "with", "filter", "raw", "call", "cache", "autoescape"]

    mutating func parseStatement(_ name: String, tagStart: Int) throws(TemplateError) -> Statement? {
        switch name {
        case "if": return try parseIf(at: tagStart)
        case "for": return try parseFor(at: tagStart)
        case "set": return try parseSet(at: tagStart)
        case "include": return try parseInclude(at: tagStart)
        case "extends": return try parseExtends(at: tagStart)
        case "block": return try parseBlock(at: tagStart)
        case "macro": return try parseMacro(at: tagStart)
        case "import": return try parseImport(at: tagStart)
        case "from": return try parseFromImport(at: tagStart)
        case "with": return try parseWith(at: tagStart)
        case "filter": return try parseFilterBlock(at: tagStart)
        case "call": return try parseCallBlock(at: tagStart)
        case "cache": return try parseCache(at: tagStart)
        case "autoescape": return try parseAutoescape(at: tagStart)
        default:
            var message = "unknown tag '\(name)'"
            if let suggestion = Suggestion.closest(to: name, among: Parser.knownTags + Array(Parser.continuationTags.keys)) {
                message += " — did you mean '\(suggestion)'?"
            }
            throw source.error(.syntax, message, at: tokens[index - 1].span.start)
        }
    }

    private mutating func parseIf(at start: Int) throws(TemplateError) -> Statement {
        var branches: [ConditionalBranch] = []
        var condition = try parseExpression()
        try expectBlockEnd()
        while true {
            let (body, tag) = try parseNested("if", at: start, until: ["elif", "else", "endif"])
            branches.append(ConditionalBranch(condition: condition, body: body))
            switch tag {
            case "elif":
                condition = try parseExpression()
                try expectBlockEnd()
            case "else":
                try expectBlockEnd()
                let otherwise = try parseNested("if", at: start, until: ["endif"]).body
                try expectBlockEnd()
                return Statement(kind: .conditional(branches: branches, otherwise: otherwise), span: Span(start: start, end: start + 2))
            default:
                try expectBlockEnd()
                return Statement(kind: .conditional(branches: branches, otherwise: []), span: Span(start: start, end: start + 2))
            }
        }
    }

    private mutating func parseTargets() throws(TemplateError) -> [String] {
        let parenthesized = skipSymbol("(")
        var targets = [try expectName().name]
        while skipSymbol(",") {
            if case .name = current.kind { targets.append(try expectName().name) } else { break }
        }
        if parenthesized { try expectSymbol(")") }
        return targets
    }

    private mutating func parseFor(at start: Int) throws(TemplateError) -> Statement {
        let targets = try parseTargets()
        guard skipName("in") else { throw unexpected(expected: "'in'") }
        let iterable = try parseTupleExpression(allowConditional: false)
        var condition: Expression?
        if skipName("if") { condition = try parseExpression() }
        let isRecursive = skipName("recursive")
        try expectBlockEnd()
        let (body, tag) = try parseNested("for", at: start, until: ["else", "endfor"])
        var otherwise: [Statement] = []
        try expectBlockEnd()
        if tag == "else" {
            otherwise = try parseNested("for", at: start, until: ["endfor"]).body
            try expectBlockEnd()
        }
        let loop = Loop(targets: targets, iterable: iterable, condition: condition, body: body, otherwise: otherwise, isRecursive: isRecursive)
        return Statement(kind: .loop(loop), span: Span(start: start, end: start + 2))
    }

    private mutating func parseSet(at start: Int) throws(TemplateError) -> Statement {
        if let targets = try parseMixedTargets() {
            let value = try parseTupleExpression(allowConditional: true)
            try expectBlockEnd()
            return Statement(kind: .assignMixed(targets: targets, value: value), span: Span(start: start, end: start + 2))
        }
        if case .name(let target) = current.kind, peek().kind == .symbol("."), case .name(let attribute) = peek(2).kind {
            advance()
            advance()
            advance()
            if current.kind == .blockEnd {
                // `{% set ns.name %}…{% endset %}`
                try expectBlockEnd()
                let body = try parseNested("set", at: start, until: ["endset"]).body
                try expectBlockEnd()
                return Statement(kind: .captureAttribute(target: target, attribute: attribute, body: body), span: Span(start: start, end: start + 2))
            }
            try expectSymbol("=")
            let value = try parseExpression()
            try expectBlockEnd()
            return Statement(kind: .assignAttribute(target: target, attribute: attribute, value: value), span: Span(start: start, end: start + 2))
        }
        let targets = try parseTargets()
        if skipSymbol("=") {
            let value = try parseTupleExpression(allowConditional: true)
            try expectBlockEnd()
            return Statement(kind: .assign(targets: targets, value: value), span: Span(start: start, end: start + 2))
        }
        guard targets.count == 1 else { throw unexpected(expected: "'='") }
        var invocations: [Invocation] = []
        while skipSymbol("|") { invocations.append(try parseInvocation(isTest: false)) }
        filters.append(contentsOf: invocations)
        try expectBlockEnd()
        let body = try parseNested("set", at: start, until: ["endset"]).body
        try expectBlockEnd()
        if !invocations.isEmpty {
            return Statement(kind: .filteredCapture(name: targets[0], filters: invocations, body: body), span: Span(start: start, end: start + 2))
        }
        return Statement(kind: .capture(name: targets[0], body: body), span: Span(start: start, end: start + 2))
    }

    /// `a, ns.b =`: several targets of which some are namespace attributes, through the `=`; nil (and nothing
    /// consumed) for any other `set`.
    private mutating func parseMixedTargets() throws(TemplateError) -> [AssignmentTarget]? {
        let saved = index
        var targets: [AssignmentTarget] = []
        repeat {
            guard case .name(let name) = current.kind else { break }
            advance()
            var attribute: String?
            if isSymbol("."), case .name(let member) = peek().kind {
                advance()
                advance()
                attribute = member
            }
            targets.append(AssignmentTarget(name: name, attribute: attribute))
        } while skipSymbol(",")
        guard targets.count > 1, targets.contains(where: { $0.attribute != nil }), skipSymbol("=") else {
            index = saved
            return nil
        }
        return targets
    }

    private mutating func parseTemplateReference() throws(TemplateError) -> TemplateReference {
        guard case .string(let name) = current.kind else {
            throw unexpected(expected: "a template name as a string literal")
        }
        let reference = TemplateReference(name: name, span: advance().span)
        references.append(reference)
        return reference
    }

    /// `["a", "b", …]` in an include: the first template of the list that exists.
    private mutating func parseTemplateChoice() throws(TemplateError) -> TemplateReference {
        let open = advance().span
        var names: [String] = []
        while case .string(let name) = current.kind {
            names.append(name)
            advance()
            if !skipSymbol(",") { break }
        }
        guard isSymbol("]") else { throw unexpected(expected: "a template name as a string literal or ']'") }
        let span = open.joined(advance().span)
        guard let first = names.first else { throw source.error(.syntax, "an include needs at least one template name", at: open.start) }
        let reference = TemplateReference(name: first, span: span, alternatives: Array(names.dropFirst()))
        references.append(reference)
        return reference
    }

    /// Parses an optional `with context` / `without context`, returning the given default when absent.
    private mutating func parseContextModifier(default defaultValue: Bool) throws(TemplateError) -> Bool {
        guard isName("with") || isName("without"), peek().kind == .name("context") else { return defaultValue }
        let with = isName("with")
        advance()
        advance()
        return with
    }

    private mutating func parseInclude(at start: Int) throws(TemplateError) -> Statement {
        var reference = isSymbol("[") ? try parseTemplateChoice() : try parseTemplateReference()
        var ignoreMissing = false
        if isName("ignore"), peek().kind == .name("missing") {
            advance()
            advance()
            ignoreMissing = true
            reference.isOptional = true
            references[references.count - 1].isOptional = true
        }
        let withContext = try parseContextModifier(default: true)
        try expectBlockEnd()
        return Statement(kind: .include(reference, ignoreMissing: ignoreMissing, withContext: withContext), span: Span(start: start, end: start + 2))
    }

    private mutating func parseExtends(at start: Int) throws(TemplateError) -> Statement {
        guard openTags.isEmpty else {
            throw source.error(.syntax, "{% extends %} must be at the top level of the template, not inside {% \(openTags[openTags.count - 1].name) %}", at: start)
        }
        guard parent == nil else {
            throw source.error(.syntax, "a template can extend only one layout", at: start)
        }
        let reference = try parseTemplateReference()
        parent = reference
        try expectBlockEnd()
        return Statement(kind: .extends(reference), span: Span(start: start, end: start + 2))
    }

    private mutating func parseBlock(at start: Int) throws(TemplateError) -> Statement {
        let (name, nameSpan) = try expectName()
        let scoped = skipName("scoped")
        _ = skipName("required")
        try expectBlockEnd()
        if openTags.contains(where: { $0.name == "macro" }) {
            throw source.error(.syntax, "{% block %} cannot be defined inside a macro", at: start)
        }
        if openTags.contains(where: { $0.name == "cache" }) {
            throw source.error(.syntax, "{% block %} cannot be inside {% cache %}: a template extending this one could change it", at: start)
        }
        let body = try parseNested("block", at: start, until: ["endblock"]).body
        if case .name(let closing) = current.kind {
            guard closing == name else {
                throw source.error(.syntax, "{% endblock \(closing) %} does not match {% block \(name) %} opened at \(source.describe(start))", at: current.span.start)
            }
            advance()
        }
        try expectBlockEnd()
        if blocks[name] != nil {
            throw source.error(.syntax, "block '\(name)' defined twice", at: nameSpan.start)
        }
        blocks[name] = BlockDefinition(name: name, body: body, span: Span(start: start, end: start + 2))
        return Statement(kind: .block(name, scoped: scoped), span: Span(start: start, end: start + 2))
    }

    private mutating func parseMacro(at start: Int) throws(TemplateError) -> Statement {
        let (name, _) = try expectName()
        let parameters = try parseParameters(of: name)
        try expectBlockEnd()
        let body = try parseNested("macro", at: start, until: ["endmacro"]).body
        // Jinja collects extra arguments only for a macro that mentions `varargs` / `kwargs` (searched as bytes:
        // Foundation's string search cost a site build 0.5% of its instructions, every thread parsing its copy).
        let bodyBytes = source.bytes[start..<current.span.start]
        func mentions(_ word: String) -> Bool {
            let needle = Array(word.utf8)
            return bodyBytes.withUnsafeBufferPointer { hay in
                needle.withUnsafeBufferPointer { ByteSearch.firstOffset(of: $0, in: hay, from: 0) != nil }
            }
        }
        if case .name(let closing) = current.kind {
            guard closing == name else {
                throw source.error(.syntax, "{% endmacro \(closing) %} does not match {% macro \(name) %} opened at \(source.describe(start))", at: current.span.start)
            }
            advance()
        }
        try expectBlockEnd()
        var definition = MacroDefinition(name: name, parameters: parameters, body: body, span: Span(start: start, end: start + 2))
        definition.catchesVarargs = mentions("varargs")
        definition.catchesKwargs = mentions("kwargs")
        definition.catchesCaller = mentions("caller")
        definition.isPure = FragmentScope(body).isCarriable && parameters.allSatisfy { parameter in
            guard let defaultValue = parameter.defaultValue else { return true }
            if case .literal = defaultValue.kind { return true }
            return false
        }
        return Statement(kind: .macro(definition), span: definition.span)
    }

    /// `(a, b="x")`: parameter names, each optionally with a default, for a macro or a call block.
    private mutating func parseParameters(of name: String) throws(TemplateError) -> [MacroParameter] {
        try expectSymbol("(")
        var parameters: [MacroParameter] = []
        while !isSymbol(")") {
            let (parameter, span) = try expectName()
            if parameters.contains(where: { $0.name == parameter }) {
                throw source.error(.syntax, "duplicate parameter '\(parameter)' in macro '\(name)'", at: span.start)
            }
            var defaultValue: Expression?
            if skipSymbol("=") {
                defaultValue = try parseExpression()
            } else if parameters.last?.defaultValue != nil {
                throw source.error(.syntax, "parameter '\(parameter)' without a default follows one with a default", at: span.start)
            }
            parameters.append(MacroParameter(name: parameter, defaultValue: defaultValue))
            if !skipSymbol(",") { break }
        }
        try expectSymbol(")")
        return parameters
    }

    private mutating func parseImport(at start: Int) throws(TemplateError) -> Statement {
        let reference = try parseTemplateReference()
        guard skipName("as") else { throw unexpected(expected: "'as'") }
        let alias = try expectName().name
        let withContext = try parseContextModifier(default: false)
        try expectBlockEnd()
        return Statement(kind: .importModule(reference, alias: alias, withContext: withContext), span: Span(start: start, end: start + 2))
    }

    private mutating func parseFromImport(at start: Int) throws(TemplateError) -> Statement {
        let reference = try parseTemplateReference()
        guard skipName("import") else { throw unexpected(expected: "'import'") }
        var names: [ImportedName] = []
        repeat {
            if (isName("with") || isName("without")) && peek().kind == .name("context") { break }
            let (name, span) = try expectName()
            var alias = name
            if skipName("as") { alias = try expectName().name }
            names.append(ImportedName(name: name, alias: alias, span: span))
        } while skipSymbol(",")
        let withContext = try parseContextModifier(default: false)
        try expectBlockEnd()
        return Statement(kind: .importNames(reference, names: names, withContext: withContext), span: Span(start: start, end: start + 2))
    }

    private mutating func parseWith(at start: Int) throws(TemplateError) -> Statement {
        var assignments: [(String, Expression)] = []
        while current.kind != .blockEnd {
            let name = try expectName().name
            try expectSymbol("=")
            assignments.append((name, try parseExpression()))
            if !skipSymbol(",") { break }
        }
        try expectBlockEnd()
        let body = try parseNested("with", at: start, until: ["endwith"]).body
        try expectBlockEnd()
        return Statement(kind: .with(assignments: assignments, body: body), span: Span(start: start, end: start + 2))
    }

    private mutating func parseCallBlock(at start: Int) throws(TemplateError) -> Statement {
        var parameters: [MacroParameter] = []
        if isSymbol("(") { parameters = try parseParameters(of: "caller") }
        let call = try parseExpression()
        guard case .call = call.kind else {
            throw source.error(.syntax, "{% call %} needs a macro call such as {% call card(item) %}", at: call.span.start)
        }
        try expectBlockEnd()
        let body = try parseNested("call", at: start, until: ["endcall"]).body
        try expectBlockEnd()
        let caller = MacroDefinition(name: "caller", parameters: parameters, body: body, span: Span(start: start, end: start + 2))
        return Statement(kind: .callBlock(call: call, caller: caller), span: caller.span)
    }

    private mutating func parseFilterBlock(at start: Int) throws(TemplateError) -> Statement {
        var invocations: [Invocation] = []
        repeat {
            invocations.append(try parseInvocation(isTest: false))
        } while skipSymbol("|")
        filters.append(contentsOf: invocations)
        try expectBlockEnd()
        let body = try parseNested("filter", at: start, until: ["endfilter"]).body
        try expectBlockEnd()
        return Statement(kind: .filterBlock(filters: invocations, body: body), span: Span(start: start, end: start + 2))
    }

    /// `{% cache %}` or `{% cache key, key2 %}`: the keys are any expressions, evaluated on every render.
    private mutating func parseCache(at start: Int) throws(TemplateError) -> Statement {
        var keys: [Expression] = []
        while current.kind != .blockEnd {
            keys.append(try parseExpression())
            if !skipSymbol(",") { break }
        }
        try expectBlockEnd()
        let body = try parseNested("cache", at: start, until: ["endcache"]).body
        try expectBlockEnd()
        return Statement(kind: .cache(keys: keys, body: body, scope: FragmentScope(body)), span: Span(start: start, end: start + 2))
    }

    /// `{% autoescape true|false %}…{% endautoescape %}`: output inside is escaped, or not, whatever the default.
    private mutating func parseAutoescape(at start: Int) throws(TemplateError) -> Statement {
        let setting = try parseExpression()
        try expectBlockEnd()
        let body = try parseNested("autoescape", at: start, until: ["endautoescape"]).body
        try expectBlockEnd()
        return Statement(kind: .autoescape(setting, body: body), span: Span(start: start, end: start + 2))
    }
}
