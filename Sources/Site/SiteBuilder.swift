import Content
import Foundation
import Images
import Markdown
import SiteInputs
import Templates

/// Builds a whole site in memory, as a list of named steps.
///
/// Nothing is written to disk here: the result is a `BuiltSite`, which the CLI syncs into `site/` only when
/// every step succeeded (all-or-nothing), and which the preview server serves directly. Each step collects all
/// the problems it finds before the build stops, so one run reports every broken file at once.
public enum SiteBuilder {
    public static func build(_ options: BuildOptions) throws(BuildFailure) -> BuiltSite {
        let root = options.root.standardizedFileURL
        let log = options.readLog
        var clock = StepClock()

        // 1. Load config and content (front matter, dates, relations, drafts).
        let content = try clock.step("load content") { () throws(BuildFailure) in
            let content = try loadContent(root: root, includeDrafts: options.includeDrafts, log: log)
            try ReservedKeys.check(content)
            return content
        }
        // 1b. Check the claims ledger: each passage against the source text, each quotation against the passages.
        try clock.step("check ledger") { () throws(BuildFailure) in
            try checkLedger(content, root: root, log: log)
        }
        let urls = content.pages.map(siteURL)

        // 1c. Data files under data/, for every template as `data`.
        let data = try clock.step("load data") { () throws(BuildFailure) in try DataFiles.load(root: root, log: log) }
        let markdownOptions = MarkdownOptions(allowRawHTML: allowsRawHTML(content.config))

        // 2. Load and validate every template, with the site's own filters.
        let filters = SiteFilters.all(baseURL: content.config.baseURL, markdownOptions: markdownOptions, root: root, log: log)
        let templates = try clock.step("load templates") { () throws(BuildFailure) in
            try TemplateSet.load(root: root, log: log, filters: filters, baseURL: content.config.baseURL, markdownOptions: markdownOptions,
                                 cache: options.cache)
        }

        // 3. Render Markdown bodies in parallel, rewriting and checking links to content files, pages and static
        //    files; images get their sizes, and large ones are planned in several widths; component calls
        //    (`{{< figure … >}}`) are rendered with templates/components/.
        let images = try ImageSettings.load(content.config)
        let (rendered, planner) = try clock.step("render markdown") { () throws(BuildFailure) in
            try renderMarkdown(content: content, urls: urls, options: markdownOptions, root: root, log: log, images: images,
                               templates: templates.environment)
        }

        // 4. Build the values templates see, once.
        let values = clock.step("build page values") { PageValues(content: content, rendered: rendered, urls: urls) }

        // 5. Plan every HTML file: content pages, taxonomy term and index pages, numbered pages of long lists.
        let plan = try clock.step("plan pages") { () throws(BuildFailure) in
            try PagePlan.make(content: content, urls: urls, values: values)
        }

        // 6. Render every planned page through its template, in parallel.
        let metrics = options.measuresTemplates ? TemplateMetrics() : nil
        var files = try clock.step("render templates") { () throws(BuildFailure) in
            try renderPages(plan.jobs, content: content, rendered: rendered, values: values, data: data, templates: templates,
                            fragments: options.reusesFragments ? FragmentCache() : nil, metrics: metrics)
        }

        // 7. Pages also written as JSON (`output: [html, json]`, Outputs/).
        try clock.step("other outputs") { () throws(BuildFailure) in
            try OutputsStep(content: content, urls: urls, rendered: rendered, values: values, templates: templates).add(to: &files)
        }

        // 8. The search index, when site.yml asks for one (Search/).
        try clock.step("search index") { () throws(BuildFailure) in
            try SearchStep.add(to: &files, content: content, urls: urls, rendered: rendered)
        }

        // 9. Feeds, sitemap, robots.txt (Feeds/); static files and content assets.
        try clock.step("feeds and static files") { () throws(BuildFailure) in
            try FeedsStep(content: content, urls: urls, jobs: plan.jobs, rendered: rendered,
                          values: values, templates: templates,
                          hasStaticRobots: FeedsStep.hasStaticRobots(root: root, log: log)).add(to: &files)
            try copyStaticFiles(into: &files, root: root, log: log, content: content)
        }

        // 10. Resized copies of large images (libvips), through the cache outside the output.
        let imageCounts = try clock.step("resize images") { () throws(BuildFailure) in
            try ImageStep.run(planner, into: &files, cache: ImageCache(folder: options.imageCacheFolder(root: root)))
        }

        // 11. Redirect pages at old addresses (`aliases:`, `redirects:`, `page/1/`), and `_redirects` when asked.
        try clock.step("redirects") { () throws(BuildFailure) in
            try RedirectPages.add(to: &files, content: content, urls: urls, implied: plan.redirects)
        }

        // 12. Check every internal link and anchor in the output.
        try clock.step("check links") { () throws(BuildFailure) in
            try checkLinks(files, content: content, urls: urls, root: root,
                           retracer: LinkRetracer(content: content, urls: urls, rendered: rendered, values: values, data: data,
                                                  root: root, markdownOptions: markdownOptions))
        }

        var site = BuiltSite(files: files, pageCount: content.pages.count)
        site.basePath = content.config.basePath
        site.timings = clock.timings
        site.templateMetrics = metrics?.report ?? []
        site.imagesResized = imageCounts.made
        site.imagesReused = imageCounts.reused
        // Freed while the caller writes the output, instead of before it returns; or never, by a process that
        // exits after this build (`BuildOptions.freesMemory`).
        BackgroundRelease.drop((consume content, consume rendered, consume values), freeing: options.freesMemory)
        return site
    }

