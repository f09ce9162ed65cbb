import Foundation

/// Equality, ordering and membership with Python's rules.
///
/// Numbers compare across int/float/bool (`1 == 1.0 == True`), strings compare by code point,
/// lists lexicographically; ordering unrelated types is an error, as in Python 3.
extension Value {
    /// A numeric view of int, float and bool (Python's bool is an int).
    var numeric: Double? {
        switch self {
        case .int(let number): return Double(number)
        case .double(let number): return number
        case .bool(let flag): return flag ? 1 : 0
        default: return nil
        }
    }

    var integer: Int? {
        switch self {
        case .int(let number): return number
        case .bool(let flag): return flag ? 1 : 0
        default: return nil
        }
    }

    static func pythonEquals(_ lhs: Value, _ rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.string(let left), .string(let right)), (.string(let left), .safe(let right)),
             (.safe(let left), .string(let right)), (.safe(let left), .safe(let right)):
            return sameScalars(left, right)
        case (.none, .none): return true
        case let (left, right) where left.integer != nil && right.integer != nil:
            return left.integer == right.integer
        case let (left, right) where left.numeric != nil && right.numeric != nil:
            return left.numeric == right.numeric
        case (.array(let left), .array(let right)):
            return left.count == right.count && zip(left, right).allSatisfy { pythonEquals($0, $1) }
        case (.dictionary(let left), .dictionary(let right)):
            guard left.count == right.count else { return false }
            for (key, value) in zip(left.keys, left.values) {
                guard let other = right[key], pythonEquals(value, other) else { return false }
            }
            return true
        default:
            return false
        }
    }

    /// -1, 0 or 1; throws when Python would raise `TypeError` for `<`.
    static func pythonCompare(_ lhs: Value, _ rhs: Value) throws(EvaluationFailure) -> Int {
        if let left = lhs.integer, let right = rhs.integer { return left < right ? -1 : (left == right ? 0 : 1) }
        if let left = lhs.numeric, let right = rhs.numeric { return left < right ? -1 : (left == right ? 0 : 1) }
        if let left = lhs.stringContent, let right = rhs.stringContent { return compareCodePoints(left, right) }
        if case .array(let left) = lhs, case .array(let right) = rhs {
            for (a, b) in zip(left, right) {
                let order = try pythonCompare(a, b)
                if order != 0 { return order }
            }
            return left.count < right.count ? -1 : (left.count == right.count ? 0 : 1)
        }
        throw EvaluationFailure("cannot compare \(lhs.typeName) with \(rhs.typeName)")
    }

    static func compareCodePoints(_ lhs: String, _ rhs: String) -> Int {
        // UTF-8 byte order is code point order.
        var left = lhs.utf8.makeIterator()
        var right = rhs.utf8.makeIterator()
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil): return 0
            case (nil, _): return -1
            case (_, nil): return 1
            case let (a?, b?): if a != b { return a < b ? -1 : 1 }
            }
        }
    }

    /// `item in self`.
    func pythonContains(_ item: Value) throws(EvaluationFailure) -> Bool {
        switch self {
        case .string(let text), .safe(let text):
            guard let needle = item.stringContent else {
                throw EvaluationFailure("'in <string>' requires a string as left operand, not \(item.typeName)")
            }
            return ByteSearch.contains(needle, in: text)
        case .array(let items):
            return items.contains { Value.pythonEquals($0, item) }
        case .dictionary(let mapping):
            guard let key = item.stringContent else { return false }
            return mapping[key] != nil
        default:
            throw EvaluationFailure("argument of type \(typeName) is not iterable")
        }
    }
}

extension Value {
    /// Python's string equality: the same code points, so the same UTF-8 bytes (`String`'s `==` would also
    /// equate canonically equivalent spellings, "é" as one scalar or two, which Python keeps apart).
    ///
    /// Compared as buffers: `utf8.elementsEqual` walked both strings byte by byte through the generic
    /// collection interface, a few hundred instructions per `==` in a template, and templates compare
    /// slugs tens of thousands of times per build.
    static func sameScalars(_ left: String, _ right: String) -> Bool {
        let count = left.utf8.count
        guard count == right.utf8.count else { return false }
        if let same = left.utf8.withContiguousStorageIfAvailable({ leftBytes in
            right.utf8.withContiguousStorageIfAvailable { rightBytes in
                count == 0 || memcmp(leftBytes.baseAddress!, rightBytes.baseAddress!, count) == 0
            }
        }), let same {
            return same
        }
        return left.utf8.elementsEqual(right.utf8)
    }
}
