import Content
import Foundation
import Markdown
import Templates

/// Builds a whole site in memory, as a list of named steps.
///
/// Nothing is written to disk here: the result is a `BuiltSite`, which the CLI syncs into `site/` only when
/// every step succeeded (all-or-nothing), and which the preview server serves directly. Each step collects all
/// the problems it finds before the build stops, so one run reports every broken file at once.
public enum SiteBuilder {
    public static func build(_ options: BuildOptions) throws(BuildFailure) -> BuiltSite {
        let root = options.root.standardizedFileURL
        var clock = StepClock()

        // 1. Load config and content (front matter, dates, relations, drafts), in every language: the default
        //    language's pages first, then each other language's translations (`Content/Languages/`).
        let editions = try clock.step("load content") { () throws(BuildFailure) in
            let editions = try loadContent(root: root, includeDrafts: options.includeDrafts)
            for edition in editions { try ReservedKeys.check(edition) }
            return editions
        }
        let content = editions[0]
        // 1b. Check the claims ledger: each passage against the source text, each quotation against the passages.
        try clock.step("check ledger") { () throws(BuildFailure) in
            try checkLedger(content, root: root)
        }
        let urls = editions.map { $0.pages.map(siteURL) }
        var translations = TranslationTable(editions: editions, urls: urls)

        // 1c. Data files under data/, for every template as `data`.
        let data = try clock.step("load data") { () throws(BuildFailure) in try DataFiles.load(root: root) }
        // 1d. The templates' own words in every language, `i18n/<lang>.yml`, for the `t` filter.
        let strings = try clock.step("load ui strings") { () throws(BuildFailure) in
            try UIStringsLoader.load(root: root, languages: editions.map(\.language))
        }
        let markdownOptions = MarkdownOptions(allowRawHTML: allowsRawHTML(content.config))

        // 2. Load and validate every template, with the site's own filters.
        let filters = SiteFilters.all(baseURL: content.config.baseURL, markdownOptions: markdownOptions, root: root, strings: strings)
        let templates = try clock.step("load templates") { () throws(BuildFailure) in
            try TemplateSet.load(root: root, filters: filters, baseURL: content.config.baseURL, markdownOptions: markdownOptions,
                                 strings: strings, cache: options.cache)
        }

        // 3. Render Markdown bodies in parallel, rewriting and checking links between content files.
        let rendered = try clock.step("render markdown") { () throws(BuildFailure) in
            try editions.indices.map { (position) throws(BuildFailure) in
                try renderMarkdown(content: editions[position], urls: urls[position], options: markdownOptions,
                                   fallbackURLs: position == 0 ? [:] : translations.defaultURLs())
            }
        }

        // 4. Build the values templates see, once per language.
        let values = clock.step("build page values") {
            editions.indices.map { PageValues(content: editions[$0], rendered: rendered[$0], urls: urls[$0], translations: translations) }
        }

        // 5. Plan every HTML file: content pages, taxonomy term and index pages, numbered pages of long lists.
        let plans = try clock.step("plan pages") { () throws(BuildFailure) in
            try editions.indices.map { (position) throws(BuildFailure) in
                try PagePlan.make(content: editions[position], urls: urls[position], values: values[position])
            }
        }

        translations.addGenerated(plans.map(\.jobs), editions: editions)

        // 6. Render every planned page through its template, in parallel; each language with its own fragments.
        let metrics = options.measuresTemplates ? TemplateMetrics() : nil
        var files = try clock.step("render templates") { () throws(BuildFailure) in
            var files: [String: Data] = [:]
            for position in editions.indices {
                files.merge(try renderPages(plans[position].jobs, content: editions[position], rendered: rendered[position],
                                            values: values[position], data: data, templates: templates,
                                            fragments: options.reusesFragments ? FragmentCache() : nil, metrics: metrics,
                                            translations: translations),
                            uniquingKeysWith: { first, _ in first })
            }
            return files
        }

        // 7. Feeds, sitemap, robots.txt; static files and content assets.
        try clock.step("feeds and static files") { () throws(BuildFailure) in
            try addGeneratedFiles(to: &files, editions: editions, urls: urls, listed: plans.flatMap { $0.jobs.map(\.url) },
                                  values: values, alternates: translations.alternates())
            try copyStaticFiles(into: &files, root: root, content: content)
        }

        // 8. Redirect pages at old addresses (`aliases:`, `redirects:`, `page/1/`), and `_redirects` when asked.
        try clock.step("redirects") { () throws(BuildFailure) in
            try RedirectPages.add(to: &files, content: content, urls: urls[0], implied: plans.flatMap(\.redirects),
                                  translations: editions.indices.dropFirst().map { (editions[$0], urls[$0]) })
        }

        // 9. Check every internal link and anchor in the output.
        try clock.step("check links") { () throws(BuildFailure) in
            try checkLinks(files, editions: editions, urls: urls, root: root)
        }

        var site = BuiltSite(files: files, pageCount: editions.reduce(0) { $0 + $1.pages.count })
        site.warnings = content.warnings.map { warning in
            var diagnostic = Diagnostic(file: warning.file, line: warning.line, column: warning.column, message: warning.message,
                                        notes: warning.notes)
            diagnostic.isWarning = true
            return diagnostic
        }
        site.basePath = content.config.basePath
        site.timings = clock.timings
        site.templateMetrics = metrics?.report ?? []
        // Freed while the caller writes the output, instead of before it returns; or never, by a process that
        // exits after this build (`BuildOptions.freesMemory`).
        BackgroundRelease.drop((consume editions, consume rendered, consume values), freeing: options.freesMemory)
        return site
    }

