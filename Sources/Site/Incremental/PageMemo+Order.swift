import Content
import Foundation
import Templates

extension PageMemo {
    /// A build's entries in job order, edition by edition, for the next build to take an unchanged page where it
    /// was instead of by its path.
    ///
    /// On a body edit every job is where it was (the page values and the plan are the last build's), and every
    /// page but the edited one is reused without its context being made (`reuseUnchanged`). Asking that of each
    /// page by its path made the path, looked it up in `previous`, made the name of its Markdown and looked that
    /// up, and put the entry into `next`, ten thousand times, under locks. With the jobs at the same URLs in the
    /// same order, the entry at a job's index is the one `previous` holds under its path, so `keptEdition` decides
    /// for the whole edition at once what `reuseUnchanged` decides for each page (the contexts, the templates and
    /// the files its renders read are the last build's), and only the pages whose Markdown this build made are
    /// left to render or check one by one.
    struct Order: Sendable {
        struct Edition: Sendable {
            var language: String
            /// By job index: the job's URL, its output path (the entry's name in `filled`) and its entry.
            var urls: [String]
            var paths: [String]
            var entries: [Entry]
            /// Entries put in since `entries` was made, by index, which take the place of those there: a body edit
            /// then copies none of the others (`entries` is shared with the last build's); folded into `entries`
            /// once they are many.
            var changed: [Int: Entry] = [:]
            /// Every file the entries' renders read, each with the fingerprint all of them saw; nil when not known
            /// (an entry restored without its inputs, or a file two entries saw with different bytes).
            var files: [String: UInt64]?
            /// The edition's pages as the render step returned them, by path: the next build's step starts from
            /// this table and puts in the pages it rendered, instead of putting every page into a new one.
            var outputs: [String: Data] = [:]

            /// The entry of the job at `index`.
            func entry(at index: Int) -> Entry { changed[index] ?? entries[index] }
        }

        var editions: [Edition] = []
    }

    /// An edition taken from the last build by index, and the pages (by index) whose Markdown this build made.
    struct KeptEdition {
        var edition: Order.Edition
        var markdownMade: Set<Int>

        /// Whether the job at `index` may be taken as it was: it shows no Markdown this build made.
        func takes(_ subject: RenderJob.Subject, taxonomies: [Taxonomy]) -> Bool {
            guard let shown = PageValues.shownMarkdown(of: subject, taxonomies: taxonomies) else { return true }
            return !markdownMade.contains(shown)
        }
    }

    /// The last build's edition at `position`, when every page of it whose Markdown was kept may be reused as
    /// `reuseUnchanged` would: the contexts are the last build's (`keepsContexts`), every template has its last
    /// fingerprint, every file its entries' renders read has the bytes they saw, and the jobs are the last
    /// build's URLs in the same order (so the entry at each index is `previous`'s under the job's path).
    func keptEdition(_ position: Int, language: String, jobs: [RenderJob]) -> KeptEdition? {
        guard contextsKept, templatesKept, let editions = previousOrder?.editions, position < editions.count else { return nil }
        let last = editions[position]
        guard last.language == language, let files = last.files, last.urls.count == jobs.count,
              let made = markdown?.madeIndices(position) else { return nil }
        let same = jobs.withUnsafeBufferPointer { jobs in
            last.urls.withUnsafeBufferPointer { urls in jobs.indices.allSatisfy { jobs[$0].url == urls[$0] } }
        }
        guard same, inputs.holdsFiles(TemplateInputs(templates: [], files: files.map { ($0.key, $0.value) })) else { return nil }
        return KeptEdition(edition: last, markdownMade: made)
    }

    /// Records the edition at `position` once its pages are rendered: `kept`'s with the entries of the jobs at
    /// `rendered` (whose output paths are `paths`) put in, or, without `kept`, every job's entry by its path.
    func record(_ position: Int, language: String, jobs: [RenderJob], kept: KeptEdition?, rendered: [Int], paths: [String],
                outputs: [String: Data]) {
        lock.withLock {
            if let kept {
                hits += jobs.count - rendered.count
                taken += jobs.count - rendered.count
                var edition = kept.edition
                for (place, index) in rendered.enumerated() {
                    guard let entry = next[paths[place]] else {
                        // Not expected (a page rendered has its entry): the pages taken go into `next` by their paths.
                        let renderedSet = Set(rendered)
                        for index in edition.paths.indices where !renderedSet.contains(index) { next[edition.paths[index]] = kept.edition.entry(at: index) }
                        return
                    }
                    edition.changed[index] = entry
                    edition.files = Self.files(edition.files, adding: entry)
                }
                if edition.changed.count > 64 {
                    for (index, entry) in edition.changed { edition.entries[index] = entry }
                    edition.changed = [:]
                }
                edition.outputs = outputs
                keptEditions.insert(position)
                order[position] = edition
                return
            }
            var edition = Order.Edition(language: language, urls: jobs.map(\.url), paths: paths, entries: [], files: [:], outputs: outputs)
            edition.entries.reserveCapacity(paths.count)
            for path in paths {
                guard let entry = next[path] else { return }
                edition.entries.append(entry)
                edition.files = Self.files(edition.files, adding: entry)
            }
            order[position] = edition
        }
    }

    /// `files` with those `entry`'s render read; nil when it is not known what they were.
    private static func files(_ files: [String: UInt64]?, adding entry: borrowing Entry) -> [String: UInt64]? {
        guard var files, let used = entry.inputs else { return nil }
        for (path, fingerprint) in used.files {
            if let seen = files[path] {
                if seen != fingerprint { return nil }
            } else {
                files[path] = fingerprint
            }
        }
        return files
    }

    /// This build's entries in job order, for the next build; nil unless every edition was recorded.
    var filledOrder: Order? {
        lock.withLock {
            let editions = (0..<order.count).compactMap { order[$0] }
            return editions.count == order.count && !editions.isEmpty ? Order(editions: editions) : nil
        }
    }

    /// The entries of this build (under `lock`): `next`, and the pages of editions taken by index. When every
    /// edition was, its jobs are the last build's, so `previous` has exactly their paths: it is the table, with
    /// the entries this build made or checked laid over it (`OverlaidTable`: nothing copied or hashed for the others).
    func filledTable() -> OverlaidTable<Entry> {
        guard !keptEditions.isEmpty else { return OverlaidTable(next) }
        let total = order.values.reduce(0) { $0 + $1.paths.count }
        if keptEditions.count == order.count, previousOrder?.editions.count == order.count, previous.count == total {
            return previous.overlaying(next)
        }
        var all = next
        for position in keptEditions {
            guard let edition = order[position] else { continue }
            for index in edition.paths.indices where all[edition.paths[index]] == nil { all[edition.paths[index]] = edition.entry(at: index) }
        }
        return OverlaidTable(all)
    }
}
