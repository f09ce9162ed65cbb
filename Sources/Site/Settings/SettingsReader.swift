import Content
import DidYouMean

/// Reads one section of settings (a mapping in `site.yml` or a front-matter key) into typed values, collecting
/// a located diagnostic for every value of the wrong type and every unknown key (with "did you mean").
///
/// The features that take options (search, feeds, outputs) read their own sections with it, so `site.yml`'s
/// loader in `Content` does not have to know them.
struct SettingsReader {
    let file: String
    /// Where the section is, for messages: "search" or "feeds".
    let section: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String, section: String) {
        self.file = file
        self.section = section
    }

    /// The pairs of `node` when it is a mapping; otherwise an error at it, and nil.
    mutating func pairs(of node: Node, expected: String) -> [(key: String, value: Node)]? {
        guard case .mapping(let pairs) = node.value else {
            fail(at: node, "'\(section)': expected \(expected), found \(node.value.typeName)")
            return nil
        }
        return pairs
    }

    mutating func bool(_ node: Node, key: String) -> Bool? {
        if case .bool(let flag) = node.value { return flag }
        fail(at: node, "'\(key)': expected true or false, found \(node.value.typeName)")
        return nil
    }

    mutating func string(_ node: Node, key: String) -> String? {
        if case .string(let text) = node.value { return text }
        fail(at: node, "'\(key)': expected a string, found \(node.value.typeName)")
        return nil
    }

    /// A whole number of at least `minimum`.
    mutating func int(_ node: Node, key: String, minimum: Int) -> Int? {
        if case .int(let number) = node.value, number >= minimum { return number }
        fail(at: node, "'\(key)': expected a whole number of at least \(minimum), found \(Self.describe(node.value))")
        return nil
    }

    mutating func strings(_ node: Node, key: String) -> [String]? {
        guard case .list(let items) = node.value else {
            fail(at: node, "'\(key)': expected a list of strings, found \(node.value.typeName)")
            return nil
        }
        var result: [String] = []
        for item in items {
            guard let text = string(item, key: key) else { return nil }
            result.append(text)
        }
        return result
    }

    /// An error at `key` for a key that is not one of `known`.
    mutating func unknown(_ key: String, at node: Node, known: [String]) {
        let hint = Suggestion.closest(to: key, in: known).map { " — did you mean '\($0)'?" } ?? ""
        diagnostics.append(Diagnostic(file: file, line: node.keyLine ?? node.line, column: node.keyColumn ?? node.column,
                                      message: "unknown setting '\(key)' for '\(section)'\(hint)",
                                      notes: ["known settings: " + known.joined(separator: ", ")]))
    }

    mutating func fail(at node: Node, _ message: String) {
        diagnostics.append(Diagnostic(file: file, line: node.line, column: node.column, message: message))
    }

    private static func describe(_ value: FrontMatterValue) -> String {
        if case .int(let number) = value { return String(number) }
        return value.typeName
    }
}
