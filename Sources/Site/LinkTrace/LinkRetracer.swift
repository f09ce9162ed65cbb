import Content
import Foundation
import Markdown
import Templates

/// Traces broken links back to the template line that wrote them, by rendering their page once more with a
/// `relative_url` that records where it was called.
///
/// Searching the templates for a link's text finds the wrong template when two hold the same path, and nothing
/// at all for a link made from a value (`{{ event.url | relative_url }}` in a loop). The re-render knows the
/// included or base template and the line of the very call. It runs only for pages with a broken link, after
/// the build has already failed, so a build that succeeds pays nothing for it.
struct LinkRetracer {
    let content: ContentSet
    let urls: [String]
    let rendered: [RenderedMarkdown?]
    let values: PageValues
    let data: Value
    let root: URL
    let markdownOptions: MarkdownOptions

    /// For each page index asked for, the place each of its `relative_url` links was written; a page that cannot
    /// be rendered again (it cannot fail now that it rendered once, but if) gives none.
    func locations(forPages pages: Set<Int>) -> [Int: [String: LinkRecorder.Location]] {
        guard !pages.isEmpty else { return [:] }
        let recorder = LinkRecorder()
        let filters = SiteFilters.all(baseURL: content.config.baseURL, markdownOptions: markdownOptions, root: root, log: nil, recorder: recorder)
        guard let templates = try? TemplateSet.load(root: root, log: nil, filters: filters, baseURL: content.config.baseURL,
                                                   markdownOptions: markdownOptions, cache: nil) else { return [:] }
        var result: [Int: [String: LinkRecorder.Location]] = [:]
        for index in pages.sorted() {
            result[index] = render(index, templates: templates, recorder: recorder)
        }
        return result
    }

    private func render(_ index: Int, templates: TemplateSet, recorder: LinkRecorder) -> [String: LinkRecorder.Location]? {
        let page = content.pages[index]
        let candidates = TemplateSet.candidates(explicit: page.template, collection: page.collection, isListPage: page.isListPage,
                                                isHome: page.source == "content/index.md", isNotFound: page.source == "content/404.md")
        guard let name = try? templates.resolve(candidates, for: page.source) else { return nil }
        _ = recorder.take()
        let context: [String: Value] = [
            "site": values.site, "collections": values.collections, "data": data,
            "build": .dictionary(OrderedDictionary([("generator", .string("build-site"))])),
            "page": values.page(index, in: content, rendered: rendered[index]), "current_url": .string(urls[index]),
        ]
        // Without the fragment cache, so that every call runs on this page.
        guard (try? templates.environment.copy().renderUTF8(name, context: context, fragments: nil,
                                                            partition: SitePath.fragmentPartition(of: urls[index]))) != nil else { return nil }
        return recorder.take()
    }
}
