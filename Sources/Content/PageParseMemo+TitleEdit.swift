/// A page edit in its `title:` line (and perhaps its body) only: what the session puts into the last content
/// instead of loading it (`ContentSet.replaceTitle`).
public struct TitleEdit: Sendable {
    /// The page's new title, the front-matter node it was read from, and its body.
    public var title: String
    public var node: Node
    public var body: String

    public init(title: String, node: Node, body: String) {
        self.title = title
        self.node = node
        self.body = body
    }
}

extension PageParseMemo {
    /// The new title and body of the page at `path`, when `bytes` differ from the bytes a build read there (those
    /// whose `ReadLog.fingerprint` is `fingerprint`) only in the one top-level `title:` line of the front matter,
    /// and perhaps the body: both parse without errors; the front matter has as many lines, and every line that
    /// differs starts with `title: ` in both; the same keys in the same order, one of them `title`, and every other
    /// value the same (`Node.sameValue`), on the same lines; the body starts on the same line. So every field of the
    /// page but its title and body is what it was (checked too, `sameButTitle`). Nil otherwise.
    public func titleEdit(_ path: String, bytes: [UInt8], was fingerprint: UInt64, languages: LanguageSettings? = nil) -> TitleEdit? {
        let page = reparse(path, bytes: bytes, was: fingerprint, languages: languages) { old, new, oldSplit, newSplit in
            guard let oldYAML = oldSplit.yaml, let newYAML = newSplit.yaml, oldSplit.bodyStartLine == newSplit.bodyStartLine else { return false }
            let oldLines = oldYAML.split(separator: "\n", omittingEmptySubsequences: false)
            let newLines = newYAML.split(separator: "\n", omittingEmptySubsequences: false)
            guard oldLines.count == newLines.count, oldLines != newLines,
                  zip(oldLines, newLines).allSatisfy({ $0 == $1 || ($0.hasPrefix("title: ") && $1.hasPrefix("title: ")) }) else { return false }
            return Self.sameButTitle(old, new)
        }
        guard let page, let node = page["title"] else { return nil }
        return TitleEdit(title: page.title, node: node, body: page.body)
    }

    /// Whether `new` is `old` but for its title, its front matter's `title` value and its body.
    static func sameButTitle(_ old: Page, _ new: Page) -> Bool {
        let oldKeys = old.frontMatter.map(\.key), newKeys = new.frontMatter.map(\.key)
        guard oldKeys == newKeys, oldKeys.filter({ $0 == "title" }).count == 1 else { return false }
        let values = zip(old.frontMatter, new.frontMatter).allSatisfy { pair in
            pair.0.key == "title" || (pair.0.value.sameValue(as: pair.1.value) && pair.0.value.line == pair.1.value.line
                                      && pair.0.value.column == pair.1.value.column)
        }
        return values && old.source == new.source && old.collection == new.collection && old.slug == new.slug
            && old.isListPage == new.isListPage && old.url == new.url && old.outputPath == new.outputPath && old.date == new.date
            && old.dateLabel == new.dateLabel && old.draft == new.draft && old.template == new.template && old.summary == new.summary
            && old.bodyStartLine == new.bodyStartLine && old.aliases == new.aliases && old.originalSource == new.originalSource
            && old.relations.count == new.relations.count
    }
}
