/// Which of the last build's memo tables a build may use, given which of its inputs changed (`InputChanges`).
///
/// Each memo entry is checked on its own against what its render used (`MarkdownMemo`, `PageMemo`: the
/// values, templates, strings and files it read, recorded where they were read), so a table is dropped only
/// for a change its entries cannot see:
/// - Markdown pages only: both tables, and entries restored from the CLI's cache (which keeps no template
///   inputs) may be trusted, since no template or file they used changed.
/// - Templates, data, UI strings, static files, content assets: the page table; and the Markdown table
///   unless one of the files the Markdown step itself read changed (an image's size, the components'
///   declarations, the `static/` listing: `MarkdownMemo.reads`) or that list is not known.
/// - Anything else (`site.yml`, whose settings reach the Markdown step in ways its key does not cover, the
///   ledger's texts, a path this list does not know): neither; a full build.
struct ReusePlan: Equatable, Sendable {
    var markdown: Bool
    var pages: Bool
    /// Whether entries with no recorded templates and files may be reused (`RenderInputs.trustsUntracked`).
    var trustsUntracked: Bool

    static let nothing = ReusePlan(markdown: false, pages: false, trustsUntracked: false)

    /// The folders whose files reach a render only through what it records (values, templates looked up,
    /// strings, files read by filters) or through the Markdown step's own reads.
    static let recordedFolders = ["content/", "templates/", "data/", "i18n/", "static/"]

    /// - Parameter markdownReads: the paths the last build's Markdown step read; nil when not known.
    static func after(_ changes: InputChanges, markdownReads: Set<String>?) -> ReusePlan {
        if changes.touchesOnlyPages { return ReusePlan(markdown: true, pages: true, trustsUntracked: true) }
        let recorded = changes.paths.allSatisfy { path in recordedFolders.contains { path.hasPrefix($0) } }
        guard recorded else { return .nothing }
        let markdown = markdownReads.map { reads in !changes.paths.contains { reads.contains($0) } } ?? false
        return ReusePlan(markdown: markdown, pages: true, trustsUntracked: false)
    }

    /// Whether a build that used what `self` allows used nothing `other` forbids.
    func isWithin(_ other: ReusePlan) -> Bool {
        (!markdown || other.markdown) && (!pages || other.pages) && (!trustsUntracked || other.trustsUntracked)
    }
}