    // MARK: - Steps

    static func loadContent(root: URL, includeDrafts: Bool) throws(BuildFailure) -> [ContentSet] {
        do {
            return try ContentLoader.loadEditions(root: root, includeDrafts: includeDrafts)
        } catch {
            throw BuildFailure(diagnostics: error.errors.map {
                Diagnostic(file: $0.file, line: $0.line, column: $0.column, message: $0.message, notes: $0.notes)
            })
        }
    }

    /// The 404 page is the one page that is not a folder: hosts look for `/404.html`.
    static func siteURL(_ page: Page) -> String {
        page.source == "content/404.md" ? SitePath.notFoundPage : page.url
    }

    static func renderMarkdown(content: ContentSet, urls: [String], options: MarkdownOptions,
                               fallbackURLs: [String: String] = [:]) throws(BuildFailure) -> [RenderedMarkdown?] {
        let results = MarkdownStage(content: content, urls: urls, options: options, fallbackURLs: fallbackURLs).run()
        var diagnostics: [Diagnostic] = []
        var rendered: [RenderedMarkdown?] = []
        rendered.reserveCapacity(results.count)
        for result in results {
            switch result {
            case .success(let document): rendered.append(document)
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
                rendered.append(nil)
            }
        }
        if !diagnostics.isEmpty { throw BuildFailure(diagnostics: diagnostics) }
        return rendered
    }

    /// Renders every planned page. `fragments` is this build's `{% cache %}` store; a fragment with a relative link
    /// is shared only between pages whose folders sit in the same folder, which write every link outside it the
    /// same way (`SitePath.parentFolder`, the render's partition).
    static func renderPages(_ jobs: [RenderJob], content: ContentSet, rendered: [RenderedMarkdown?], values: PageValues,
                            data: Value = .dictionary(OrderedDictionary()), templates: TemplateSet, fragments: FragmentCache?,
                            metrics: TemplateMetrics? = nil, translations: TranslationTable? = nil) throws(BuildFailure) -> [String: Data] {
        var pageLanguageGlobals = globals(site: values.site, collections: values.collections, taxonomies: values.taxonomies, data: data)
        pageLanguageGlobals["lang"] = .string(content.language)
        let globals = pageLanguageGlobals
        // Each thread renders with its own copy of the parsed templates (see `TemplateEnvironment.copy()`).
        let results = Array(jobs.indices).concurrentMap(perWorker: { templates.environment.copy() }) {
            environment, position -> Result<(String, Data), PageFailure> in
            // Fields read in place: copying the job or the page would retain every one of its strings, on every core.
            let source = jobs[position].source
            let url = jobs[position].url
            do {
                let name = try templates.resolve(jobs[position].candidates, for: source)
                var context = globals
                var (page, paginator) = values.context(for: jobs[position], in: content, rendered: rendered)
                if jobs[position].isGenerated, case .dictionary(var fields) = page {
                    fields["lang"] = .string(content.language)
                    fields["translations"] = translations?.generatedValue(at: url) ?? .array([])
                    page = .dictionary(fields)
                }
                context["page"] = page
                if let paginator { context["paginator"] = paginator }
                context["current_url"] = .string(url)
                let html = try environment.renderUTF8(name, context: context, fragments: fragments,
                                                      partition: SitePath.fragmentPartition(of: url), metrics: metrics)
                return .success((SitePath.outputFile(for: url), Data(html)))
            } catch let diagnostic as Diagnostic {
                return .failure(PageFailure(diagnostic: diagnostic, page: nil))
            } catch let error as TemplateError {
                return .failure(PageFailure(diagnostic: Diagnostic(error), page: jobs[position].label))
            } catch {
                return .failure(PageFailure(diagnostic: Diagnostic(file: source, message: "\(error)"), page: nil))
            }
        }
        var files: [String: Data] = [:]
        // Room for every page, the feeds and a few static files, so that ten thousand inserts never rehash.
        files.reserveCapacity(results.count + 64)
        var failures: [PageFailure] = []
        for result in results {
            switch result {
            case .success(let (path, data)): files[path] = data
            case .failure(let failure): failures.append(failure)
            }
        }
        if !failures.isEmpty { throw BuildFailure(diagnostics: PageFailure.merged(failures)) }
        return files
    }

