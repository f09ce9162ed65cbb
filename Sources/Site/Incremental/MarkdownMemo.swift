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
/// failed build never leaves half a table behind. The step finds a page's last entry where the last build had the
/// page (`Order`), by name otherwise, and hands each edition's entries over at once (`record`).
/// `@unchecked Sendable`: the tables that change are behind `lock`.
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
    let previous: OverlaidTable<Entry>
    private var next: [String: Entry] = [:]
    /// The table `finish` made by laying the entries that changed over `previous`, when it could.
    private var laid: OverlaidTable<Entry>?
    private var hits = 0
    private var hashes = 0
    private var namesLooked = 0
    private var tablesKept = 0
    private var kept = Set<String>()
    /// Pages whose entry this build made (not taken from `previous`), for `ShardReuse`.
    private var made = Set<String>()
    /// The last build's entries in page order, with its tables (`Order`); nil when not known.
    let previousOrder: Order?
    /// This build's, filled by `record`.
    private var order = Order()
    /// Whether every edition recorded so far had every page where it was (`record`), and the entries that changed.
    private var carried: Bool
    private var changed: [String: Entry] = [:]
    /// Each recorded edition's pages (by index) whose rendering this build made, not took from the last (`madeIndices`).
    private var madeByEdition: [Int: Set<Int>] = [:]
    /// Whether `next` is the last table with `changed` put in, every page in it but `made` kept (`finish`).
    private var keptAllButMade = false
    private let inputs: RenderInputs
    private let table: OriginTable
    /// What the Markdown step reads through `SiteInputs` (also recorded in the build's log), for the session.
    let reads: ReadLog

    /// - Parameters:
    ///   - previous: the entries the last good build filled, by `"<language>|<source>"`; empty for a build
    ///     that reuses nothing.
    ///   - inputs, table: this build's templates and files, and its tagged values (`PageMemo.table`).
    ///   - log: the build's log, which the step's own log records into.
    ///   - order: the same build's entries in page order (`filledOrder`), or nil.
    init(previous: OverlaidTable<Entry> = OverlaidTable(), order: Order? = nil, inputs: RenderInputs, table: OriginTable, log: ReadLog?) {
        self.previous = previous
        previousOrder = order
        carried = order != nil
        self.inputs = inputs
        self.table = table
        reads = ReadLog(forwardingTo: log)
    }

    /// Whether `entry` may be reused under `key`: made under it, and what its components used is unchanged.
    func reusable(_ entry: Entry, key: UInt64) -> Bool {
        reusable(key: entry.key, inputs: entry.inputs, reads: entry.reads, under: key)
    }

    /// `reusable(_:key:)` on an entry's fields, for a caller that reads them where the entry lies.
    func reusable(key made: UInt64, inputs used: TemplateInputs?, reads: [(ReadKey, UInt64)], under key: UInt64) -> Bool {
        made == key && inputs.holds(used) && reads.allSatisfy({ table.fingerprint($0.0, page: nil) == $0.1 })
    }

    /// A page just rendered as an entry, with what its components' renders recorded (as this build has it).
    func entry(key: UInt64, keyed: KeyParts, rendered: RenderedMarkdown, images: [ImageRequest], recorded: RecordedReads) -> Entry {
        Entry(key: key, rendered: rendered, images: images, reads: recorded.reads.map { ($0, table.fingerprint($0, page: nil)) },
              inputs: inputs.capture(recorded), keyed: keyed)
    }

    /// Takes one edition's pages as the step left them (`slots`, by page index), all at once rather than under a
    /// lock per page, as the edition of this build's `order`. When every page was where it was in `last`, the
    /// edition is `last`'s with the entries that changed put in; `finish` then fills the table.
    func record(_ slots: UnsafeBufferPointer<Slot>, sources: () -> [String], position: Int, language: String,
                last: Order.Edition?, tables: MarkdownStage.Tables, environment: UInt64) {
        lock.withLock {
            madeByEdition[position] = Set(slots.indices.lazy.filter { !slots[$0].kept })
            var edition: Order.Edition
            if var same = last, same.sources.count == slots.count, slots.allSatisfy({ $0.name == nil }) {
                same.tables = tables
                for index in slots.indices {
                    if let entry = slots[index].entry {
                        same.changed[index] = entry
                        changed[same.names[index]] = entry
                    }
                    count(slots[index], name: same.names[index])
                }
                if same.changed.count > 64 {
                    for (index, entry) in same.changed { same.entries[index] = entry }
                    same.changed = [:]
                }
                edition = same
            } else {
                carried = false
                let all = sources()
                edition = Order.Edition(language: language, sources: [], names: [], entries: [], tables: tables)
                edition.sources.reserveCapacity(slots.count)
                edition.names.reserveCapacity(slots.count)
                edition.entries.reserveCapacity(slots.count)
                for index in slots.indices {
                    let name = slots[index].name ?? last?.names[index] ?? language + "|" + all[index]
                    // Every page has one (made, kept where it was, or kept by name); one without would be left out.
                    guard let entry = slots[index].entry ?? (slots[index].name == nil ? last?.entry(at: index) : previous[name]) else { continue }
                    edition.sources.append(all[index])
                    edition.names.append(name)
                    edition.entries.append(entry)
                    count(slots[index], name: name)
                }
            }
            order.environment = environment
            if position == order.editions.count { order.editions.append(edition) }
        }
    }

    /// Counts one page's slot (under `lock`).
    private func count(_ slot: Slot, name: String) {
        if slot.kept { hits += 1 } else { made.insert(name) }
        if slot.hashed { hashes += 1 }
        if slot.name != nil { namesLooked += 1 }
    }

    /// Fills the table for the next build once every edition is recorded. When every page of every edition was
    /// where it was and the last table held exactly those pages, it is the last table with the changed entries put
    /// in (copy-on-write: nothing is hashed for the others), and every page not made was kept; otherwise each page's
    /// entry is put in by name.
    func finish() {
        lock.withLock {
            let total = order.editions.reduce(0) { $0 + $1.names.count }
            if carried, let previousOrder, order.editions.count == previousOrder.editions.count, previous.count == total {
                laid = previous.overlaying(changed)
                keptAllButMade = true
            } else {
                next.reserveCapacity(total)
                for edition in order.editions {
                    for index in edition.names.indices {
                        next[edition.names[index]] = edition.entry(at: index)
                        if !made.contains(edition.names[index]) { kept.insert(edition.names[index]) }
                    }
                }
            }
        }
    }

    /// Whether this build took the page's rendering from the last build.
    func wasKept(_ page: String) -> Bool {
        lock.withLock { keptAllButMade ? laid?[page] != nil && !made.contains(page) : kept.contains(page) }
    }

    /// The pages of the edition at `position`, by index, whose rendering this build made rather than took from the
    /// last build: every other page of it is one `wasKept` says yes to. Nil when the edition was not recorded.
    func madeIndices(_ position: Int) -> Set<Int>? {
        lock.withLock { madeByEdition[position] }
    }

    /// The entries this build filled (reused ones included), for the next build.
    var filled: OverlaidTable<Entry> { lock.withLock { laid ?? OverlaidTable(next) } }

    /// How many pages this build reused.
    var reused: Int { lock.withLock { hits } }

    /// How many pages' keys this build hashed, rather than keeping the last build's (`key(_:_:page:)`).
    var keysHashed: Int { lock.withLock { hashes } }

    /// How many pages' last entries this build looked up by name, rather than finding them where the page was
    /// in the last build (`Order`).
    var foundByName: Int { lock.withLock { namesLooked } }

    /// How many editions' tables this build took from the last build (`lastTables`).
    var tablesTaken: Int { lock.withLock { tablesKept } }

    func noteTablesKept() {
        lock.withLock { tablesKept += 1 }
    }

    /// The pages whose entry this build made rather than took from the last build (`ShardReuse`).
    var stored: Set<String> { lock.withLock { made } }

    /// This build's entries in page order, with its tables, for the next build (`Order`).
    var filledOrder: Order { lock.withLock { order } }
}
