import Content
import Markdown
import Templates

/// The `page` and `paginator` of one render job.
extension PageValues {
    func context(for job: RenderJob, in content: ContentSet, rendered: [RenderedMarkdown?]) -> (page: Value, paginator: Value?) {
        switch job.subject {
        case .page(let index):
            let page = self.page(index, in: content, rendered: rendered[index])
            return (page, job.pager.map { $0.value(items: listItems(of: index)) })
        case .term(let taxonomy, let term):
            let page = termPage(taxonomy: taxonomy, term: term, in: content, rendered: rendered)
            let items = content.taxonomies[taxonomy].terms[term].pages.map { cards[$0] }
            return (page, job.pager.map { $0.value(items: items) })
        case .taxonomy(let taxonomy):
            return (taxonomyPage(taxonomy, in: content, rendered: rendered), nil)
        }
    }

    /// The page whose rendered Markdown `context(for:in:rendered:)` shows for `job` (a content page's own, a
    /// term's or a taxonomy's description), or nil: the only part of a job's context not made from the values.
    static func shownMarkdown(of job: RenderJob, in content: ContentSet) -> Int? {
        switch job.subject {
        case .page(let index): index
        case .term(let taxonomy, let term): content.taxonomies[taxonomy].terms[term].description
        case .taxonomy(let taxonomy): content.taxonomies[taxonomy].indexPage
        }
    }
}
