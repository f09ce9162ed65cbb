/// What an incremental build (`BuildSession`) reused, for `--verbose`, the preview's log line and tests.
public struct IncrementalSummary: Sendable, Equatable {
    /// How many of the last build's inputs had changed (nil: there was no last build to compare with).
    public var changedInputs: Int?
    /// How many files a file watcher named as written when the check took its word and checked only those (and
    /// what it does not cover); nil: every input was checked (`BuildSession.expect(changedPaths:)`).
    public var watcherNamed: Int?
    /// Nothing had changed, so the last build's result was returned as it was, without building.
    public var reusedWholeBuild = false
    /// Page files whose parse (front matter and body) was taken from the memo.
    public var parsesReused = 0
    /// When every change was to pages' bodies, or to no input the content's load read (a template, a data file):
    /// the last build's content was kept with this many new bodies put in (`ContentMemo`; 0 for none), and nothing
    /// was loaded; nil when the content was loaded.
    public var bodiesEdited: Int?
    /// Pages whose Markdown was taken from the memo, and pages whose Markdown was rendered.
    public var markdownReused = 0
    public var markdownRendered = 0
    /// Pages whose Markdown memo key was hashed; the others kept the last build's (`MarkdownMemo.KeyParts`).
    public var markdownKeysHashed = 0
    /// Pages whose last Markdown entry was looked up by name; the others were found where the page was in the last
    /// build (`MarkdownMemo.Order`).
    public var markdownFoundByName = 0
    /// Languages whose link tables were the last build's (`MarkdownStage.Tables`); the others were made.
    public var markdownTablesKept = 0
    /// Pages (HTML files rendered through templates) taken from the memo, and pages rendered.
    public var pagesReused = 0
    public var pagesRendered = 0
    /// `{% cache %}` fragments and pure macro calls the pages rendered took from the last build (`FragmentMemo`).
    public var fragmentsKept = 0
    /// Of the pages reused, those taken where they were in the last build's jobs, without being looked up one by
    /// one (`PageMemo.Order`).
    public var pagesTakenWhereTheyWere = 0
    /// Pages whose links were checked, when fewer than all (nil: every page).
    public var linksChecked: Int?
    /// Page texts, term lists and shards of the search index taken from the memo (`SearchMemo`).
    public var searchReused = 0
    /// Data files and UI strings files whose parse was the last build's (`ParseMemo`).
    public var filesParsedReused = 0
    /// Pages whose claims ledger check was the last build's (`LedgerMemo`).
    public var ledgerPagesReused = 0

    public init() {}

    /// One line: `incremental: 2 inputs changed; Markdown 76 reused, 1 rendered`.
    public var description: String {
        var text = "incremental: "
        if let changedInputs { text += "\(changedInputs) input\(changedInputs == 1 ? "" : "s") changed" } else { text += "first build" }
        if let watcherNamed { text += " (checked the \(watcherNamed) file\(watcherNamed == 1 ? "" : "s") the watcher named)" }
        if reusedWholeBuild { return text + "; nothing to do, last build reused" }
        let content = bodiesEdited.map { $0 == 0 ? "content kept" : "content kept, \($0) bod\($0 == 1 ? "y" : "ies") edited" }
            ?? "parses \(parsesReused) reused"
        return text + "; \(content); Markdown \(markdownReused) reused, \(markdownRendered) rendered; "
            + "pages \(pagesReused) reused, \(pagesRendered) rendered; "
            + (linksChecked.map { "links checked on \($0) changed page\($0 == 1 ? "" : "s")" } ?? "links checked on every page")
            + (fragmentsKept > 0 ? "; \(fragmentsKept) fragments and macro calls kept" : "")
            + (searchReused > 0 ? "; search index: \(searchReused) texts, term lists and shards reused" : "")
    }
}
