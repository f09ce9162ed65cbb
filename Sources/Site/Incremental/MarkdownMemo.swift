import Foundation
import Markdown

/// Each page's rendered Markdown from the last good build, for the next build to reuse when nothing it
/// depends on changed.
///
/// A page's entry is keyed by one fingerprint (`MarkdownStage.memoKey`) of everything its rendering reads
/// that can change without a change set saying so: its source path, body, first body line and URL, and the
/// tables every link and image is resolved against (every page's source and URL, assets, drafts, the
/// `static/` listing, the base path, the options). Files it reads (images, component templates) and every
/// other input are covered by the session, which drops the whole memo when anything but a Markdown page
/// changed (`InputChanges.touchesOnlyPages`). Images a page showed are kept with it and asked of the new
/// build's `ImagePlanner` again on reuse, so the resized copies planned are the same as a full build's.
///
/// A build reads `previous` and fills `next`; the session keeps `next` only when the build succeeded, so a
/// failed build never leaves half a table behind. `@unchecked Sendable`: both tables are behind `lock`.
final class MarkdownMemo: @unchecked Sendable {
    struct Entry: Sendable {
        var key: UInt64
        var rendered: RenderedMarkdown
        /// The images the page's Markdown asked the planner about: (site path, root-relative source).
        var images: [ImageRequest]
    }

    struct ImageRequest: Sendable, Equatable {
        var sitePath: String
        var source: String
    }

    private let lock = NSLock()
    private let previous: [String: Entry]
    private var next: [String: Entry] = [:]
    private var hits = 0
    private var kept = Set<String>()

    /// - Parameter previous: the entries the last good build filled, by `"<language>|<source>"`; empty for a
    ///   build that reuses nothing.
    init(previous: [String: Entry] = [:]) {
        self.previous = previous
    }

    /// The page's last rendering, if it was made under the same key.
    func reuse(_ page: String, key: UInt64) -> Entry? {
        guard let entry = previous[page], entry.key == key else { return nil }
        lock.withLock { hits += 1 }
        return entry
    }

    func store(_ page: String, _ entry: Entry) {
        lock.withLock { next[page] = entry }
    }

    /// Stores an entry `reuse` gave, whose rendering is then the last build's (`wasKept`).
    func keep(_ page: String, _ entry: Entry) {
        lock.withLock {
            next[page] = entry
            kept.insert(page)
        }
    }

    /// Whether this build took the page's rendering from the last build (`keep`).
    func wasKept(_ page: String) -> Bool {
        lock.withLock { kept.contains(page) }
    }

    /// The entries this build filled (reused ones included), for the next build.
    var filled: [String: Entry] { lock.withLock { next } }

    /// How many pages this build reused.
    var reused: Int { lock.withLock { hits } }
}
