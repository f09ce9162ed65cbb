/// Type checks for known keys, each reporting "expected X, found Y" at the value.
extension Node {
    /// The string; otherwise records an error and returns nil.
    func expectString(file: String, key: String, errors: inout [ContentError]) -> String? {
        if case .string(let text) = value { return text }
        errors.append(typeError(file: file, key: key, expected: "a string"))
        return nil
    }

    func expectBool(file: String, key: String, errors: inout [ContentError]) -> Bool? {
        if case .bool(let flag) = value { return flag }
        errors.append(typeError(file: file, key: key, expected: "true or false"))
        return nil
    }

    /// A list of strings (a single string is not accepted: the author meant a list).
    func expectStringList(file: String, key: String, errors: inout [ContentError]) -> [String]? {
        guard case .list(let items) = value else {
            errors.append(typeError(file: file, key: key, expected: "a list of strings"))
            return nil
        }
        var strings: [String] = []
        for item in items {
            guard let text = item.expectString(file: file, key: key, errors: &errors) else { return nil }
            strings.append(text)
        }
        return strings
    }

    func typeError(file: String, key: String, expected: String) -> ContentError {
        ContentError(.type, file: file, at: self, message: "'\(key.visible)': expected \(expected), found \(value.typeName)")
    }
}
