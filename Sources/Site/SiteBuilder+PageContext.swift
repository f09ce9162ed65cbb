import Content
import Markdown
import Templates

extension SiteBuilder {
    /// The globals of one language's renders: `site`, `collections`, `taxonomies`, `data`, `build` and `lang`.
    static func languageGlobals(_ values: PageValues, language: String, data: Value) -> [String: Value] {
        var result = globals(site: values.site, collections: values.collections, taxonomies: values.taxonomies, data: data)
        result["lang"] = .string(language)
        return result
    }

    /// What the template of one render job sees: `globals` (`languageGlobals`), `page` (on a generated page with
    /// its `lang` and `translations`), `paginator` on a numbered page and `current_url`. The render step and the
    /// link tracer's second render (`LinkRetracer`) both use it, so the page is the same both times.
    static func context(for job: RenderJob, globals: [String: Value], content: ContentSet, rendered: [RenderedMarkdown?],
                        values: PageValues, translations: TranslationTable?) -> [String: Value] {
        var context = globals
        var (page, paginator) = values.context(for: job, in: content, rendered: rendered)
        if job.isGenerated, case .dictionary(var fields) = page {
            fields["lang"] = .string(content.language)
            fields["translations"] = translations?.generatedValue(at: job.url) ?? .array([])
            page = .dictionary(fields)
        }
        context["page"] = page
        if let paginator { context["paginator"] = paginator }
        context["current_url"] = .string(job.url)
        return context
    }
}
