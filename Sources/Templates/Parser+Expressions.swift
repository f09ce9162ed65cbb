/// Expression grammar, in Jinja's precedence order (loosest first):
/// conditional → `or` → `and` → `not` → comparisons → `+ -` → `~` → `* / // %` → `**`
/// → unary `- +` → primary with postfix (`.x`, `[x]`, calls) → filters `|` and tests `is`.
extension Parser {
    mutating func parseExpression(allowConditional: Bool = true) throws(TemplateError) -> Expression {
        if expressionNesting == 0 { chain = 0 }
        try descend()
        expressionNesting += 1
        defer {
            depth -= 1
            expressionNesting -= 1
        }
        var expression = try parseOr()
        while allowConditional, isName("if") {
            try extendChain()
            advance()
            let condition = try parseOr()
            var otherwise: Expression?
            if skipName("else") { otherwise = try parseExpression() }
            let span = expression.span.joined(otherwise?.span ?? condition.span)
            expression = Expression(kind: .conditional(value: expression, condition: condition, otherwise: otherwise), span: span)
        }
        return expression
    }

    /// An expression, or a bare tuple `a, b` (used by `for … in` and `set`), which becomes a list.
    mutating func parseTupleExpression(allowConditional: Bool) throws(TemplateError) -> Expression {
        let first = try parseExpression(allowConditional: allowConditional)
        guard isSymbol(",") else { return first }
        var items = [first]
        while skipSymbol(",") {
            if current.kind == .blockEnd || isName("if") || isSymbol(")") { break }
            items.append(try parseExpression(allowConditional: allowConditional))
        }
        return Expression(kind: .list(items), span: first.span.joined(items[items.count - 1].span))
    }

    private mutating func parseOr() throws(TemplateError) -> Expression {
        var left = try parseAnd()
        while skipName("or") {
            try extendChain()
            let right = try parseAnd()
            left = Expression(kind: .or(left, right), span: left.span.joined(right.span))
        }
        return left
    }

    private mutating func parseAnd() throws(TemplateError) -> Expression {
        var left = try parseNot()
        while skipName("and") {
            try extendChain()
            let right = try parseNot()
            left = Expression(kind: .and(left, right), span: left.span.joined(right.span))
        }
        return left
    }

    private mutating func parseNot() throws(TemplateError) -> Expression {
        if isName("not") {
            let start = advance().span
            try descend()
            defer { depth -= 1 }
            let operand = try parseNot()
            return Expression(kind: .not(operand), span: start.joined(operand.span))
        }
        return try parseCompare()
    }

    private mutating func parseCompare() throws(TemplateError) -> Expression {
        let first = try parseAdditive()
        var chain: [Comparison] = []
        while true {
            let comparisonOperator: ComparisonOperator
            if case .symbol(let symbol) = current.kind, let found = ComparisonOperator(rawValue: symbol) {
                comparisonOperator = found
                advance()
            } else if isName("in") {
                comparisonOperator = .contains
                advance()
            } else if isName("not"), peek().kind == .name("in") {
                comparisonOperator = .notContains
                advance()
                advance()
            } else {
                break
            }
            chain.append(Comparison(comparisonOperator: comparisonOperator, operand: try parseAdditive()))
        }
        guard let last = chain.last else { return first }
        return Expression(kind: .compare(first, chain), span: first.span.joined(last.operand.span))
    }

    private mutating func parseAdditive() throws(TemplateError) -> Expression {
        var left = try parseConcat()
        while isSymbol("+") || isSymbol("-") {
            try extendChain()
            let binaryOperator: BinaryOperator = isSymbol("+") ? .add : .subtract
            advance()
            let right = try parseConcat()
            left = Expression(kind: .binary(binaryOperator, left, right), span: left.span.joined(right.span))
        }
        return left
    }

    private mutating func parseConcat() throws(TemplateError) -> Expression {
        let first = try parseMultiplicative()
        var parts = [first]
        while skipSymbol("~") { parts.append(try parseMultiplicative()) }
        guard parts.count > 1 else { return first }
        return Expression(kind: .concat(parts), span: first.span.joined(parts[parts.count - 1].span))
    }

