import Content
import Foundation

/// The claims ledger's check of each page in the last good build, by everything the check reads.
///
/// A page's check (`LedgerCheck`, `SourceLanguageQuotations`) is a function of the page's source path, front
/// matter, body and its first line, the collection that requires passages of it, the original's front matter
/// and path for a translation, and the source text. The source text is compared once a build, by its bytes; the
/// body by its string (the very same storage when the session kept the content). Front matter is compared by
/// identity: the entry holds the last build's array, so an array in the same storage is the same array, and any
/// other one (the content loaded again) is checked again. A difference anywhere checks the page again, so the
/// memo is exact whatever changed.
///
/// The microsite's rebuild after a body edit scanned every page for quotations and searched the source for each.
///
/// `@unchecked Sendable`: `kept` is behind `lock`; `previous` is never written.
final class LedgerMemo: @unchecked Sendable {
    struct Entry: @unchecked Sendable {
        var frontMatter: [(key: String, value: Node)]
        var body: String
        var bodyStartLine: Int
        var requiredBy: String?
        var original: (source: String, frontMatter: [(key: String, value: Node)])?
        var errors: [LedgerError]

        func holds(for other: Entry) -> Bool {
            Self.same(frontMatter, other.frontMatter) && bodyStartLine == other.bodyStartLine
                && requiredBy == other.requiredBy && body == other.body
                && original?.source == other.original?.source
                && (original == nil) == (other.original == nil)
                && (original.map { mine in other.original.map { Self.same(mine.frontMatter, $0.frontMatter) } ?? false } ?? true)
        }

        /// Whether both are the one array (the same storage, which `self` keeps alive).
        static func same(_ first: [(key: String, value: Node)], _ second: [(key: String, value: Node)]) -> Bool {
            if first.isEmpty && second.isEmpty { return true }
            guard first.count == second.count else { return false }
            return first.withUnsafeBufferPointer { a in second.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress } }
        }
    }

    struct State: @unchecked Sendable {
        /// The source text's path and bytes.
        var text: (path: String, bytes: [UInt8])?
        /// Each page's check, by `"<language>|<source>"`.
        var pages: [String: Entry] = [:]
    }

    private let previous: State
    private let lock = NSLock()
    private var kept = State()
    private var hits = 0
    /// Whether the source text is the last build's (set once a build, before the pages are checked).
    private var sameText = false

    init(previous: State = State()) {
        self.previous = previous
    }

    /// Takes this build's source text; the pages' entries hold only when it is the last build's.
    func use(_ source: LedgerSourceText) {
        lock.withLock {
            sameText = previous.text.map { $0.path == source.path && $0.bytes == source.bytes } ?? false
            kept.text = (source.path, source.bytes)
        }
    }

    /// The errors of the page at `key` whose check reads what `entry` says (its `errors` unset): the last
    /// build's when it read the same, else `check()`'s.
    func errors(_ key: String, _ entry: Entry, check: () -> [LedgerError]) -> [LedgerError] {
        if lock.withLock({ sameText }), let last = previous.pages[key], last.holds(for: entry) {
            lock.withLock {
                kept.pages[key] = last
                hits += 1
            }
            return last.errors
        }
        var made = entry
        made.errors = check()
        lock.withLock { kept.pages[key] = made }
        return made.errors
    }

    /// What this build checked or kept, for the next one.
    var filled: State { lock.withLock { kept } }

    /// How many pages' checks were the last build's.
    var reused: Int { lock.withLock { hits } }
}
