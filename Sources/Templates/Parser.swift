/// Builds the AST of one template from its tokens.
///
/// Recursive descent following Jinja's grammar and operator precedence. Nesting is capped
/// (`maxDepth`) so that no input, however deeply nested, can overflow the stack.
struct Parser {
    /// The deepest nesting of tags plus expressions a template may have.
    static let maxDepth = 64

    let source: SourceFile
    private let tokens: [Token]
    var index = 0
    var depth = 0
    private var blocks: [String: BlockDefinition] = [:]
    private var parent: TemplateReference?
    var references: [TemplateReference] = []
    var filters: [Invocation] = []
    var tests: [Invocation] = []
    /// The tags currently open, innermost last, to name them in "unclosed" errors.
    private var openTags: [(name: String, offset: Int)] = []
    private let stack = StackGuard()

    init(source: SourceFile, tokens: [Token]) {
        self.source = source
        self.tokens = tokens
    }

    static func parse(_ source: SourceFile) throws(TemplateError) -> ParsedTemplate {
        var lexer = Lexer(source: source)
        var parser = Parser(source: source, tokens: try lexer.tokenize())
        let body = try parser.parseBody(until: []).body
        return ParsedTemplate(source: source, body: body, blocks: parser.blocks, parent: parser.parent,
                              references: parser.references, filters: parser.filters, tests: parser.tests)
    }

    // MARK: - Token access

    var current: Token { tokens[min(index, tokens.count - 1)] }

    func peek(_ offset: Int = 1) -> Token { tokens[min(index + offset, tokens.count - 1)] }