    private mutating func parseMultiplicative() throws(TemplateError) -> Expression {
        var left = try parsePower()
        while true {
            guard case .symbol(let symbol) = current.kind, ["*", "/", "//", "%"].contains(symbol),
                  let binaryOperator = BinaryOperator(rawValue: symbol) else { break }
            try extendChain()
            advance()
            let right = try parsePower()
            left = Expression(kind: .binary(binaryOperator, left, right), span: left.span.joined(right.span))
        }
        return left
    }

    private mutating func parsePower() throws(TemplateError) -> Expression {
        var left = try parseUnary(withFilters: true)
        while skipSymbol("**") {
            try extendChain()
            let right = try parseUnary(withFilters: true)
            left = Expression(kind: .binary(.power, left, right), span: left.span.joined(right.span))
        }
        return left
    }

    private mutating func parseUnary(withFilters: Bool) throws(TemplateError) -> Expression {
        var expression: Expression
        if isSymbol("-") || isSymbol("+") {
            let negative = isSymbol("-")
            let start = advance().span
            try descend()
            let operand = try parseUnary(withFilters: false)
            depth -= 1
            expression = Expression(kind: negative ? .negate(operand) : .positive(operand), span: start.joined(operand.span))
        } else {
            expression = try parsePrimary()
        }
        expression = try parsePostfix(expression)
        if withFilters { expression = try parseFiltersAndTests(expression) }
        return expression
    }

    private mutating func parsePrimary() throws(TemplateError) -> Expression {
        let token = current
        switch token.kind {
        case .name(let name):
            advance()
            switch name {
            case "true", "True": return Expression(kind: .literal(.bool(true)), span: token.span)
            case "false", "False": return Expression(kind: .literal(.bool(false)), span: token.span)
            case "none", "None": return Expression(kind: .literal(.none), span: token.span)
            default: return Expression(kind: .name(name), span: token.span)
            }
        case .string(var text):
            var span = advance().span
            while case .string(let more) = current.kind {
                text += more
                span = span.joined(advance().span)
            }
            return Expression(kind: .literal(.string(text)), span: span)
        case .integer(let number):
            advance()
            return Expression(kind: .literal(.int(number)), span: token.span)
        case .float(let number):
            advance()
            return Expression(kind: .literal(.double(number)), span: token.span)
        case .symbol("("):
            advance()
            if isSymbol(")") {
                return Expression(kind: .list([]), span: token.span.joined(advance().span))
            }
            var expression = try parseTupleExpression(allowConditional: true)
            guard isSymbol(")") else { throw unexpected(expected: "')'") }
            expression.span = token.span.joined(advance().span)
            return expression
        case .symbol("["):
            advance()
            var items: [Expression] = []
            while !isSymbol("]") {
                items.append(try parseExpression())
                if !skipSymbol(",") { break }
            }
            guard isSymbol("]") else { throw unexpected(expected: "']'") }
            return Expression(kind: .list(items), span: token.span.joined(advance().span))
        case .symbol("{"):
            advance()
            var entries: [DictionaryEntry] = []
            while !isSymbol("}") {
                let key = try parseExpression()
                try expectSymbol(":")
                entries.append(DictionaryEntry(key: key, value: try parseExpression()))
                if !skipSymbol(",") { break }
            }
            guard isSymbol("}") else { throw unexpected(expected: "'}'") }
            return Expression(kind: .dictionary(entries), span: token.span.joined(advance().span))
        default:
            throw unexpected(expected: "an expression")
        }
    }

    private mutating func parsePostfix(_ base: Expression) throws(TemplateError) -> Expression {
        var expression = base
        while true {
            if isSymbol(".") || isSymbol("[") || isSymbol("(") { try extendChain() }
            if isSymbol(".") {
                advance()
                let token = advance()
                switch token.kind {
                case .name(let name):
                    expression = Expression(kind: .attribute(expression, name), span: expression.span.joined(token.span))
                case .integer(let number):
                    let key = Expression(kind: .literal(.int(number)), span: token.span)
                    expression = Expression(kind: .item(expression, key), span: expression.span.joined(token.span))
                default:
                    throw source.error(.syntax, "expected an attribute name after '.', found \(token.display)", at: token.span.start)
                }
            } else if isSymbol("[") {
                advance()
                expression = try parseSubscript(expression)
            } else if isSymbol("(") {
                expression = try parseCall(expression)
            } else {
                return expression
            }
        }
    }

