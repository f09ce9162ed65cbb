import Foundation
import Markdown
import SiteInputs
import Templates

/// Each page's rendered Markdown from the last good build, for the next build to reuse when nothing it
/// depends on changed.
///
/// A page's entry is keyed by one fingerprint (`MarkdownStage.memoKey`) of everything its rendering reads
/// that can change without a change set saying so: its source path, body, first body line and URL, and the
/// tables every link and image is resolved against (every page's source and URL, assets, drafts, the
/// `static/` listing, the base path, the options). What its components' renders use is recorded where it
/// happens, as for pages (`ReadTracking`): templates looked up, files filters read (`TemplateInputs`) and
/// strings `t` looked up (`reads`); an entry is reused only when they are what they were. Files the step reads
/// itself (images, the components' declarations, the `static/` listing) are in the step's own log (`reads`,
/// inside the build's), and the session drops the whole memo when one of them changed, or `site.yml`, whose
/// settings (images, …) are not all in the key (`ReusePlan`). Images a page showed are kept with it and asked
/// of the new build's `ImagePlanner` again on reuse, so the resized copies planned are the same as a full build's.
///
/// A build reads `previous` and fills `next`; the session keeps `next` only when the build succeeded, so a
/// failed build never leaves half a table behind. `@unchecked Sendable`: both tables are behind `lock`.
final class MarkdownMemo: @unchecked Sendable {
    struct Entry: Sendable {
        var key: UInt64
        var rendered: RenderedMarkdown
        /// The images the page's Markdown asked the planner about: (site path, root-relative source).
        var images: [ImageRequest]
        /// Strings its components looked up with `t`, with what each was (`OriginTable`).
        var reads: [(ReadKey, UInt64)] = []
        /// Templates and files its components used; nil when not known (restored from the CLI's cache).
        var inputs: TemplateInputs? = nil
        /// What `key` was made from, for the next build to keep it (`KeyParts`); nil when not known.
        var keyed: KeyParts? = nil
    }

    struct ImageRequest: Sendable, Equatable {
        var sitePath: String
        var source: String
    }

    private let lock = NSLock()
    let previous: [String: Entry]
    private var next: [String: Entry] = [:]
    private var hits = 0
    private var hashes = 0
    private var kept = Set<String>()
    /// Pages whose entry this build made (not taken from `previous`), for `ShardReuse`.
    private var made = Set<String>()
    private let inputs: RenderInputs
    private let table: OriginTable
    /// What the Markdown step reads through `SiteInputs` (also recorded in the build's log), for the session.
    let reads: ReadLog

    /// - Parameters:
    ///   - previous: the entries the last good build filled, by `"<language>|<source>"`; empty for a build
    ///     that reuses nothing.
    ///   - inputs, table: this build's templates and files, and its tagged values (`PageMemo.table`).
    ///   - log: the build's log, which the step's own log records into.
    init(previous: [String: Entry] = [:], inputs: RenderInputs, table: OriginTable, log: ReadLog?) {
        self.previous = previous
        // As many entries as the last build's, so that filling ten thousand never rehashes the table.
        next.reserveCapacity(previous.count)
        self.inputs = inputs
        self.table = table
        reads = ReadLog(forwardingTo: log)
    }

    /// The page's last rendering, if it was made under the same key and what its components used is unchanged.
    func reuse(_ page: String, key: UInt64) -> Entry? {
        guard let entry = previous[page], entry.key == key, inputs.holds(entry.inputs),
              entry.reads.allSatisfy({ table.fingerprint($0.0, page: nil) == $0.1 }) else { return nil }
        lock.withLock { hits += 1 }
        return entry
    }

    func store(_ page: String, _ entry: Entry) {
        lock.withLock {
            next[page] = entry
            made.insert(page)
        }
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

    /// Keeps a page just rendered, with what its components' renders recorded (as this build has it).
    func store(_ page: String, key: UInt64, keyed: KeyParts, rendered: RenderedMarkdown, images: [ImageRequest], recorded: RecordedReads) {
        store(page, Entry(key: key, rendered: rendered, images: images,
                          reads: recorded.reads.map { ($0, table.fingerprint($0, page: nil)) }, inputs: inputs.capture(recorded),
                          keyed: keyed))
    }

    /// The entries this build filled (reused ones included), for the next build.
    var filled: [String: Entry] { lock.withLock { next } }

    /// How many pages this build reused.
    var reused: Int { lock.withLock { hits } }

    /// How many pages' keys this build hashed, rather than keeping the last build's (`key(_:_:page:)`).
    var keysHashed: Int { lock.withLock { hashes } }

    func noteHashed() {
        lock.withLock { hashes += 1 }
    }

    /// The pages whose entry this build made rather than took from the last build (`ShardReuse`).
    var stored: Set<String> { lock.withLock { made } }
}
