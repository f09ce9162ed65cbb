import Content
import Foundation
import SiteInputs
import Templates

/// Builds a site again and again (the preview server, or the CLI with its cache), redoing only what changed.
///
/// The session keeps the last good build: what it read (`ReadLog`), its result and its memo tables. The next
/// build first asks which of those reads differ on disk now (`InputChanges`):
/// - none: the result is the same as last time (a build is a function of the files it read and its
///   options), so it is returned without building;
/// - otherwise the build runs with the last build's memo tables that `ReusePlan` keeps: each page's Markdown
///   reused when its key and what its components used say nothing it reads changed (`MarkdownMemo`; the
///   table is dropped after an edit of `site.yml` or of a file the Markdown step itself read), and each HTML
///   page reused when its context and every value, template and file its render used are what they were
///   (`PageMemo`).
/// Three memos are kept whatever changed, because they are exact by what they are keyed on and record:
/// parsed pages, by each file's bytes (`PageParseMemo`), rendered pages, and the link check's scans and
/// verdicts, by the output (`LinkMemo`). After a build that reused anything, its own read log is compared with
/// the last one: an input that changed while the build was reading (or that the build read for the first
/// time) and whose plan forbids what was reused means the memos were trusted on stale grounds, and the build
/// is made again without them. A failed build changes nothing in the session, so fixing the file rebuilds from
/// the last good state.
///
/// `@unchecked Sendable`: builds are serialised by `lock`, which guards every stored property.
public final class BuildSession: @unchecked Sendable {
    /// Whether builds reuse anything; false makes every build a full one (`--no-incremental`).
    public let isIncremental: Bool
    private let lock = NSLock()
    private let templates = BuildCache()
    private let origins = OriginRegistry()
    /// Kept across every build of the session, failed ones included: its entries are exact by their bytes.
    private let parsed = PageParseMemo()
    private var last: LastBuild?
    /// What changed since `last`, when `SessionCache` has already compared the inputs (by their stamps): the next
    /// build takes it instead of checking every input again.
    private var knownChanges: InputChanges?
    /// What the preview's watcher said changed since `last` (`expect(changedPaths:)`).
    private var watched = WatchedPaths()

    /// What the last good build read and made.
    struct LastBuild {
        var key: OptionsKey
        var reads: [String: ReadLog.Entry]
        var site: BuiltSite
        var markdown: OverlaidTable<MarkdownMemo.Entry>
        /// The same entries in page order, with the Markdown step's tables (`MarkdownMemo.Order`); nil when not known.
        var markdownOrder: MarkdownMemo.Order? = nil
        /// Rendered pages by output path (restored from the CLI's cache with their outputs read back).
        var pages = OverlaidTable<PageMemo.Entry>()
        /// The same entries in job order (`PageMemo.Order`); nil when not known.
        var pageOrder: PageMemo.Order? = nil
        /// Each tagged mapping's whole fingerprint in that build (`OriginTable.prints`), for `pages`.
        var prints: [UInt32: UInt64] = [:]
        /// Its templates with their fingerprints (`RenderInputs.fingerprints`), for `pages`; nil when restored.
        var templates: [String: UInt64]? = nil
        /// The link check's scans.
        var links = LinkMemo.State()
        /// What `lstat` said about its input files before they were read (`InputStamps`); nil: read them all.
        var stamps: InputStamps?
        /// The content it built from and what loading it read (`ContentMemo`); nil when not kept.
        var content: [ContentSet]?
        var contentReads: [String: ReadLog.Entry] = [:]
        /// Its page values with the summaries they were made with, and the origin table that tagged them.
        var values: (values: [PageValues], summaries: [[String]], table: OriginTable)?
        /// Its plans of the pages, made from the same content and values (`ContentMemo.keptPlans`).
        var plans: [PagePlan]? = nil
        /// What the Markdown step read (`MarkdownMemo.reads`); nil when not known.
        var markdownReads: Set<String>? = nil
        /// Its built-in sitemap and feeds with what each was made from (`FeedsMemo`).
        var feeds: FeedsMemo.State = [:]
        /// Its search index's texts, terms and shards with what each was made from (`SearchMemo`).
        var search = SearchMemo.State()
        /// Its data files' values and UI strings' YAML with their bytes (`ParseMemo`).
        var parsedFiles = ParseMemo.State()
        /// Its claims ledger's checks of the pages with what each read (`LedgerMemo`).
        var ledger = LedgerMemo.State()
        /// Its `{% cache %}` fragments by language, with what each read (`FragmentMemo`); empty when restored
        /// from the CLI's cache.
        var fragments: [String: FragmentCache] = [:]
        /// Whether `SessionCache.restore` gave this build (it was decoded, not made).
        var isRestored = false
        /// The keys whose entries were made since the restored build (`ShardReuse`): empty for the restored build
        /// itself, set for a build whose last build was the restored one, nil for any other.
        var storedSinceRestore: ShardReuse.Stored? = nil
    }

