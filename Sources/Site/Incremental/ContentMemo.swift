import Content
import SiteInputs

/// The content step's part in an incremental build: the content set to use instead of loading it (the last
/// good build's, with edited bodies put in), and what loading read, kept apart for the next build.
///
/// Content is a function of the files the load read (`site.yml`, the `content/` listing and its pages), and a
/// page's body is copied into its `Page` and nowhere else (`ContentSet.replacingBody`). So when every changed
/// input is a page whose front matter is the same text on the same lines (`PageParseMemo.bodyEdit`), the last
/// set with the new bodies is what a load would make, and the load's reads are the last load's with the new
/// fingerprints of the edited pages. The session decides that (`BuildSession.bodyEdits`); the build uses `given`
/// and hands what it used back through `keep`.
///
/// `@unchecked Sendable`: `loaded` is written once, by the build's thread, before the session reads it.
final class ContentMemo: @unchecked Sendable {
    /// The content to use instead of loading; nil: load.
    let given: [ContentSet]?
    /// What loading read (filled by the load, or beforehand with `given`'s reads); copied into the build's log.
    let log: ReadLog
    /// How many pages' bodies `given` has new (0 without `given`).
    let edits: Int
    /// The content this build used.
    private(set) var loaded: [ContentSet]?

    init(given: [ContentSet]? = nil, reads: [String: ReadLog.Entry] = [:], edits: Int = 0) {
        self.given = given
        self.edits = edits
        log = ReadLog()
        for (path, entry) in reads { log.record(path, entry) }
    }

    /// Keeps the content the build uses and adds what loading it read to the build's log.
    func keep(_ editions: [ContentSet], into buildLog: ReadLog?) {
        loaded = editions
        guard let buildLog else { return }
        for (path, entry) in log.snapshot { buildLog.record(path, entry) }
    }
}
