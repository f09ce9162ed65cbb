import Content

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

        init(environment: UInt64, page: Page, url: String) {
            self.environment = environment
            bodyStartLine = page.bodyStartLine
            self.url = url
            body = page.body
        }

        /// Whether a key made from `self` is the one made from `other`: every part the key folds in is the same.
        func makesTheSameKey(as other: KeyParts) -> Bool {
            environment == other.environment && bodyStartLine == other.bodyStartLine && url == other.url && body == other.body
        }
    }

    /// The page's key under `parts`: the last build's entry's when it was made from the same parts (the same
    /// value `MarkdownMemo.key` would give, without hashing the body), else hashed.
    func key(_ page: String, _ parts: KeyParts, page value: Page) -> UInt64 {
        if let entry = previous[page], let last = entry.keyed, last.makesTheSameKey(as: parts) { return entry.key }
        noteHashed()
        return Self.key(environment: parts.environment, page: value, url: parts.url)
    }
}