    /// The options that change a build's output, besides its inputs.
    struct OptionsKey: Equatable {
        var root: String
        var includeDrafts: Bool
        var reusesFragments: Bool
        var imageCache: String?

        init(_ options: BuildOptions) {
            root = options.root.standardizedFileURL.path
            includeDrafts = options.includeDrafts
            reusesFragments = options.reusesFragments
            imageCache = options.imageCache?.standardizedFileURL.path
        }
    }

    public init(incremental: Bool = true) {
        isIncremental = incremental
    }

    /// Builds the site, reusing what the last good build of the same options made where nothing it depends on
    /// changed. The result is byte for byte what `SiteBuilder.build` would make now.
    /// - Throws: `BuildFailure`, as `SiteBuilder.build`; the session then keeps its last good build.
    public func build(_ options: BuildOptions) throws(BuildFailure) -> BuiltSite {
        lock.lock()
        defer { lock.unlock() }
        var options = options
        if options.cache == nil { options.cache = templates }
        guard isIncremental else { return try SiteBuilder.build(options) }
        let given = options.readLog
        let key = OptionsKey(options)
        // The last content, lent to this build before `previous` copies the last build (`LentContent`), and given
        // back unless this build takes the last build's place.
        let lent = last?.key == key ? last?.content.map(LentContent.init) : nil
        if lent != nil { last?.content = nil }
        var replacedLast = false
        defer { if !replacedLast, let lent { last?.content = lent.giveBack() } }
        let previous = last?.key == key ? last : nil
        var clock = StepClock()
        var summary = IncrementalSummary()
        var plan = ReusePlan.nothing
        let known = knownChanges
        knownChanges = nil
        // Told to the next build as well when this one fails: the session stays at the same last good build.
        let told = watched
        watched = WatchedPaths()
        var succeeded = false
        defer { if !succeeded { watched = told } }
        var stamps: InputStamps?
        var edited: ContentMemo?
        if let previous {
            let changes = known ?? clock.step("check inputs") { () -> InputChanges in
                let root = options.root.standardizedFileURL
                // Only what the watcher saw written, when it is sure of it (`InputChanges.since(_:root:stamps:watched:)`).
                if let paths = told.paths, let checked = InputChanges.since(previous.reads, root: root, stamps: previous.stamps, watched: paths) {
                    summary.watcherNamed = paths.count
                    return checked
                }
                return InputChanges.since(previous.reads, root: root, stamps: previous.stamps)
            }
            stamps = changes.stamps
            summary.changedInputs = changes.paths.count
            if changes.isEmpty && !options.measuresTemplates {
                last?.stamps = stamps
                var site = previous.site
                summary.reusedWholeBuild = true
                site.timings = clock.timings
                site.incremental = summary
                given.map { Self.copy(previous.reads, into: $0) }
                succeeded = true
                return site
            }
            plan = ReusePlan.after(changes, markdownReads: previous.markdownReads)
            // Only pages changed: perhaps only their bodies, and the last content can be kept (`ContentMemo`).
            if changes.touchesOnlyPages, let lent {
                edited = clock.step("read edited pages") { bodyEdits(changes, content: lent, previous: previous, root: options.root) }
            } else if let lent {
                edited = Self.contentKept(changes, content: lent, previous: previous)
            }
        }
        var (site, log, memos) = try attempt(options, reusing: previous, plan: plan, content: edited)
        if plan != .nothing, let previous,
           !plan.isWithin(ReusePlan.after(InputChanges.between(previous.reads, log.snapshot), markdownReads: previous.markdownReads)) {
            (site, log, memos) = try attempt(options, reusing: previous, plan: .nothing)
        }
        let reads = log.snapshot
        let markdown = memos.markdown?.filled ?? OverlaidTable()
        let pages = memos.pages?.filled ?? OverlaidTable()
        summary.markdownReused = memos.markdown?.reused ?? 0
        summary.markdownRendered = markdown.count - summary.markdownReused
        summary.markdownKeysHashed = memos.markdown?.keysHashed ?? 0
        summary.markdownFoundByName = memos.markdown?.foundByName ?? 0
        summary.markdownTablesKept = memos.markdown?.tablesTaken ?? 0
        summary.pagesReused = memos.pages?.reused ?? 0
        summary.pagesRendered = pages.count - summary.pagesReused
        summary.pagesTakenWhereTheyWere = memos.pages?.takenWhereTheyWere ?? 0
        summary.fragmentsKept = memos.fragments?.filled.values.reduce(0) { $0 + $1.takenFromLastBuild } ?? 0
        site.timings = clock.timings + site.timings
        summary.linksChecked = memos.links?.checked
        summary.searchReused = memos.search?.reused ?? 0
        summary.filesParsedReused = memos.parsed?.reused ?? 0
        summary.ledgerPagesReused = memos.ledger?.reused ?? 0
        summary.parsesReused = parsed.reused
        summary.bodiesEdited = memos.content?.given == nil ? nil : edited?.edits
        site.incremental = summary
        last = LastBuild(key: key, reads: reads, site: site, markdown: markdown, markdownOrder: memos.markdown?.filledOrder, pages: pages,
                         pageOrder: memos.pages?.filledOrder,
                         prints: memos.pages?.table.prints ?? [:], links: memos.links?.filled ?? .init(), stamps: stamps,
                         content: memos.content?.loaded, contentReads: memos.content?.log.snapshot ?? [:],
                         values: Self.values(memos), markdownReads: memos.markdown.map { Set($0.reads.snapshot.keys) },
                         feeds: memos.feeds?.filled ?? [:], search: memos.search?.filled ?? SearchMemo.State(),
                         parsedFiles: memos.parsed?.filled ?? ParseMemo.State(), ledger: memos.ledger?.filled ?? LedgerMemo.State(),
                         fragments: Self.fragments(memos))
        replacedLast = true
        last?.templates = memos.inputs?.fingerprints
        last?.plans = memos.content?.plans
        if let previous, previous.isRestored {
            let links = ShardReuse.storedLinks(memos.links?.filled.pages ?? [:], previous: previous.links.pages)
            last?.storedSinceRestore = ShardReuse.Stored(markdown: memos.markdown?.stored ?? [], pages: memos.pages?.stored ?? [],
                                                         links: links)
        }
        given.map { Self.copy(reads, into: $0) }
        succeeded = true
        // This build's memos and the last build's tables hold the only references to the entries this build did
        // not keep: freed here, ten thousand pages' worth took ~15 ms on the way from save to browser.
        BackgroundRelease.drop((consume memos, consume previous))
        return site
    }

