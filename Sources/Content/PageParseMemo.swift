import Foundation
import SiteInputs

/// Parsed pages kept between loads of one site (an incremental build, `Site/Incremental/`): a page file whose
/// bytes are the same as last time is not parsed again.
///
/// Parsing a page depends on nothing but its bytes, its path and the place it is parsed in (a translation in
/// its original's, on a site with `languages:`), which make its key (`PageParser`), so an entry is exact by its
/// key, whatever else changed and whether the last build succeeded. Each load keeps only the entries it used,
/// so deleted files do not pile up. `@unchecked Sendable`: both tables are behind `lock` (pages are parsed on
/// every core).
public final class PageParseMemo: @unchecked Sendable {
    private struct Entry {
        var bytes: [UInt8]
        var outcome: PageParser.Outcome
    }

    private let lock = NSLock()
    private var previous: [String: Entry] = [:]
    private var next: [String: Entry] = [:]
    private var hits = 0

    public init() {}

    /// How many pages the last load took from the memo.
    public var reused: Int { lock.withLock { hits } }

    /// A file's entry: its path and the place it is parsed in (`PageParser`).
    static func key(_ file: ContentTree.SourceFile) -> String {
        file.path + "\n" + file.components.joined(separator: "/")
    }

    func outcome(_ key: String, bytes: [UInt8]) -> PageParser.Outcome? {
        lock.withLock {
            guard let entry = previous[key], entry.bytes == bytes else { return nil }
            next[key] = entry
            hits += 1
            return entry.outcome
        }
    }

    func store(_ key: String, bytes: [UInt8], outcome: PageParser.Outcome) {
        lock.withLock { next[key] = Entry(bytes: bytes, outcome: outcome) }
    }

    /// The new body of the page at `path` (root-relative, under `content/`), when `bytes` differ from the bytes
    /// a build read there (those whose `ReadLog.fingerprint` is `fingerprint`, kept here) only in the body: both
    /// parse without errors, with the same front matter text on the same lines, so every field of the page but
    /// its body is what it was. Then the new parse is kept (as a load would keep it); otherwise nil.
    /// `languages`: the site's (`SiteConfig.languageSettings`), which say whether the file is a translation, parsed
    /// in its original's place (`TranslationFiles`), as the load parsed it.
    public func bodyEdit(_ path: String, bytes: [UInt8], was fingerprint: UInt64, languages: LanguageSettings? = nil) -> String? {
        reparse(path, bytes: bytes, was: fingerprint, languages: languages) { _, _, oldSplit, newSplit in
            oldSplit.yaml == newSplit.yaml && oldSplit.bodyStartLine == newSplit.bodyStartLine
        }?.body
    }

    /// The page at `path` parsed from `bytes`, when the bytes a build read there (those whose `ReadLog.fingerprint`
    /// is `fingerprint`, kept here) and `bytes` both parse without errors and `accepts` the two parses (old page,
    /// new page) and their splits (old, new); the new parse is then kept, as a load would keep it. Otherwise nil.
    func reparse(_ path: String, bytes: [UInt8], was fingerprint: UInt64, languages: LanguageSettings?,
                 accepts: (Page, Page, FrontMatterSplitter.Split, FrontMatterSplitter.Split) -> Bool) -> Page? {
        guard path.hasPrefix(ContentTree.folder + "/") else { return nil }
        let own = ContentTree.SourceFile(path: path, components: path.split(separator: "/").dropFirst().map(String.init))
        // The load's own rule for where a file is parsed; a name it refuses is left to a load.
        let split = TranslationFiles([own], settings: languages)
        guard split.errors.isEmpty, let file = split.originals.first ?? split.translations.values.first?.first else { return nil }
        let key = Self.key(file)
        guard let old = lock.withLock({ next[key] ?? previous[key] }), old.outcome.errors.isEmpty, let oldPage = old.outcome.page,
              ReadLog.fingerprint(old.bytes) == fingerprint else { return nil }
        let outcome = PageParser.parse(bytes, file: file)
        guard outcome.errors.isEmpty, let page = outcome.page,
              case .success(let oldText) = SourceText.decode(old.bytes, file: path),
              case .success(let newText) = SourceText.decode(bytes, file: path),
              let oldSplit = try? FrontMatterSplitter.split(oldText, file: path),
              let newSplit = try? FrontMatterSplitter.split(newText, file: path),
              accepts(oldPage, page, oldSplit, newSplit) else { return nil }
        lock.withLock { next[key] = Entry(bytes: bytes, outcome: outcome) }
        return page
    }

    /// Starts a load: what the last one used becomes what this one may reuse.
    func begin() {
        lock.withLock {
            if !next.isEmpty { previous = next }
            next = [:]
            hits = 0
        }
    }
}
