import Foundation
import Templates

/// Each rendered page of the last good build with what its render read, for the next build to reuse when
/// none of it changed.
///
/// A page's render sees its context — `page`, `paginator`, `current_url`, `lang` and the globals — the
/// templates, and files its filters read. What it reads is recorded where it happens (`ReadTracking`): every
/// read of a tagged mapping (`OriginTable`; the `t` filter's strings are one too, `UIStrings.origins`), every
/// template looked up by name and every file a filter read (`TemplateInputs`, with their fingerprints); the
/// rest of its context is one fingerprint (`Value.fingerprint`, tagged mappings by their tag). A page is reused
/// when that fingerprint, every read's value and every template and file are what they were; anything else
/// renders it again. So a template edit renders again only the pages that used the template, wherever the
/// lookup was (`extends`, `include`, `import`, inside a `{% cache %}` fragment: a pasted fragment's lookups
/// are the pasting page's too). Fragments kept between builds are checked the same way (`FragmentMemo`), so
/// none made with an old template is ever pasted.
///
/// Checking every read of every page costs hundreds of reads a page (every card a list shows), so reads are
/// checked through their mappings first: the table fingerprints each tagged mapping whole once a build
/// (`OriginTable.prints`), and a mapping whose whole fingerprint is the last build's gives every read of it
/// what it gave then. Only the reads of the page's own value (not in the table) and of mappings that changed
/// (or are in one build only) are compared one by one. (An entry was reused or stored by the last build, so
/// its fingerprints are that build's values; a read of a mapping neither build has saw `gone` both times.)
///
/// `@unchecked Sendable`: `next`, the counters and `changed` are behind `lock`; `previous` is never written.
final class PageMemo: @unchecked Sendable {
    struct Entry: Sendable {
        var context: UInt64
        /// Every read with what it saw, by tag.
        var reads: [(ReadKey, UInt64)]
        /// Each tag of `reads` with the end of its reads there (they start where the last tag's end).
        var origins: [(origin: UInt32, end: Int)]
        var output: Data

        init(context: UInt64, reads: [(ReadKey, UInt64)], output: Data, inputs: TemplateInputs? = nil) {
            self.context = context
            self.inputs = inputs
            self.reads = reads.sorted { $0.0.origin < $1.0.origin }
            self.output = output
            var origins: [(origin: UInt32, end: Int)] = []
            for (position, (read, _)) in self.reads.enumerated() {
                if origins.last?.origin == read.origin { origins[origins.count - 1].end = position + 1 } else { origins.append((read.origin, position + 1)) }
            }
            self.origins = origins
        }
        /// The templates and files the render used; nil when not known (restored from the CLI's cache).
        var inputs: TemplateInputs?
    }

    let table: OriginTable
    let previous: OverlaidTable<Entry>
    /// The last good build's `OriginTable.prints`, for the entries in `previous`.
    private let previousPrints: [UInt32: UInt64]
    let lock = NSLock()
    /// Under `lock`, as `order` and `keptEditions` (`PageMemo+Order`).
    var next: [String: Entry] = [:]
    var hits = 0
    /// The last good build's entries in job order (`Order`); nil when not known.
    let previousOrder: Order?
    /// This build's, by edition position, and the editions whose pages were taken from `previousOrder` by index.
    var order: [Int: Order.Edition] = [:]
    var keptEditions = Set<Int>()
    /// How many pages this build took where they were (`keptEdition`).
    var taken = 0
    /// Pages whose entry this build made (not taken from `previous`), for `ShardReuse`.
    private var made = Set<String>()
    private var changed: Set<UInt32>?

    /// This build's templates and files, which entries are checked against.
    let inputs: RenderInputs

    /// The last good build's templates with their fingerprints (`RenderInputs.fingerprints`), for the entries in
    /// `previous`; nil when not known (restored from the CLI's cache).
    private let previousTemplates: [String: UInt64]?

    init(registry: OriginRegistry, previous: OverlaidTable<Entry> = OverlaidTable(), previousPrints: [UInt32: UInt64] = [:],
         previousTemplates: [String: UInt64]? = nil, previousOrder: Order? = nil, inputs: RenderInputs) {
        table = OriginTable(registry: registry)
        self.previous = previous
        self.previousOrder = previousOrder
        self.previousTemplates = previousTemplates
        // As many entries as the last build's, so that filling ten thousand never rehashes the table.
        next.reserveCapacity(previous.count)
        self.previousPrints = previousPrints
        self.inputs = inputs
    }

    /// The fingerprint of a render's context and template, tagged mappings by their tag.
    static func contextKey(_ context: [String: Value], template: String) -> UInt64 {
        let pairs = context.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        var hasher = MemoKeyHasher()
        hasher.combine(template)
        hasher.combine(Value.dictionary(OrderedDictionary(pairs)).fingerprint)
        return hasher.value
    }