    /// Takes what a file watcher saw change before the next build: the root-relative paths of the files written
    /// since the last build, or nil when it cannot be sure nothing else changed. The next build then checks only
    /// those files and the inputs the watcher does not cover (`InputChanges.since(_:root:stamps:watched:)`);
    /// without a word from the watcher, or after an unsure one, it checks every input.
    public func expect(changedPaths: Set<String>?) {
        lock.withLock { watched.add(changedPaths) }
    }

    /// The last good build, for `SessionCache`; nil before the first.
    var lastBuild: LastBuild? {
        lock.withLock { last }
    }

    /// Takes `build` as the last good build (`SessionCache.restore`, which has checked it), with the names of
    /// the tags its page memo's reads use, and which of its inputs have changed since (`changes`).
    func restore(_ build: LastBuild, origins names: [String], changes: InputChanges? = nil) {
        lock.withLock {
            origins.restore(names)
            last = build
            knownChanges = changes
        }
    }

    /// The names of every tag handed out so far (`OriginRegistry.names`).
    var originNames: [String] { origins.names }

    /// One build with a fresh read log, and memos holding what `previous` made that `plan` keeps (empty ones
    /// otherwise), and `content` when only pages' bodies changed. The link check's memo depends only on outputs,
    /// so it is kept whatever changed (`LinkMemo`).
    private func attempt(_ options: BuildOptions, reusing previous: LastBuild?, plan: ReusePlan,
                         content: ContentMemo? = nil) throws(BuildFailure) -> (BuiltSite, ReadLog, BuildMemos) {
        var options = options
        let log = ReadLog()
        options.readLog = log
        let inputs = RenderInputs(root: options.root.standardizedFileURL, log: log, trustsUntracked: plan.trustsUntracked)
        let pages = PageMemo(registry: origins, previous: plan.pages ? previous?.pages ?? OverlaidTable() : OverlaidTable(),
                             previousPrints: plan.pages ? previous?.prints ?? [:] : [:],
                             previousTemplates: plan.pages ? previous?.templates : nil,
                             previousOrder: plan.pages ? previous?.pageOrder : nil, inputs: inputs)
        let memos = BuildMemos(parse: parsed,
                               markdown: MarkdownMemo(previous: plan.markdown ? previous?.markdown ?? OverlaidTable() : OverlaidTable(),
                                                      order: plan.markdown ? previous?.markdownOrder : nil, inputs: inputs,
                                                      table: pages.table, log: log),
                               pages: pages,
                               fragments: FragmentMemo(table: pages.table, inputs: inputs,
                                                       previous: plan.pages ? previous?.fragments ?? [:] : [:]),
                               links: LinkMemo(previous: previous?.links ?? .init()),
                               feeds: FeedsMemo(previous: previous?.feeds ?? [:]),
                               search: SearchMemo(previous: previous?.search ?? SearchMemo.State()),
                               parsed: ParseMemo(previous: previous?.parsedFiles ?? ParseMemo.State()),
                               ledger: LedgerMemo(previous: previous?.ledger ?? LedgerMemo.State()),
                               content: content ?? ContentMemo(), inputs: inputs)
        let site = try SiteBuilder.build(options, memos: memos)
        return (site, log, memos)
    }