    /// The names every page's template receives besides `page` and `current_url` (docs/content/reference/context.md).
    static func globals(site: Value, collections: Value, taxonomies: Value, data: Value) -> [String: Value] {
        [
            "site": site,
            "collections": collections,
            "taxonomies": taxonomies,
            "data": data,
            "build": .dictionary(OrderedDictionary([("generator", .string("build-site"))])),
        ]
    }

    /// The names a page's own render adds to the globals (`paginator` only on a numbered page of a long list;
    /// `lang`, the language of the page, on every page).
    static let pageGlobals = ["page", "current_url", "paginator", "lang"]

    /// `urls` are the content pages' of each language (for feed entries), `listed` every rendered page's (for the
    /// sitemap, with `alternates` for pages in several languages). A language's feeds sit under its URL prefix.
    static func addGeneratedFiles(to files: inout [String: Data], editions: [ContentSet], urls: [[String]], listed: [String],
                                  values: [PageValues], alternates: [String: [(language: String, url: String)]] = [:]) throws(BuildFailure) {
        let config = editions[0].config
        let baseURL = config.baseURL
        files["sitemap.xml"] = Feeds.sitemap(pageURLs: listed.filter { $0 != "/404.html" }, baseURL: baseURL, alternates: alternates)
        files["robots.txt"] = Feeds.robots(baseURL: baseURL)
        for (position, content) in editions.enumerated() {
            let folder = content.urlPrefix.isEmpty ? "" : String(content.urlPrefix.dropFirst()) + "/"
            for collection in content.collections {
                guard let settings = config.collection(named: collection.name), settings.feed else { continue }
                let entries = collection.pageIndices.map { index in
                    Feeds.Entry(title: content.pages[index].title, date: content.pages[index].date, url: urls[position][index],
                                summary: refSummary(values[position].refs[index]))
                }
                files["\(folder)\(collection.name)/atom.xml"] = Feeds.atom(
                    collection: folder + collection.name, title: settings.title ?? collection.name.capitalized,
                    siteTitle: config.languageSettings?.siteSettings(of: content.language).firstValue(forKey: "title")?.string
                        ?? config.title, entries: entries, baseURL: baseURL)
            }
        }
    }

    /// `allow_raw_html: false` in site.yml turns raw HTML in Markdown off; it is on by default (authors are trusted).
    static func allowsRawHTML(_ config: SiteConfig) -> Bool {
        if case .bool(let allowed)? = config.extra.first(where: { $0.key == "allow_raw_html" })?.value.value { return allowed }
        return true
    }

    private static func refSummary(_ ref: Value) -> String {
        if case .dictionary(let fields) = ref, case .string(let summary)? = fields["summary"] { return summary }
        return ""
    }

    /// Copies `static/**` to the output root and non-Markdown files under `content/` next to their pages.
    /// A static file may not take the place of a generated one.
    static func copyStaticFiles(into files: inout [String: Data], root: URL, content: ContentSet) throws(BuildFailure) {
        var diagnostics: [Diagnostic] = []
        var copies: [(source: String, url: URL, output: String)] = SourceTree.files(under: root.appendingPathComponent("static"))
            .map { ("static/" + $0.relativePath, $0.url, $0.relativePath) }
        copies += content.assets.map { ($0.source, root.appendingPathComponent($0.source), $0.output) }
        for copy in copies {
            if files[copy.output] != nil {
                diagnostics.append(Diagnostic(file: copy.source, message: "would overwrite the generated file \(copy.output)"))
                continue
            }
            guard let data = FileManager.default.contents(atPath: copy.url.path) else {
                diagnostics.append(Diagnostic(file: copy.source, message: "cannot read this file"))
                continue
            }
            files[copy.output] = data
        }
        if !diagnostics.isEmpty { throw BuildFailure(diagnostics: diagnostics) }
    }

    static func checkLinks(_ files: [String: Data], editions: [ContentSet], urls: [[String]], root: URL) throws(BuildFailure) {
        let checker = LinkChecker(files: files, basePath: editions[0].config.basePath)
        let broken = checker.check()
        // Every page's links and ids, half a million ranges on a large site: freed meanwhile, even
        // by a build that frees nothing else, because the memory is then reused while the output is written
        // (4 MB less peak memory at 10,000 pages, for no measurable time).
        BackgroundRelease.drop(consume checker)
        guard !broken.isEmpty else { return }
        let locator = LinkOrigin(editions: editions, urls: urls, root: root)
        throw BuildFailure(diagnostics: broken.map(locator.diagnostic))
    }
}
