extension MarkdownMemo {
    /// What a page's key (`MarkdownMemo.key`) was made from besides the page's name (`"<language>|<source>"`,
    /// which names the entry and so its source): kept with the entry so that the next build can take the key
    /// as it is instead of hashing the body again.
    ///
    /// Hashing every body costs a pass over every byte of the content on every build (ten thousand events:
    /// tens of milliseconds), while a body edit changes one. `body` holds the page's own string, not a copy:
    /// when the page is the last build's (`ContentMemo` keeps the content; `PageParseMemo` gives an unchanged
    /// file's parse again), the two strings share their storage and compare equal at once; any other string is
    /// compared byte for byte, which is still cheaper than hashing it.
    struct KeyParts: Sendable {
        var environment: UInt64
        var bodyStartLine: Int
        var url: String
        var body: String

        init(environment: UInt64, bodyStartLine: Int, url: String, body: String) {
            self.environment = environment
            self.bodyStartLine = bodyStartLine
            self.url = url
            self.body = body
        }

        /// Whether a key made from `self` is the one made from `other`: every part the key folds in is the same.
        func makesTheSameKey(as other: KeyParts) -> Bool {
            environment == other.environment && bodyStartLine == other.bodyStartLine && url == other.url && body == other.body
        }
    }

    /// The key of the page read from `source` under `parts`: that of `last` (the page's entry in the last build)
    /// when it was made from the same parts (the value `MarkdownMemo.key` would give, without hashing the body),
    /// else hashed; and whether it was hashed (`keysHashed`).
    static func key(_ parts: KeyParts, source: String, last: Entry) -> (key: UInt64, hashed: Bool) {
        if let keyed = last.keyed, keyed.makesTheSameKey(as: parts) { return (last.key, false) }
        return (key(parts, source: source), true)
    }

    /// The key of the page read from `source` under `parts`, hashed.
    static func key(_ parts: KeyParts, source: String) -> UInt64 {
        key(environment: parts.environment, source: source, bodyStartLine: parts.bodyStartLine, url: parts.url, body: parts.body)
    }
}