    /// The last build's content with the edited pages' new bodies, when every changed input is a page (an
    /// original or a translation, `ContentSet.page(editedAt:)`) whose edit is in the body only
    /// (`PageParseMemo.bodyEdit`), or in its title line and body (`PageParseMemo.titleEdit`) where a title reaches
    /// nothing else in the content (`ContentSet.acceptsTitleEdit`); nil: load the content. A new title changes the
    /// page values: the last ones are offered with the retitled pages (`ContentMemo.retitled`) where the new titles
    /// reach them only through those pages' refs and cards (`PageValues.retitles`).
    private func bodyEdits(_ changes: InputChanges, content: LentContent, previous: LastBuild, root: URL) -> ContentMemo? {
        guard !changes.paths.contains("content/"), let inputs = try? SiteInputs(root: root.standardizedFileURL) else { return nil }
        var reads = previous.contentReads
        var titles: [Int] = []
        let languages = content.editions[0].config.languageSettings
        for path in changes.paths {
            guard case .file(let fingerprint)? = reads[path], let bytes = try? inputs.read(path),
                  let (edition, index) = ContentSet.page(editedAt: path, in: content.editions) else {
                // Not bodies only: the content goes back as it was lent, and the build loads it.
                _ = content.giveBack()
                return nil
            }
            if let body = parsed.bodyEdit(path, bytes: bytes, was: fingerprint, languages: languages) {
                content.replaceBody(of: index, in: edition, with: body)
            } else if edition == 0, ContentSet.acceptsTitleEdit(of: index, in: content.editions),
                      let edit = parsed.titleEdit(path, bytes: bytes, was: fingerprint, languages: languages) {
                content.replaceTitle(of: index, with: edit)
                titles.append(index)
            } else {
                _ = content.giveBack()
                return nil
            }
            reads[path] = .file(fingerprint: ReadLog.fingerprint(bytes))
        }
        // Values with new titles are the last ones with those titles put in where that is all they change.
        let values = titles.isEmpty || PageValues.retitles(titles, in: content.editions) ? previous.values : nil
        return ContentMemo(given: content.editions, reads: reads, edits: changes.paths.count, retitled: titles, lastValues: values,
                           lastPlans: titles.isEmpty ? previous.plans : nil)
    }

    /// The last build's content as it was, when no change is to an input its load read (a template, a data file,
    /// UI strings or a static file changed, nothing under `content/` and not `site.yml`): content is a function of
    /// the files the load read, so loading again would make the same set. The page values are offered too, and
    /// are kept where every summary is the same (`ContentMemo.pageValues`: a template a component uses can change
    /// the Markdown); nil when a change may touch the content.
    private static func contentKept(_ changes: InputChanges, content: LentContent, previous: LastBuild) -> ContentMemo? {
        guard !previous.contentReads.isEmpty,
              changes.paths.allSatisfy({ previous.contentReads[$0] == nil && !$0.hasPrefix("content/") && $0 != "site.yml" })
        else { return nil }
        return ContentMemo(given: content.editions, reads: previous.contentReads, lastValues: previous.values,
                           lastPlans: previous.plans)
    }

    /// What the next build may keep of this one's page values (`ContentMemo.pageValues`).
    private static func values(_ memos: BuildMemos) -> (values: [PageValues], summaries: [[String]], table: OriginTable)? {
        guard let values = memos.content?.values, let table = memos.pages?.table else { return nil }
        return (values, memos.content?.summaries ?? [], table)
    }

    /// The fragments for the next build: this build's caches, which share the earlier builds' fragments
    /// (`FragmentCache(carry:previous:)`). When the page values were made anew, no key that names their old
    /// mappings can match again, and the earlier builds' fragments are let go; when they were the last build's
    /// (kept, or retitled), those fragments serve the pages this build reused without rendering them.
    private static func fragments(_ memos: BuildMemos) -> [String: FragmentCache] {
        let filled = memos.fragments?.filled ?? [:]
        if memos.content?.valuesCarried != true { for cache in filled.values { cache.dropEarlierBuilds() } }
        return filled
    }

    private static func copy(_ reads: [String: ReadLog.Entry], into log: ReadLog) {
        log.record(contentsOf: reads)
    }
}
