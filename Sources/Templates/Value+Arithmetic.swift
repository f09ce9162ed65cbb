import Foundation

/// `+ - * / // % **` and unary minus with Python's rules.
///
/// int op int stays int (with overflow reported, never trapped), `/` always gives a float,
/// `//` and `%` floor like Python, and `+` also joins strings and lists.
extension Value {
    /// The longest string or list an operator may build, so `"x" * 10**9` fails instead of exhausting memory.
    static let maxBuiltLength = 10_000_000

    static func arithmetic(_ op: BinaryOperator, _ lhs: Value, _ rhs: Value) throws(EvaluationFailure) -> Value {
        if let left = lhs.integer, let right = rhs.integer {
            return try integerArithmetic(op, left, right)
        }
        if let left = lhs.numeric, let right = rhs.numeric {
            return try floatArithmetic(op, left, right)
        }
        switch (op, lhs, rhs) {
        case (.add, _, _) where lhs.stringContent != nil && rhs.stringContent != nil:
            if lhs.isSafe || rhs.isSafe { return .safe(HTMLEscaper.markup(lhs) + HTMLEscaper.markup(rhs)) }
            return .string((lhs.stringContent ?? "") + (rhs.stringContent ?? ""))
        case (.modulo, _, _) where lhs.stringContent != nil:
            // printf-style formatting; a safe format string escapes what it takes in (`Markup.__mod__`).
            let text = try PythonFormatter.printf(lhs.stringContent ?? "", rhs, escaping: lhs.isSafe)
            return lhs.isSafe ? .safe(text) : .string(text)
        case (.add, .array(let left), .array(let right)):
            return .array(left + right)
        case (.multiply, _, _) where lhs.stringContent != nil && rhs.integer != nil:
            return try repeatText(lhs, rhs.integer ?? 0)
        case (.multiply, _, _) where rhs.stringContent != nil && lhs.integer != nil:
            return try repeatText(rhs, lhs.integer ?? 0)
        default:
            throw EvaluationFailure("unsupported operand types for \(op.rawValue): \(lhs.typeName) and \(rhs.typeName)")
        }
    }

    private static func repeatText(_ text: Value, _ count: Int) throws(EvaluationFailure) -> Value {
        let content = text.stringContent ?? ""
        if content.isEmpty || count <= 0 { return text.isSafe ? .safe("") : .string("") }
        guard content.utf8.count <= maxBuiltLength / count else {
            throw EvaluationFailure("string repetition result is too large", kind: .limitExceeded)
        }
        let repeated = String(repeating: content, count: max(0, count))
        return text.isSafe ? .safe(repeated) : .string(repeated)
    }

    private static func integerArithmetic(_ op: BinaryOperator, _ left: Int, _ right: Int) throws(EvaluationFailure) -> Value {
        let result: (partialValue: Int, overflow: Bool)
        switch op {
        case .add: result = left.addingReportingOverflow(right)
        case .subtract: result = left.subtractingReportingOverflow(right)
        case .multiply: result = left.multipliedReportingOverflow(by: right)
        case .divide:
            guard right != 0 else { throw EvaluationFailure("division by zero") }
            return .double(Double(left) / Double(right))
        case .floorDivide, .modulo:
            guard right != 0 else { throw EvaluationFailure("integer division or modulo by zero") }
            guard !(left == Int.min && right == -1) else { throw EvaluationFailure("integer overflow") }
            var quotient = left / right
            var remainder = left % right
            if remainder != 0, (remainder < 0) != (right < 0) {
                quotient -= 1
                remainder += right
            }
            return .int(op == .floorDivide ? quotient : remainder)
        case .power:
            if right < 0 { return .double(pow(Double(left), Double(right))) }
            var value = 1
            for _ in 0..<min(right, 64) {
                let step = value.multipliedReportingOverflow(by: left)
                if step.overflow { throw EvaluationFailure("integer overflow") }
                value = step.partialValue
            }
            if right > 64, abs(left) > 1 { throw EvaluationFailure("integer overflow") }
            if right > 64, left == -1 { return .int(right % 2 == 0 ? 1 : -1) }
            return .int(value)
        }
        guard !result.overflow else { throw EvaluationFailure("integer overflow") }
        return .int(result.partialValue)
    }

    private static func floatArithmetic(_ op: BinaryOperator, _ left: Double, _ right: Double) throws(EvaluationFailure) -> Value {
        switch op {
        case .add: return .double(left + right)
        case .subtract: return .double(left - right)
        case .multiply: return .double(left * right)
        case .divide:
            guard right != 0 else { throw EvaluationFailure("float division by zero") }
            return .double(left / right)
        case .floorDivide:
            guard right != 0 else { throw EvaluationFailure("float floor division by zero") }
            return .double((left / right).rounded(.down))
        case .modulo:
            guard right != 0 else { throw EvaluationFailure("float modulo by zero") }
            let remainder = fmod(left, right)
            return .double(remainder != 0 && (remainder < 0) != (right < 0) ? remainder + right : remainder)
        case .power:
            return .double(pow(left, right))
        }
    }

    static func negate(_ value: Value) throws(EvaluationFailure) -> Value {
        switch value {
        case .int(let number):
            guard number != Int.min else { throw EvaluationFailure("integer overflow") }
            return .int(-number)
        case .bool(let flag): return .int(flag ? -1 : 0)
        case .double(let number): return .double(-number)
        default: throw EvaluationFailure("bad operand type for unary -: \(value.typeName)")
        }
    }
}
