import Foundation

/// The built-in sitemap and Atom feeds of the last good build, by everything they were made from.
///
/// `Feeds.sitemap` and `Feeds.atom` are functions of their arguments alone (the entries, the header, the base
/// URL, the alternates): nothing else is read while the bytes are made. So an incremental build that hands them
/// the same arguments gets the last build's bytes, and one whose arguments differ in anything (an edited title, a
/// summary, a date, a page added) makes them again. The arguments are made by `FeedsStep` each build from the
/// content, as a full build makes them, so no input can reach the bytes without passing through what is compared.
/// Feeds made by a site's own templates (`FeedTemplates`) are not kept: a render reads values this comparison does not see.
///
/// Made again, a feed of ten thousand entries escapes and joins every title and summary; compared, it is ten
/// thousand string comparisons, most of them of the very same storage.
///
/// `@unchecked Sendable`: every access to `filled` is behind `lock`.
final class FeedsMemo: @unchecked Sendable {
    /// What one file was made from.
    enum Key: Sendable {
        case sitemap(locations: [Feeds.Location], baseURL: String, alternates: [String: [(language: String, url: String)]])
        case atom(header: Feeds.Header, entries: [Feeds.Entry], baseURL: String)

        func same(as other: Key) -> Bool {
            switch (self, other) {
            case let (.sitemap(l1, b1, a1), .sitemap(l2, b2, a2)):
                return b1 == b2 && l1 == l2 && a1.count == a2.count && a1.allSatisfy { url, versions in
                    guard let others = a2[url], others.count == versions.count else { return false }
                    return zip(versions, others).allSatisfy { $0.language == $1.language && $0.url == $1.url }
                }
            case let (.atom(h1, e1, b1), .atom(h2, e2, b2)):
                return b1 == b2 && h1 == h2 && e1 == e2
            default:
                return false
            }
        }
    }

    /// Each kept file by its output path: what it was made from, and its bytes.
    typealias State = [String: (key: Key, data: Data)]

    private let previous: State
    private let lock = NSLock()
    private var kept: State = [:]
    private var hits = 0

    init(previous: State = [:]) {
        self.previous = previous
    }

    /// The bytes for `path` made from `key`: the last build's when it was made from the same, else `make()`'s.
    /// Kept for the next build either way.
    func data(at path: String, _ key: Key, make: () -> Data) -> Data {
        if let last = previous[path], last.key.same(as: key) {
            lock.withLock {
                kept[path] = last
                hits += 1
            }
            return last.data
        }
        let data = make()
        lock.withLock { kept[path] = (key, data) }
        return data
    }

    /// The last build's bytes for `path`, kept for the next build as they are, without comparing what they were
    /// made from: for a caller that has proved its arguments are the last build's (`FeedsStep.argumentsKept`).
    /// Nil when the last build did not keep `path`.
    func kept(at path: String) -> Data? {
        guard let last = previous[path] else { return nil }
        lock.withLock {
            kept[path] = last
            hits += 1
        }
        return last.data
    }

    /// What this build made or kept, for the next one.
    var filled: State { lock.withLock { kept } }

    /// How many files were the last build's.
    var reused: Int { lock.withLock { hits } }
}
