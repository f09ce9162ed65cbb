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
        shownMarkdown(of: job.subject, taxonomies: content.taxonomies)
    }

    /// The same, from the job's subject and the content's taxonomies alone (a `ContentSet` is not copied for it).
    static func shownMarkdown(of subject: RenderJob.Subject, taxonomies: [Taxonomy]) -> Int? {
        switch subject {
        case .page(let index): index
        case .term(let taxonomy, let term): taxonomies[taxonomy].terms[term].description
        case .taxonomy(let taxonomy): taxonomies[taxonomy].indexPage
        }
    }
}