    /// The tags whose mappings differ from the last build's, as whole fingerprints (or are in one build only).
    /// Asked for once the table is sealed (while rendering), and made by the first asker.
    func changedOrigins() -> Set<UInt32> {
        lock.withLock {
            if let changed { return changed }
            let now = table.prints
            var found = Set<UInt32>()
            for (origin, print) in previousPrints where now[origin] != print { found.insert(origin) }
            for origin in now.keys where previousPrints[origin] == nil { found.insert(origin) }
            changed = found
            return found
        }
    }

    /// Whether this build's page values are the last build's (`ContentMemo`) and no tagged mapping changed, and
    /// the Markdown memo that says which pages' Markdown is; set before rendering starts (`keepsContexts`), read
    /// by every rendering thread without a lock.
    private(set) var contextsKept = false
    private(set) var markdown: MarkdownMemo?
    /// Whether this build's templates are the last build's, each with the same fingerprint (`templatesKept()`);
    /// set with `contextsKept`.
    private(set) var templatesKept = false

    /// Tells the memo, before rendering (the table sealed, the templates taken), that the page values are the
    /// last build's (`kept`), so that a page whose Markdown is the last build's too has the same context, whole
    /// (`reuseUnchanged`). Decides here, once, what would otherwise be asked again for every page: whether any
    /// tagged mapping changed, and whether the templates did.
    func keepsContexts(_ kept: Bool, markdown: MarkdownMemo?) {
        contextsKept = kept && changedOrigins().isEmpty
        self.markdown = markdown
        templatesKept = inputs.isTemplates(previousTemplates)
    }

    /// Whether `entry` (one of `previous`) used templates and files that are what they were (`RenderInputs.holds`).
    /// Every entry of `previous` was made or reused by the last good build, so each template it names had then the
    /// fingerprint it keeps (a reuse checked it); when every template has the same fingerprint now
    /// (`templatesKept`), only its files are left to compare.
    private func holds(_ entry: borrowing Entry) -> Bool {
        guard templatesKept, let used = entry.inputs else { return inputs.holds(entry.inputs) }
        return inputs.holdsFiles(used)
    }

    /// The page's last output without making its context, when that context is known to be the last build's:
    /// the page values were kept (so `site`, `collections`, `taxonomies`, every card and list, the jobs and
    /// their paginators are the same mappings), no tagged mapping changed (`data` is tagged anew), and the
    /// Markdown the page shows, if any (`PageValues.shownMarkdown`: its own, or a term's or taxonomy's
    /// description, named `"<language>|<source>"`), was taken from the last build, and the templates and files
    /// its render used are the same (`RenderInputs`).
    func reuseUnchanged(_ path: String, markdown name: () -> String?) -> Data? {
        guard contextsKept, let entry = previous[path], holds(entry) else { return nil }
        if let name = name() { guard markdown?.wasKept(name) == true else { return nil } }
        lock.withLock {
            hits += 1
            next[path] = entry
        }
        return entry.output
    }

    /// The page's last output, if its context is the same and every value its render read is too (`page`: the
    /// page's own tagged value, which the table does not keep). Only the reads of its own value and of
    /// mappings that changed are compared one by one.
    func reuse(_ path: String, context: UInt64, page: OrderedDictionary?) -> Data? {
        guard let entry = previous[path], entry.context == context, holds(entry) else { return nil }
        let changed = changedOrigins()
        let own = page?.origin ?? 0
        var start = 0
        for (origin, end) in entry.origins {
            if origin == own || (!changed.isEmpty && changed.contains(origin)) {
                for position in start..<end where table.fingerprint(entry.reads[position].0, page: page) != entry.reads[position].1 {
                    return nil
                }
            }
            start = end
        }
        lock.withLock {
            hits += 1
            next[path] = entry
        }
        return entry.output
    }

    /// Keeps a page just rendered, with the values of what it read (as this build has them).
    func store(_ path: String, context: UInt64, reads: RecordedReads, output: Data, page: OrderedDictionary?) {
        let entry = Entry(context: context, reads: fingerprints(of: reads.reads, page: page, last: previous[path]), output: output,
                          inputs: inputs.capture(reads))
        lock.withLock {
            next[path] = entry
            made.insert(path)
        }
    }

    /// The entries of this build (reused ones included), for the next: with editions taken by index
    /// (`keptEdition`), the last table with this build's other entries put in (`PageMemo+Order`).
    var filled: OverlaidTable<Entry> { lock.withLock { filledTable() } }

    /// How many pages this build reused.
    var reused: Int { lock.withLock { hits } }

    /// How many of them it took where they were in the last build's jobs (`PageMemo+Order`).
    var takenWhereTheyWere: Int { lock.withLock { taken } }

    /// The pages whose entry this build made rather than took from the last build (`ShardReuse`).
    var stored: Set<String> { lock.withLock { made } }
}
