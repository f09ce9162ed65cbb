import Content
import Foundation
import Markdown

extension SiteBuilder {
    /// The build's steps 7 and 8 at once: the pages' JSON outputs (`OutputsStep`, one page after another on one
    /// core) on a thread of their own, beside the search index (`SearchStep`, on every core).
    ///
    /// Each sees the rendered pages as a build that ran them one after the other would: the outputs step never
    /// sees the search index (it came after it), and the search index sees JSON outputs only in its check that
    /// no file of its own replaces another, done here, once both are ready. Their errors come in the same
    /// order too: the outputs step's, or else the search index's.
    /// `OutputsAndSearchTests` compares this with the two steps one after the other.
    static func addOutputsAndSearch(to files: inout [String: Data], editions: [ContentSet], urls: [[String]],
                                    rendered: [[RenderedMarkdown?]], values: [PageValues],
                                    templates: TemplateSet, search memo: SearchMemo? = nil) throws(BuildFailure) {
        let pages = files
        let (outputs, search) = Concurrently.run({
            Result { () throws(BuildFailure) -> [String: Data] in
                var files = pages
                // Each language's pages under its own URLs (`/zh/timeline/` → zh/timeline.json).
                for position in editions.indices {
                    try OutputsStep(content: editions[position], urls: urls[position], rendered: rendered[position],
                                    values: values[position], templates: templates).add(to: &files)
                }
                return files
            }
        }, beside: {
            Result { () throws(BuildFailure) -> [String: Data] in
                var files = pages
                // One index per language, under its URL prefix (`SearchStep`).
                for position in editions.indices {
                    try SearchStep.add(to: &files, content: editions[position], urls: urls[position], rendered: rendered[position],
                                       memo: memo)
                }
                return files
            }
        })
        var merged = try outputs.get()
        // The search index leaves out a page whose file the build does not write; should a JSON output be written
        // at such a page's own path (a `.json` URL), the index is made again as it would have been after them.
        // The outputs step only adds files: as many as before, it added none (no walk over every file's name).
        let written = merged.count == pages.count ? [] : Set(merged.keys.filter { pages[$0] == nil })
        if !written.isEmpty, editions.indices.contains(where: { position in
            urls[position].contains { written.contains(SitePath.outputFile(for: $0)) }
        }) {
            for position in editions.indices {
                try SearchStep.add(to: &merged, content: editions[position], urls: urls[position], rendered: rendered[position],
                                   memo: memo)
            }
            files = merged
            return
        }
        let indexed = try search.get()
        // The search step only adds files too (a file of its own where the build writes one is an error there).
        let index = indexed.count == pages.count ? [:] : indexed.filter { pages[$0.key] == nil }
        if let taken = index.keys.sorted().first(where: { merged[$0] != nil }) {
            throw SearchStep.collision(at: taken)
        }
        merged.merge(index) { _, new in new }
        files = merged
    }
}