    @discardableResult
    mutating func advance() -> Token {
        let token = current
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    func isSymbol(_ symbol: String) -> Bool { current.kind == .symbol(symbol) }

    func isName(_ name: String) -> Bool { current.kind == .name(name) }

    mutating func skipSymbol(_ symbol: String) -> Bool {
        guard isSymbol(symbol) else { return false }
        advance()
        return true
    }

    mutating func skipName(_ name: String) -> Bool {
        guard isName(name) else { return false }
        advance()
        return true
    }

    mutating func expectSymbol(_ symbol: String) throws(TemplateError) {
        guard skipSymbol(symbol) else { throw unexpected(expected: "'\(symbol)'") }
    }

    mutating func expectName() throws(TemplateError) -> (name: String, span: Span) {
        guard case .name(let name) = current.kind else { throw unexpected(expected: "a name") }
        return (name, advance().span)
    }

    mutating func expectBlockEnd() throws(TemplateError) {
        guard current.kind == .blockEnd else { throw unexpected(expected: "'%}'") }
        advance()
    }

    func unexpected(expected: String) -> TemplateError {
        source.error(.syntax, "expected \(expected), found \(current.display)", at: current.span.start)
    }

    /// Enters one level of nesting; throws once the template nests deeper than `maxDepth`.
    mutating func descend() throws(TemplateError) {
        depth += 1
        if depth > Parser.maxDepth || stack.isExhausted {
            throw source.error(.limitExceeded, "template nests too deeply (more than \(Parser.maxDepth) levels)", at: current.span.start)
        }
    }

    // MARK: - Bodies

    /// Tags that close or continue a construct, mapped to the tag that opens it.
    private static let continuationTags: [String: String] = [
        "elif": "if", "else": "if or for", "endif": "if", "endfor": "for", "endblock": "block", "endmacro": "macro",
        "endset": "set", "endwith": "with", "endfilter": "filter", "endraw": "raw",
    ]

    /// Parses statements until a tag named in `endTags`; returns the body and that tag's name, positioned after it.
    mutating func parseBody(until endTags: Set<String>) throws(TemplateError) -> (body: [Statement], endTag: String) {
        var body: [Statement] = []
        while true {
            let token = current
            switch token.kind {
            case .text(let text):
                advance()
                body.append(Statement(kind: .text(text), span: token.span))
            case .variableBegin:
                advance()
                let expression = try parseExpression()
                guard current.kind == .variableEnd else { throw unexpected(expected: "'}}'") }
                advance()
                body.append(Statement(kind: .output(expression), span: expression.span))
            case .blockBegin:
                advance()
                let (name, _) = try expectName()
                if endTags.contains(name) { return (body, name) }
                if let opener = Parser.continuationTags[name] {
                    throw misplaced(name, opener: opener, at: token.span.start)
                }
                if let statement = try parseStatement(name, tagStart: token.span.start) { body.append(statement) }
            case .end:
                if let open = openTags.last {
                    throw source.error(.syntax, "unclosed {% \(open.name) %} opened at \(source.describe(open.offset))", at: token.span.start)
                }
                return (body, "")
            default:
                throw source.error(.syntax, "unexpected \(token.display)", at: token.span.start)
            }
        }
    }

    private func misplaced(_ name: String, opener: String, at offset: Int) -> TemplateError {
        if let open = openTags.last {
            let closer = open.name == "if" ? "endif" : "end" + open.name
            return source.error(.syntax, "unexpected {% \(name) %}: {% \(open.name) %} opened at \(source.describe(open.offset)) must be closed with {% \(closer) %} first", at: offset)
        }
        return source.error(.syntax, "unexpected {% \(name) %} outside of {% \(opener) %}", at: offset)
    }

    /// Parses a nested body for the tag `name` opened at `offset`, tracking it for error messages.
    mutating func parseNested(_ name: String, at offset: Int, until endTags: Set<String>) throws(TemplateError) -> (body: [Statement], endTag: String) {
        try descend()
        openTags.append((name, offset))
        let result = try parseBody(until: endTags)
        openTags.removeLast()
        depth -= 1
        return result
    }

    // MARK: - Statements

    private static let knownTags = ["if", "for", "set", "include", "extends", "block", "macro", "import", "from", "with", "filter", "raw"]

    private mutating func parseStatement(_ name: String, tagStart: Int) throws(TemplateError) -> Statement? {
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
        if isName("recursive") {
            throw source.error(.syntax, "recursive loops are not supported; use a macro that calls itself", at: current.span.start)
        }
        try expectBlockEnd()
        let (body, tag) = try parseNested("for", at: start, until: ["else", "endfor"])
        var otherwise: [Statement] = []
        try expectBlockEnd()
        if tag == "else" {
            otherwise = try parseNested("for", at: start, until: ["endfor"]).body
            try expectBlockEnd()
        }
        let loop = Loop(targets: targets, iterable: iterable, condition: condition, body: body, otherwise: otherwise)
        return Statement(kind: .loop(loop), span: Span(start: start, end: start + 2))
    }

    private mutating func parseSet(at start: Int) throws(TemplateError) -> Statement {
        let targets = try parseTargets()
        if skipSymbol("=") {
            let value = try parseTupleExpression(allowConditional: true)
            try expectBlockEnd()
            return Statement(kind: .assign(targets: targets, value: value), span: Span(start: start, end: start + 2))
        }
        guard targets.count == 1 else { throw unexpected(expected: "'='") }
        try expectBlockEnd()
        let body = try parseNested("set", at: start, until: ["endset"]).body
        try expectBlockEnd()
        return Statement(kind: .capture(name: targets[0], body: body), span: Span(start: start, end: start + 2))
    }

    private mutating func parseTemplateReference() throws(TemplateError) -> TemplateReference {
        guard case .string(let name) = current.kind else {
            throw unexpected(expected: "a template name as a string literal")
        }
        let reference = TemplateReference(name: name, span: advance().span)
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
        var reference = try parseTemplateReference()
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
        _ = skipName("scoped")
        _ = skipName("required")
        try expectBlockEnd()
        if openTags.contains(where: { $0.name == "macro" }) {
            throw source.error(.syntax, "{% block %} cannot be defined inside a macro", at: start)
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
        return Statement(kind: .block(name), span: Span(start: start, end: start + 2))
    }

    private mutating func parseMacro(at start: Int) throws(TemplateError) -> Statement {
        let (name, _) = try expectName()
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
        try expectBlockEnd()
        let body = try parseNested("macro", at: start, until: ["endmacro"]).body
        if case .name(let closing) = current.kind {
            guard closing == name else {
                throw source.error(.syntax, "{% endmacro \(closing) %} does not match {% macro \(name) %} opened at \(source.describe(start))", at: current.span.start)
            }
            advance()
        }
        try expectBlockEnd()
        let definition = MacroDefinition(name: name, parameters: parameters, body: body, span: Span(start: start, end: start + 2))
        return Statement(kind: .macro(definition), span: definition.span)
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
}
