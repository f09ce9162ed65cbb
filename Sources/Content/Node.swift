/// A front-matter value with the place it was written.
///
/// `line` and `column` are 1-based positions in the source *file* (the `.md` file, with the
/// front-matter offset added, or `site.yml`), so any later stage can report an error at the value.
public struct Node: Sendable {
    public var value: FrontMatterValue
    public var line: Int
    public var column: Int
    /// For a slug inside a relation list (`people: [sam-altman]`, at any depth): the index of
    /// the page it names in `ContentSet.pages`. Set by the loader once relations are resolved.
    public var target: Int?
    /// For a value inside a mapping: where its *key* was written, for errors about the key
    /// itself ("reserved key", "unknown setting"). Nil for list items and the root.
    public var keyLine: Int?
    public var keyColumn: Int?

    public init(_ value: FrontMatterValue, line: Int, column: Int, target: Int? = nil) {
        self.value = value
        self.line = line
        self.column = column
        self.target = target
    }

    /// The string, when the value is one.
    public var string: String? {
        if case .string(let text) = value { return text }
        return nil
    }

    /// The first value under `key`, when this is a mapping that has it.
    public subscript(key: String) -> Node? {
        guard case .mapping(let pairs) = value else { return nil }
        return pairs.firstValue(forKey: key)
    }
}