    // MARK: - Steps

    static func loadContent(root: URL, includeDrafts: Bool, log: ReadLog?) throws(BuildFailure) -> ContentSet {
        do {
            return try ContentLoader.load(root: root, includeDrafts: includeDrafts, readLog: log)
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

    static func renderMarkdown(content: ContentSet, urls: [String], options: MarkdownOptions, root: URL, log: ReadLog?,
                               images: ImageSettings, templates: TemplateEnvironment) throws(BuildFailure) -> ([RenderedMarkdown?], ImagePlanner) {
        let inputs: SiteInputs
        do {
            inputs = try SiteInputs(root: root, log: log)
        } catch {
            throw BuildFailure(diagnostics: [Diagnostic(file: nil, message: error.description)])
        }
        // Problems on the way (a link out of the root, a loop) are left to the step that copies static files:
        // a file this listing cannot see is simply not a site path a link may name.
        let listing = inputs.files(under: "static")
        let planner = ImagePlanner(inputs: inputs, settings: images)
        let files = SiteFiles(content: content, urls: urls, staticFiles: listing.files)
        let components = try ComponentLibrary.load(inputs)
        let results = MarkdownStage(content: content, urls: urls, options: options, files: files, images: planner,
                                    components: components, templates: templates).run()
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
        return (rendered, planner)
    }

    /// Renders every planned page. `fragments` is this build's `{% cache %}` store; a fragment with a relative link
    /// is shared only between pages whose folders sit in the same folder, which write every link outside it the
    /// same way (`SitePath.parentFolder`, the render's partition).
    static func renderPages(_ jobs: [RenderJob], content: ContentSet, rendered: [RenderedMarkdown?], values: PageValues,
                            data: Value = .dictionary(OrderedDictionary()), templates: TemplateSet, fragments: FragmentCache?,
                            metrics: TemplateMetrics? = nil) throws(BuildFailure) -> [String: Data] {
        let globals = globals(site: values.site, collections: values.collections, taxonomies: values.taxonomies, data: data)
        // Each thread renders with its own copy of the parsed templates (see `TemplateEnvironment.copy()`).
        let results = Array(jobs.indices).concurrentMap(perWorker: { templates.environment.copy() }) {
            environment, position -> Result<(String, Data), PageFailure> in
            // Fields read in place: copying the job or the page would retain every one of its strings, on every core.
            let source = jobs[position].source
            let url = jobs[position].url
            do {
                let name = try templates.resolve(jobs[position].candidates, for: source)
                var context = globals
                let (page, paginator) = values.context(for: jobs[position], in: content, rendered: rendered)
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

    /// The names a page's own render adds to the globals (`paginator` only on a numbered page of a long list).
    static let pageGlobals = ["page", "current_url", "paginator"]

    /// `allow_raw_html: false` in site.yml turns raw HTML in Markdown off; it is on by default (authors are trusted).
    static func allowsRawHTML(_ config: SiteConfig) -> Bool {
        if case .bool(let allowed)? = config.extra.first(where: { $0.key == "allow_raw_html" })?.value.value { return allowed }
        return true
    }

    /// Copies `static/**` to the output root and non-Markdown files under `content/` next to their pages.
    /// A static file may not take the place of a generated one.
    static func copyStaticFiles(into files: inout [String: Data], root: URL, log: ReadLog?, content: ContentSet) throws(BuildFailure) {
        let (statics, problems) = SourceTree.files(under: "static", root: root, log: log)
        var diagnostics = problems
        var copies: [(source: String, file: SourceTree.File?, output: String)] = statics.map { ($0.path, $0, $0.relativePath) }
        copies += content.assets.map { ($0.source, nil, $0.output) }
        for copy in copies {
            if let mark = copy.output.first(where: { $0 == "?" || $0 == "#" }) {
                diagnostics.append(Diagnostic(file: copy.source, message: "name cannot be part of a URL: it contains '\(mark)', "
                                              + "which would start the \(mark == "?" ? "query" : "fragment") of its URL"))
                continue
            }
            if files[copy.output] != nil {
                diagnostics.append(Diagnostic(file: copy.source, message: "would overwrite the generated file \(copy.output)"))
                continue
            }
            do {
                files[copy.output] = try copy.file.map { try SourceTree.read($0, root: root, log: log) } ?? SourceTree.read(copy.source, root: root, log: log)
            } catch let failure as BuildFailure {
                diagnostics += failure.diagnostics
            } catch let error as InputError {
                diagnostics.append(SourceTree.diagnostic(error))
            } catch {
                diagnostics.append(Diagnostic(file: copy.source, message: "cannot read this file"))
            }
        }
        if !diagnostics.isEmpty { throw BuildFailure(diagnostics: diagnostics) }
    }

    static func checkLinks(_ files: [String: Data], content: ContentSet, urls: [String], root: URL,
                           retracer: LinkRetracer? = nil) throws(BuildFailure) {
        let checker = LinkChecker(files: files, basePath: content.config.basePath)
        let broken = checker.check()
        // Every page's links and ids, half a million ranges on a large site: freed meanwhile, even
        // by a build that frees nothing else, because the memory is then reused while the output is written
        // (4 MB less peak memory at 10,000 pages, for no measurable time).
        BackgroundRelease.drop(consume checker)
        guard !broken.isEmpty else { return }
        var locator = LinkOrigin(content: content, urls: urls, root: root)
        if let retracer { locator.trace(broken, with: retracer) }
        throw BuildFailure(diagnostics: RepeatedLinkErrors.merge(BrokenLinkGroups(broken).reports { locator.diagnostic(for: $0) }))
    }
}
