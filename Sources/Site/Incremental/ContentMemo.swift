import Content
import Templates
import Markdown
import SiteInputs

/// The content step's part in an incremental build: the content set to use instead of loading it (the last
/// good build's, with edited bodies put in), and what loading read, kept apart for the next build.
///
/// Content is a function of the files the load read (`site.yml`, the `content/` listing and its pages), and a
/// page's body is copied into its `Page` and nowhere else (`ContentSet.replaceBody`). So when every changed
/// input is a page whose front matter is the same text on the same lines (`PageParseMemo.bodyEdit`), the last
/// set with the new bodies is what a load would make, and the load's reads are the last load's with the new
/// fingerprints of the edited pages. The session decides that (`BuildSession.bodyEdits`); the build uses `given`
/// and hands what it used back through `keep`.
///
/// With the content kept, the page values are too when no page's summary changed (an edited body can change
/// its page's excerpt): they are made from the content set, the URLs and the summaries only (`PageValues`), so
/// the last build's are what this one would make, and its origin table's mappings are this build's as well.
/// After title edits (`retitled`, offered only where `PageValues.retitles`), the last values are taken with the
/// retitled pages' refs and cards, and the mappings that hold them, made again (`PageValues.retitled`); the
/// plans are made again.
///
/// `@unchecked Sendable`: `loaded`, `values` and `summaries` are written by the build's thread, before the
/// session reads them.
final class ContentMemo: @unchecked Sendable {
    /// The content to use instead of loading; nil: load.
    let given: [ContentSet]?
    /// What loading read (filled by the load, or beforehand with `given`'s reads); copied into the build's log.
    let log: ReadLog
    /// The last build's page values, the summaries they were made with, and its origin table: offered with `given`.
    let lastValues: (values: [PageValues], summaries: [[String]], table: OriginTable)?
    /// The page values this build used and their summaries.
    private(set) var values: [PageValues]?
    private(set) var summaries: [[String]] = []
    /// Whether the values were the last build's.
    private(set) var valuesKept = false
    /// Whether the page values are the last build's, kept whole or with retitled pages' mappings made again: most
    /// of their mappings are then the very ones the last build rendered (`BuildSession` keeps its fragments).
    private(set) var valuesCarried = false
    /// The last build's plans of every edition's pages (offered with `lastValues`), and this build's.
    let lastPlans: [PagePlan]?
    private(set) var plans: [PagePlan]?

    /// How many pages' bodies `given` has new (0 without `given`).
    let edits: Int
    /// The pages of `given`'s default language whose titles are new (`ContentSet.replaceTitle`), by index.
    let retitled: [Int]
    /// The content this build used.
    private(set) var loaded: [ContentSet]?

    init(given: [ContentSet]? = nil, reads: [String: ReadLog.Entry] = [:], edits: Int = 0, retitled: [Int] = [],
         lastValues: (values: [PageValues], summaries: [[String]], table: OriginTable)? = nil, lastPlans: [PagePlan]? = nil) {
        self.given = given
        self.lastValues = given == nil ? nil : lastValues
        self.lastPlans = given == nil || lastValues == nil ? nil : lastPlans
        self.edits = edits
        self.retitled = retitled
        log = ReadLog()
        log.record(contentsOf: reads)
    }

    /// Keeps the content the build uses and adds what loading it read to the build's log.
    func keep(_ editions: [ContentSet], into buildLog: ReadLog?) {
        loaded = editions
        guard let buildLog else { return }
        buildLog.record(contentsOf: log.snapshot)
    }

    /// The page values of `editions`: the last build's when the content was kept and every summary is the same
    /// (their mappings adopted by `table`), or made by `make`. Kept for the next build either way.
    func pageValues(_ editions: [ContentSet], rendered: [[RenderedMarkdown?]], table: OriginTable?,
                    make: () -> [PageValues]) -> [PageValues] {
        summaries = editions.indices.map { position in
            editions[position].pages.indices.map { PageValues.summary(of: editions[position].pages[$0], rendered: rendered[position][$0]) }
        }
        if let last = lastValues, let table, last.summaries == summaries {
            table.adopt(last.table)
            guard !retitled.isEmpty else {
                values = last.values
                valuesKept = true
                valuesCarried = true
                return last.values
            }
            // New titles: the last values with the retitled pages' refs and cards, and what holds them, made again.
            var changed: [UInt32: OrderedDictionary] = [:]
            let made = [last.values[0].retitled(retitled, content: editions[0], changed: &changed)]
            table.replace(changed)
            values = made
            valuesCarried = true
            return made
        }
        let made = make()
        values = made
        return made
    }

    /// The last build's plans, when the page values are the last build's: a plan is made of the content without
    /// its bodies (which `given` has as they were), the URLs and the page values (`PagePlan.make`).
    var keptPlans: [PagePlan]? { valuesKept ? lastPlans : nil }

    /// Keeps the plans this build used, for the next.
    func keep(_ plans: [PagePlan]) {
        self.plans = plans
    }
}
