/// Which of the last build's memo tables a build may use, given which of its inputs changed (`InputChanges`).
///
/// Each memo entry is checked on its own against what its render used, so a table is dropped only for a
/// change its entries cannot see:
/// - The page table is always kept. A page's render sees its context, the values it reads, the templates it
///   looks up (with the filters' settings, `TemplateSet.fingerprints`), the strings `t` looks up and the files
///   filters read, every one recorded where it happens and compared key by key (`PageMemo`), whichever file
///   the change came from.
/// - The Markdown table is kept after edits of pages (keyed), templates, UI strings (recorded by components'
///   renders), data, static files and content assets, unless one of the files the Markdown step itself read
///   changed (an image's size, the components' declarations, the `static/` listing: `MarkdownMemo.reads`) or
///   that list is not known. Anything else (`site.yml`, whose settings reach the step in ways its key does not
///   cover, the ledger's texts, a path this list does not know) drops it.
/// - Entries with no recorded templates and files (`TemplateInputs`) are trusted only when nothing but Markdown
///   pages changed.
struct ReusePlan: Equatable, Sendable {
    var markdown: Bool
    var pages: Bool
    /// Whether entries with no recorded templates and files may be reused (`RenderInputs.trustsUntracked`).
    var trustsUntracked: Bool

    static let nothing = ReusePlan(markdown: false, pages: false, trustsUntracked: false)

    /// The folders whose files reach the Markdown step only through its key, what its components' renders
    /// record, or its own reads.
    static let markdownFolders = ["content/", "templates/", "data/", "i18n/", "static/"]

    /// - Parameter markdownReads: the paths the last build's Markdown step read; nil when not known.
    static func after(_ changes: InputChanges, markdownReads: Set<String>?) -> ReusePlan {
        if changes.touchesOnlyPages { return ReusePlan(markdown: true, pages: true, trustsUntracked: true) }
        let markdown = changes.paths.allSatisfy { path in markdownFolders.contains { path.hasPrefix($0) } }
            && markdownReads.map { reads in !changes.paths.contains { reads.contains($0) } } ?? false
        return ReusePlan(markdown: markdown, pages: true, trustsUntracked: false)
    }

    /// Whether a build that used what `self` allows used nothing `other` forbids.
    func isWithin(_ other: ReusePlan) -> Bool {
        (!markdown || other.markdown) && (!pages || other.pages) && (!trustsUntracked || other.trustsUntracked)
    }
}
