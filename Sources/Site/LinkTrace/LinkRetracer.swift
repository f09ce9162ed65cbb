import Content
import Foundation
import Markdown
import Templates

/// Traces broken links back to the template line that wrote them, by rendering their page once more with a
/// `relative_url` that records where it was called.
///
/// Searching the templates for a link's text finds the wrong template when two hold the same path, and nothing
/// at all for a link made from a value (`{{ event.url | relative_url }}` in a loop). The re-render knows the
/// included or base template and the line of the very call. Any planned page can be rendered again, in any
/// language (a translation, a term page under `/zh/`, a numbered page), with the context it had
/// (`SiteBuilder.context(for:…)`). It runs only for pages with a broken link, after the build has already
/// failed, so a build that succeeds pays nothing for it.
struct LinkRetracer {
    /// One language's pages and what their templates saw.
    struct Edition {
        let content: ContentSet
        let rendered: [RenderedMarkdown?]
        let values: PageValues
        /// Every HTML file of the language (`PagePlan`).
        let jobs: [RenderJob]
    }

    let editions: [Edition]
    let translations: TranslationTable?
    let data: Value
    let root: URL
    let markdownOptions: MarkdownOptions
    /// The UI strings, for templates calling `t` (`i18n/<lang>.yml`).
    var strings = UIStrings()

    /// For each output file asked for (`timeline/a/index.html`, `zh/topics/money/index.html`), the place each of
    /// its `relative_url` links was written; a file that is no planned page, or that cannot be rendered again (it
    /// cannot fail now that it rendered once, but if), gives none.
    func locations(forFiles files: Set<String>) -> [String: [String: LinkRecorder.Location]] {
        guard !files.isEmpty, let first = editions.first else { return [:] }
        var planned: [String: (edition: Int, job: Int)] = [:]
        for (position, edition) in editions.enumerated() {
            for (index, job) in edition.jobs.enumerated() where files.contains(SitePath.outputFile(for: job.url)) {
                planned[SitePath.outputFile(for: job.url)] = (position, index)
            }
        }
        guard !planned.isEmpty else { return [:] }
        let recorder = LinkRecorder()
        let config = first.content.config
        let filters = SiteFilters.all(baseURL: config.baseURL, markdownOptions: markdownOptions, root: root, strings: strings,
                                      recorder: recorder)
        guard let templates = try? TemplateSet.load(root: root, filters: filters, baseURL: config.baseURL,
                                                   markdownOptions: markdownOptions, strings: strings, cache: nil) else { return [:] }
        var result: [String: [String: LinkRecorder.Location]] = [:]
        for file in planned.keys.sorted() {
            guard let (position, job) = planned[file] else { continue }
            result[file] = render(editions[position].jobs[job], of: editions[position], templates: templates, recorder: recorder)
        }
        return result
    }

    private func render(_ job: RenderJob, of edition: Edition, templates: TemplateSet,
                        recorder: LinkRecorder) -> [String: LinkRecorder.Location]? {
        guard let name = try? templates.resolve(job.candidates, for: job.source) else { return nil }
        _ = recorder.take()
        let globals = SiteBuilder.languageGlobals(edition.values, language: edition.content.language, data: data)
        let context = SiteBuilder.context(for: job, globals: globals, content: edition.content, rendered: edition.rendered,
                                          values: edition.values, translations: translations)
        // Without the fragment cache, so that every call runs on this page.
        guard (try? templates.environment.copy().renderUTF8(name, context: context, fragments: nil,
                                                            partition: SitePath.fragmentPartition(of: job.url))) != nil else { return nil }
        return recorder.take()
    }
}
