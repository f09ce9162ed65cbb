import Content

/// The memo tables a build reads from and fills (`BuildSession`): nil tables are neither read nor filled, as in
/// a one-off build, which is the same list of steps with nothing to reuse.
struct BuildMemos: Sendable {
    /// Parsed pages by path and bytes (`PageParseMemo`, in Content): exact whatever else changed.
    var parse: PageParseMemo?
    /// Rendered Markdown per page (`MarkdownMemo`).
    var markdown: MarkdownMemo?
    /// Rendered pages with what their renders read (`PageMemo`); also where page values are tagged.
    var pages: PageMemo?
    /// `{% cache %}` fragments kept from the last build and for the next (`FragmentMemo`).
    var fragments: FragmentMemo?
    /// The link check's scans and what it may skip (`LinkMemo`).
    var links: LinkMemo?
    /// The built-in sitemap and feeds by what they were made from (`FeedsMemo`).
    var feeds: FeedsMemo?
    /// The search index's texts, terms and shards by what each was made from (`SearchMemo`).
    var search: SearchMemo?
    /// Data files' values and UI strings' YAML by their bytes (`ParseMemo`).
    var parsed: ParseMemo?
    /// The claims ledger's checks of the pages by what each read (`LedgerMemo`).
    var ledger: LedgerMemo?
    /// The content to use instead of loading it, and what loading read (`ContentMemo`).
    var content: ContentMemo?
    /// This build's templates and files, which the Markdown and page memos' entries are checked against.
    var inputs: RenderInputs?

    /// Nothing to reuse, nothing kept.
    static let none = BuildMemos()
}
