/// Builds the AST of one template from its tokens.
///
/// Recursive descent following Jinja's grammar and operator precedence. Nesting is capped
/// (`maxDepth`) so that no input, however deeply nested, can overflow the stack.
struct Parser {
    /// The deepest nesting of tags plus expressions a template may have.
    static let maxDepth = 64
    /// Most operators, filters, tests, calls, lookups and conditionals one expression may chain (see `extendChain`).
    static let maxChain = 1_000

    let source: SourceFile
    let tokens: [Token]
    var index = 0
    var depth = 0
    /// Links chained so far in the outermost expression being parsed (see `extendChain`).
    var chain = 0
    /// How many `parseExpression` calls are open: the chain count restarts with each outermost expression.
    var expressionNesting = 0
    var blocks: [String: BlockDefinition] = [:]
    var parent: TemplateReference?
    var references: [TemplateReference] = []
    var filters: [Invocation] = []
    var tests: [Invocation] = []
    /// The tags currently open, innermost last, to name them in "unclosed" errors.
    var openTags: [(name: String, offset: Int)] = []
    /// Filter names to their slot in the environment's `filterList` (see `Invocation.slot`).
    let filterSlots: [String: Int]
    /// Where the template's literal text goes (see `TextArena`); the parsed template keeps it.
    let arena = TextArena()
    private let stack = StackGuard()

    init(source: SourceFile, tokens: [Token], filterSlots: [String: Int] = [:]) {
        self.source = source
        self.tokens = tokens
        self.filterSlots = filterSlots
    }

    static func parse(_ source: SourceFile, filterSlots: [String: Int] = [:]) throws(TemplateError) -> ParsedTemplate {
        var lexer = Lexer(source: source)
        var parser = Parser(source: source, tokens: try lexer.tokenize(), filterSlots: filterSlots)
        let body = try parser.parseBody(until: []).body
        return ParsedTemplate(source: source, body: body, arena: parser.arena, blocks: parser.blocks, parent: parser.parent,
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

    /// Counts one more link of a left-leaning chain (`a + b + c`, `x | f | g`, `a.b.c`) in the expression being
    /// parsed; throws past `maxChain`.
    ///
    /// A chain adds one level to the syntax tree per link without nesting in the source, so `descend` does not see
    /// it; but evaluating and even freeing the tree recurse through those levels, and 100,000 links overflowed the
    /// stack when the tree was freed. The tree's height is bounded by `maxDepth` plus `maxChain`.
    mutating func extendChain() throws(TemplateError) {
        chain += 1
        if chain > Parser.maxChain {
            throw source.error(.limitExceeded, "expression is too long (more than \(Parser.maxChain) operators, filters, "
                               + "calls and lookups); split it with {% set %}", at: current.span.start)
        }
    }

    // MARK: - Bodies

    /// Tags that close or continue a construct, mapped to the tag that opens it.
    static let continuationTags: [String: String] = [
        "elif": "if", "else": "if or for", "endif": "if", "endfor": "for", "endblock": "block", "endmacro": "macro",
        "endset": "set", "endwith": "with", "endfilter": "filter", "endraw": "raw", "endcall": "call", "endcache": "cache",
        "endautoescape": "autoescape",
    ]

    /// Parses statements until a tag named in `endTags`; returns the body and that tag's name, positioned after it.
    mutating func parseBody(until endTags: Set<String>) throws(TemplateError) -> (body: [Statement], endTag: String) {
        var body: [Statement] = []
        while true {
            let token = current
            switch token.kind {
            case .text(let text):
                advance()
                body.append(Statement(kind: .text(arena.store(text)), span: token.span))
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
}
