/// A template value: what the context holds and what expressions evaluate to.
///
/// The cases mirror the Python types Jinja templates are written against, so that
/// printing, comparing and testing values can follow Python's rules exactly.
/// `safe` is a string already known to be HTML (MarkupSafe's `Markup`): it is never escaped again.
public enum Value: Sendable, Equatable {
    case none
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case safe(String)
    case array([Value])
    case dictionary(OrderedDictionary)
}

extension Value: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
}

extension Value: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self = .int(value) }
}

extension Value: ExpressibleByFloatLiteral {
    public init(floatLiteral value: Double) { self = .double(value) }
}

extension Value: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension Value: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: Value...) { self = .array(elements) }
}

extension Value: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, Value)...) { self = .dictionary(OrderedDictionary(elements)) }
}