    private mutating func parseSubscript(_ base: Expression) throws(TemplateError) -> Expression {
        var parts: [Expression?] = [nil]
        var isSlice = false
        while !isSymbol("]") {
            if skipSymbol(":") {
                isSlice = true
                parts.append(nil)
                guard parts.count <= 3 else { throw unexpected(expected: "']'") }
            } else {
                guard parts[parts.count - 1] == nil else { throw unexpected(expected: "']'") }
                parts[parts.count - 1] = try parseExpression()
            }
        }
        let end = advance().span
        if !isSlice {
            guard let key = parts[0] else { throw source.error(.syntax, "expected a subscript, found ']'", at: end.start) }
            return Expression(kind: .item(base, key), span: base.span.joined(end))
        }
        let step: Expression? = parts.count > 2 ? parts[2] : nil
        return Expression(kind: .slice(base, start: parts[0], stop: parts[1], step: step), span: base.span.joined(end))
    }

    private mutating func parseCall(_ callee: Expression) throws(TemplateError) -> Expression {
        let (arguments, end) = try parseArguments()
        return Expression(kind: .call(callee, arguments), span: callee.span.joined(end))
    }

    /// Parses `( … )`: positional arguments, then `name=value` keyword arguments.
    private mutating func parseArguments() throws(TemplateError) -> (Arguments, Span) {
        try expectSymbol("(")
        var arguments = Arguments()
        while !isSymbol(")") {
            if skipSymbol("**") {
                arguments.splats = Splats(splat: arguments.splat, keywordSplat: try parseExpression())
                if !skipSymbol(",") { break }
                continue
            }
            if skipSymbol("*") {
                arguments.splats = Splats(splat: try parseExpression(), keywordSplat: arguments.keywordSplat)
                if !skipSymbol(",") { break }
                continue
            }
            if case .name(let name) = current.kind, peek().kind == .symbol("=") {
                advance()
                advance()
                arguments.keyword.append(KeywordArgument(name: name, value: try parseExpression()))
            } else {
                guard arguments.keyword.isEmpty else {
                    throw source.error(.syntax, "positional argument follows keyword argument", at: current.span.start)
                }
                arguments.positional.append(try parseExpression())
            }
            if !skipSymbol(",") { break }
        }
        guard isSymbol(")") else { throw unexpected(expected: "')'") }
        return (arguments, advance().span)
    }

    private mutating func parseFiltersAndTests(_ base: Expression) throws(TemplateError) -> Expression {
        var expression = base
        while true {
            if isSymbol("|") || isName("is") || isSymbol("(") { try extendChain() }
            if skipSymbol("|") {
                let invocation = try parseInvocation(isTest: false)
                filters.append(invocation)
                expression = Expression(kind: .filter(expression, invocation), span: expression.span.joined(invocation.nameSpan))
            } else if isName("is") {
                advance()
                let negated = skipName("not")
                let invocation = try parseInvocation(isTest: true)
                tests.append(invocation)
                expression = Expression(kind: .test(expression, invocation, negated: negated), span: expression.span.joined(invocation.nameSpan))
            } else if isSymbol("(") {
                expression = try parseCall(expression)
            } else {
                return expression
            }
        }
    }

    /// A filter or test name with its arguments. A test also takes one argument without parentheses (`is divisibleby 3`).
    mutating func parseInvocation(isTest: Bool) throws(TemplateError) -> Invocation {
        let (name, span) = try expectName()
        var invocation = Invocation(name: name, nameSpan: span, arguments: Arguments())
        if isTest {
            if let slot = BuiltinTests.slots[name] { invocation.slot = slot }
            invocation.asksEnvironment = name == "callable" || name == "filter" || name == "test"
        } else if let slot = filterSlots[name] {
            invocation.slot = slot
        }
        if isSymbol("(") {
            invocation.arguments = try parseArguments().0
        } else if isTest, startsBareTestArgument {
            try descend()
            invocation.arguments.positional = [try parsePostfix(try parsePrimary())]
            depth -= 1
        }
        return invocation
    }

    private var startsBareTestArgument: Bool {
        switch current.kind {
        case .name(let name): return !["else", "or", "and", "is", "if", "in", "not"].contains(name)
        case .string, .integer, .float, .symbol("["), .symbol("{"): return true
        default: return false
        }
    }
}
