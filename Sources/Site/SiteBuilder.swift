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
        try build(options, memos: .none)
    }

    /// The build, reusing and filling `memos` where a step has one (`Incremental/`): a full build is this
    /// with no memos.
    static func build(_ options: BuildOptions, memos: BuildMemos) throws(BuildFailure) -> BuiltSite {
        let root = options.root.standardizedFileURL
        let log = options.readLog
        var clock = StepClock()

        // 1. Load config and content (front matter, dates, relations, drafts), in every language: the default
        //    language's pages first, then each other language's translations (`Content/Languages/`). Beside it,
        //    from the moment site.yml is read, 1c, 1d and 2 on a thread of their own (`SharedInputs`).
        let handoff = ConfigHandoff()
        let (shared, editions) = try clock.step("load content, data, ui strings, templates") { () throws(BuildFailure) in
            let (shared, loaded) = Concurrently.run({ () -> Result<SharedInputs, BuildFailure>? in
                guard let config = handoff.wait() else { return nil }
                return Result { () throws(BuildFailure) in try loadShared(config: config, root: root, options: options, memos: memos) }
            }, beside: {
                Result { () throws(BuildFailure) -> [ContentSet] in
                    defer { handoff.hand(nil) }
                    // An incremental build after body edits only is given the last content with the new bodies (`ContentMemo`).
                    if let given = memos.content?.given {
                        handoff.hand(given[0].config)
                        memos.content?.keep(given, into: log)
                        return given
                    }
                    let editions = try loadContent(root: root, includeDrafts: options.includeDrafts, log: memos.content?.log ?? log,
                                                   parseMemo: memos.parse, configLoaded: handoff.hand)
                    for edition in editions { try ReservedKeys.check(edition) }
                    memos.content?.keep(editions, into: log)
                    return editions
                }
            })
            return (shared, try loaded.get())
        }
        let content = editions[0]
        // ICU's date patterns for the languages that format dates with it, made in the background meanwhile.
        LocalizedDate.prepare(languages: editions.map(\.language))
        let urls = editions.map(siteURLs)
        var translations = TranslationTable(editions: editions, urls: urls)

        // 1b. Check the claims ledger: each passage against the source text, each quotation against the passages
        //     (on a translation in the source's language, against the source text). On a thread of its own, beside
        //     the shared inputs' handover and step 3, neither of which reads what it says. Its errors first
        //     (`checkLedger(_:root:log:beside:)`), then the shared inputs' in their order, then the Markdown's, as if
        //     each had run after the last.
        // 3. Render Markdown bodies in parallel, rewriting and checking links to content files, pages and static
        //    files; images get their sizes, and large ones are planned in several widths; component calls
        //    (`{{< figure … >}}`) are rendered with templates/components/. Every language, one image planner.
        let markdownOptions = MarkdownOptions(allowRawHTML: allowsRawHTML(content.config))
        let (data, strings, templates, rendered, planner) = try clock.step("check ledger, render markdown") { () throws(BuildFailure) in
            try checkLedger(editions, root: root, log: log, memo: memos.ledger) { () throws(BuildFailure) in
                let (data, strings, templates) = try sharedInputs(shared, editions: editions, root: root, options: options, memos: memos)
                memos.inputs?.use(templates)
                let images = try ImageSettings.load(content.config)
                // In a session, the step's own reads are kept too (`MarkdownMemo.reads`, recording into `log`).
                let (rendered, planner) = try renderMarkdown(
                    editions: editions, urls: urls, options: markdownOptions, root: root, log: memos.markdown?.reads ?? log,
                    images: images, templates: templates.environment, fallbackURLs: translations.defaultURLs(), strings: strings,
                    memo: memos.markdown)
                return (data, strings, templates, rendered, planner)
            }
        }

        // 4. Build the values templates see, once per language.
        let values = clock.step("build page values") {
            // An incremental build whose content was kept may keep the last values too (`ContentMemo`).
            let make = {
                editions.indices.map { PageValues(content: editions[$0], rendered: rendered[$0], urls: urls[$0], translations: translations,
                                                  origins: memos.pages?.table) }
            }
            let values = memos.content?.pageValues(editions, rendered: rendered, table: memos.pages?.table, make: make) ?? make()
            memos.pages?.table.seal()
            memos.pages?.keepsContexts(memos.content?.valuesKept == true, markdown: memos.markdown)
            return values
        }

        // 5. Plan every HTML file: content pages, taxonomy term and index pages, numbered pages of long lists.
        let plans = try clock.step("plan pages") { () throws(BuildFailure) in
            // With the page values the last build's, so are the plans (`ContentMemo.keptPlans`).
            if let kept = memos.content?.keptPlans { return kept }
            return try editions.indices.map { (position) throws(BuildFailure) in
                try PagePlan.make(content: editions[position], urls: urls[position], values: values[position])
            }
        }
        memos.content?.keep(plans)

        translations.addGenerated(plans.map(\.jobs), editions: editions)

        // 6. Render every planned page through its template, in parallel; each language with its own fragments.
        let metrics = options.measuresTemplates ? TemplateMetrics() : nil
        var files = try clock.step("render templates") { () throws(BuildFailure) in
            var files: [String: Data] = [:]
            for position in editions.indices {
                let pages = try renderPages(plans[position].jobs, content: editions[position], rendered: rendered[position],
                                            values: values[position], data: data, templates: templates,
                                            fragments: fragments(for: editions[position].language, options: options, memos: memos, metrics: metrics), metrics: metrics,
                                            translations: translations, memo: metrics == nil ? memos.pages : nil, edition: position)
                // The first language's pages are the files as they are: merged, every path would be hashed again.
                if files.isEmpty { files = pages } else { files.merge(pages, uniquingKeysWith: { first, _ in first }) }
            }
            return files
        }

        // 7–8. Pages also written as JSON (`output: [html, json]`, Outputs/), beside the search index, when site.yml
        //      asks for one (Search/): each language's under its own URLs.
        try clock.step("outputs, search index") { () throws(BuildFailure) in
            try addOutputsAndSearch(to: &files, editions: editions, urls: urls, rendered: rendered, values: values, templates: templates,
                                    search: memos.search)
        }

        // 9. Feeds, sitemap, robots.txt (Feeds/); static files and content assets.
        try clock.step("feeds and static files") { () throws(BuildFailure) in
            // One sitemap (the default language's step writes it) listing every language's pages with their
            // alternates; each language's feeds under its URL prefix.
            var steps = editions.indices.map { position in
                FeedsStep(content: editions[position], urls: urls[position], jobs: plans[position].jobs,
                          rendered: rendered[position], values: values[position], templates: templates,
                          hasStaticRobots: FeedsStep.hasStaticRobots(root: root, log: log), memo: memos.feeds,
                          argumentsKept: memos.content?.valuesKept == true)
            }
            for position in steps.indices.dropFirst() { steps[0].otherLocations += try steps[position].locations() }
            steps[0].alternates = translations.alternates()
            for step in steps { try step.add(to: &files) }
            try copyStaticFiles(into: &files, root: root, log: log, content: content)
        }

        // 10. Resized copies of large images (libvips), through the cache outside the output.
        let imageCounts = try clock.step("resize images") { () throws(BuildFailure) in
            try ImageStep.run(planner, into: &files, cache: ImageCache(folder: options.imageCacheFolder(root: root)))
        }

        // 11. Redirect pages at old addresses (`aliases:`, `redirects:`, `page/1/`), and `_redirects` when asked.
        try clock.step("redirects") { () throws(BuildFailure) in
            try RedirectPages.add(to: &files, content: content, urls: urls[0], implied: plans.flatMap(\.redirects),
                                  translations: editions.indices.dropFirst().map { (editions[$0], urls[$0]) })
        }

        // 12. Check every internal link and anchor in the output.
        try clock.step("check links") { () throws(BuildFailure) in
            let retracer = LinkRetracer(editions: editions.indices.map { position in
                LinkRetracer.Edition(content: editions[position], rendered: rendered[position], values: values[position],
                                     jobs: plans[position].jobs)
            }, translations: translations, data: data, root: root, markdownOptions: markdownOptions, strings: strings)
            try checkLinks(files, editions: editions, urls: urls, root: root, retracer: retracer, memo: memos.links)
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
        site.imagesResized = imageCounts.made
        site.imagesReused = imageCounts.reused
        // Freed while the caller writes the output, instead of before it returns; or never, by a process that
        // exits after this build (`BuildOptions.freesMemory`).
        BackgroundRelease.drop((consume editions, consume rendered, consume values), freeing: options.freesMemory)
        return site
    }

    // MARK: - Steps

    /// The data files, UI strings and templates, loaded beside the content for the editions' languages
    /// (`SharedInputs`), or now, should they differ; a failure to load them is thrown here, after the content's.
    private static func sharedInputs(_ shared: Result<SharedInputs, BuildFailure>?, editions: [ContentSet], root: URL,
                                     options: BuildOptions, memos: BuildMemos) throws(BuildFailure) -> (Value, UIStrings, TemplateSet) {
        let languages = editions.map(\.language)
        switch shared {
        case .success(let inputs)? where inputs.languages == languages:
            return (inputs.data, inputs.strings, inputs.templates)
        case .failure(let failure)? where editionLanguages(editions[0].config) == languages:
            throw failure
        default:
            let inputs = try loadShared(config: editions[0].config, root: root, options: options, memos: memos)
            return (inputs.data, inputs.strings, inputs.templates)
        }
    }

    static func loadContent(root: URL, includeDrafts: Bool, log: ReadLog? = nil, parseMemo: PageParseMemo? = nil,
                            configLoaded: @Sendable (SiteConfig?) -> Void = { _ in }) throws(BuildFailure) -> [ContentSet] {
        do {
            return try ContentLoader.loadEditions(root: root, includeDrafts: includeDrafts, readLog: log, parseMemo: parseMemo,
                                                  configLoaded: configLoaded)
        } catch {
            throw BuildFailure(diagnostics: error.errors.map {
                Diagnostic(file: $0.file, line: $0.line, column: $0.column, message: $0.message, notes: $0.notes)
            })
        }
    }

    /// The 404 page is the one page that is not a folder: hosts look for `/404.html`, and its translation
    /// (`content/404.zh.md`) is `/zh/404.html` (`prefix`, the language's `ContentSet.urlPrefix`).
    static func siteURL(_ page: borrowing Page, prefix: String = "") -> String {
        page.translationKey == "content/404.md" ? SitePath.notFoundPage(prefix: prefix) : page.url
    }

    /// Every page's `siteURL`, each page read in place: a copy of a `Page` retains a dozen fields, on every build.
    static func siteURLs(_ content: ContentSet) -> [String] {
        content.pages.withUnsafeBufferPointer { pages in
            pages.indices.map { index in
                (pages[index].originalSource ?? pages[index].source) == "content/404.md"
                    ? SitePath.notFoundPage(prefix: content.urlPrefix) : pages[index].url
            }
        }
    }

    /// Renders one language's Markdown (a one-language site, or a test).
    static func renderMarkdown(content: ContentSet, urls: [String], options: MarkdownOptions, root: URL, log: ReadLog? = nil,
                               images: ImageSettings, templates: TemplateEnvironment) throws(BuildFailure) -> ([RenderedMarkdown?], ImagePlanner) {
        let (rendered, planner) = try renderMarkdown(editions: [content], urls: [urls], options: options, root: root, log: log, images: images,
                                                     templates: templates)
        return (rendered[0], planner)
    }

    /// Renders every language's Markdown. In a translation, a site path may name the default language's pages and
    /// files too, and a `.md` link to a page not translated leads to the original (`fallbackURLs`).
    static func renderMarkdown(editions: [ContentSet], urls: [[String]], options: MarkdownOptions, root: URL, log: ReadLog? = nil,
                               images: ImageSettings, templates: TemplateEnvironment,
                               fallbackURLs: [String: String] = [:], strings: UIStrings? = nil,
                               memo: MarkdownMemo? = nil) throws(BuildFailure) -> ([[RenderedMarkdown?]], ImagePlanner) {
        // Each language's options: the heading anchor's label in its own words (`UIStrings.markdownOptions`).
        let editionOptions = editions.map { strings?.markdownOptions(options, language: $0.language) ?? options }
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
        let components = try ComponentLibrary.load(inputs)
        let environment = memo == nil ? 0 : MarkdownMemo.environment(editions: editions, urls: urls, staticFiles: listing.files,
                                                                      options: editionOptions, fallbackURLs: fallbackURLs)
        var diagnostics: [Diagnostic] = []
        var all: [[RenderedMarkdown?]] = []
        for position in editions.indices {
            let content = editions[position]
            // The last build's when the environment, which they are a function of, is the same (`MarkdownStage.Tables`).
            let tables = memo?.lastTables(position, language: content.language, environment: environment) ?? MarkdownStage.Tables(
                content: content,
                files: SiteFiles(content: content, urls: urls[position], staticFiles: listing.files,
                                 defaultLanguage: position == 0 ? nil : (editions[0], urls[0])),
                fallbackURLs: position == 0 ? [:] : fallbackURLs)
            let results = MarkdownStage(content: content, urls: urls[position], options: editionOptions[position], tables: tables, images: planner,
                                        components: components, templates: templates).run(memo: memo, environment: environment, position: position)
            diagnostics += results.diagnostics
            all.append(results.rendered)
        }
        if !diagnostics.isEmpty { throw BuildFailure(diagnostics: diagnostics) }
        memo?.finish()
        return (all, planner)
    }

    /// A language's `{% cache %}` store: none without the fragment cache; in a session (with a page memo, which
    /// records reads, and no metrics) one that pastes the last build's fragments that still hold
    /// (`FragmentMemo`); otherwise a new one.
    static func fragments(for language: String, options: BuildOptions, memos: BuildMemos, metrics: TemplateMetrics?) -> FragmentCache? {
        guard options.reusesFragments else { return nil }
        guard metrics == nil, memos.pages != nil, let kept = memos.fragments else { return FragmentCache() }
        return kept.cache(for: language)
    }

    /// How many pages one render step must have before each thread gets its own copy of the templates.
    static let pagesPerTemplateCopy = 1_000

    /// How many pages a thread of an incremental build (with a `PageMemo`) renders from the shared templates
    /// before it makes its own copy: one that renders a page or two again pays no copy (a parse of every
    /// template), one that renders many copies after these few pages. A full build copies at once.
    static let rendersBeforeTemplateCopy = 16

    /// Renders every planned page. `fragments` is this build's `{% cache %}` store; a fragment with a relative link
    /// is shared only between pages whose folders sit in the same folder, which write every link outside it the
    /// same way (`SitePath.parentFolder`, the render's partition).
    static func renderPages(_ jobs: [RenderJob], content: ContentSet, rendered: [RenderedMarkdown?], values: PageValues,
                            data: Value = .dictionary(OrderedDictionary()), templates: TemplateSet, fragments: FragmentCache?,
                            metrics: TemplateMetrics? = nil, translations: TranslationTable? = nil,
                            memo: PageMemo? = nil, edition: Int = 0) throws(BuildFailure) -> [String: Data] {
        let globals = languageGlobals(values, language: content.language, data: data)
        // Each thread renders with its own copy of the parsed templates (see `TemplateEnvironment.copy()`), which pays
        // for itself only over many pages: a copy parses every template again, and a small site (the microsite's
        // 77 pages a language) renders from the shared one, as the engine allows.
        // The copy is made when the thread first renders, in an incremental build once it has rendered a few pages
        // from the shared one (`rendersBeforeTemplateCopy`): one that reuses almost every page it is handed
        // (`PageMemo`) parses no template again.
        let copies = jobs.count >= Self.pagesPerTemplateCopy
        let sharedRenders = memo == nil ? 0 : Self.rendersBeforeTemplateCopy
        // What a reused page needs, taken out of `content` once: the name of the Markdown it shows.
        let language = content.language, pages = content.pages, taxonomies = content.taxonomies
        // With the contexts, templates and files the last build's, the jobs are too: every page whose Markdown was
        // kept is taken where it was, and only the others are rendered or checked one by one (`PageMemo+Order`).
        let kept = memo?.keptEdition(edition, language: language, jobs: jobs)
        let rendering = kept.map { kept in jobs.indices.filter { !kept.takes(jobs[$0].subject, taxonomies: taxonomies) } } ?? Array(jobs.indices)
        let results = rendering.concurrentMap(perWorker: { (copy: copies ? nil : templates.environment, shared: 0) }) {
            worker, position -> Result<(String, Data), PageFailure> in
            func environment() -> TemplateEnvironment {
                if let copy = worker.copy { return copy }
                if worker.shared < sharedRenders {
                    worker.shared += 1
                    return templates.environment
                }
                let copy = templates.environment.copy()
                worker.copy = copy
                return copy
            }
            // Fields read in place: copying the job or the page would retain every one of its strings, on every core.
            let source = jobs[position].source
            let url = jobs[position].url
            do {
                // An incremental build whose page values are the last build's reuses an unchanged page without
                // making its context (`PageMemo.reuseUnchanged`).
                let path = SitePath.outputFile(for: url)
                if let memo, let output = memo.reuseUnchanged(path, markdown: {
                    PageValues.shownMarkdown(of: jobs[position].subject, taxonomies: taxonomies).map { language + "|" + pages[$0].source }
                }) {
                    return .success((path, output))
                }
                let name = try templates.resolve(jobs[position].candidates, for: source)
                var context = Self.context(for: jobs[position], globals: globals, content: content, rendered: rendered,
                                           values: values, translations: translations)
                guard let memo else {
                    let html = try environment().renderUTF8(name, context: context, fragments: fragments,
                                                            partition: SitePath.fragmentPartition(of: url), page: url, metrics: metrics)
                    return .success((path, Data(html)))
                }
                // An incremental build tags the page, reuses its last output when nothing it read changed, and
                // otherwise records what the render reads (`PageMemo`).
                let page = memo.table.tag(context["page"] ?? .none, "page|\(content.language)|" + url)
                context["page"] = page
                let key = PageMemo.contextKey(context, template: name)
                let own: OrderedDictionary? = if case .dictionary(let mapping) = page { mapping } else { nil }
                if let output = memo.reuse(path, context: key, page: own) { return .success((path, output)) }
                let recorder = ReadRecorder()
                // The candidates tried before the one found were read as absent: adding one of them changes the page
                // (`reuseUnchanged` checks templates by these reads alone).
                for candidate in jobs[position].candidates {
                    recorder.noteTemplate(candidate)
                    if candidate == name { break }
                }
                // Copied (if it is) before recording: the copy's own parsing is no read of this page's.
                let renderer = environment()
                let html = try ReadTracking.recording(recorder) {
                    try renderer.renderUTF8(name, context: context, fragments: fragments,
                                            partition: SitePath.fragmentPartition(of: url), page: url, metrics: metrics)
                }
                let output = Data(html)
                memo.store(path, context: key, reads: recorder.recorded, output: output, page: own)
                return .success((path, output))
            } catch let diagnostic as Diagnostic {
                return .failure(PageFailure(diagnostic: diagnostic, page: nil))
            } catch let error as TemplateError {
                return .failure(PageFailure(diagnostic: Diagnostic(error), page: jobs[position].label))
            } catch {
                return .failure(PageFailure(diagnostic: Diagnostic(file: source, message: "\(error)"), page: nil))
            }
        }
        // The last build's pages when they are taken where they were (`PageMemo.Order.Edition.outputs`): those
        // rendered are put in. Otherwise room for every page, the feeds and a few static files, so that ten
        // thousand inserts never rehash.
        var files = kept?.edition.outputs ?? [:]
        if kept == nil { files.reserveCapacity(jobs.count + 64) }
        var failures: [PageFailure] = []
        var paths: [String] = []
        paths.reserveCapacity(results.count)
        for result in results {
            switch result {
            case .success(let (path, data)):
                files[path] = data
                paths.append(path)
            case .failure(let failure): failures.append(failure)
            }
        }
        if !failures.isEmpty { throw BuildFailure(diagnostics: PageFailure.merged(failures)) }
        memo?.record(edition, language: language, jobs: jobs, kept: kept, rendered: rendering, paths: paths, outputs: files)
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

    /// `allow_raw_html: false` in site.yml turns raw HTML in Markdown off; it is on by default (authors are trusted).
    static func allowsRawHTML(_ config: SiteConfig) -> Bool {
        if case .bool(let allowed)? = config.extra.first(where: { $0.key == "allow_raw_html" })?.value.value { return allowed }
        return true
    }

    /// Copies `static/**` to the output root and non-Markdown files under `content/` next to their pages.
    /// A static file may not take the place of a generated one.
    static func copyStaticFiles(into files: inout [String: Data], root: URL, log: ReadLog? = nil, content: ContentSet) throws(BuildFailure) {
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

    static func checkLinks(_ files: [String: Data], editions: [ContentSet], urls: [[String]], root: URL,
                           retracer: LinkRetracer? = nil, memo: LinkMemo? = nil) throws(BuildFailure) {
        let checker = LinkChecker(files: files, basePath: editions[0].config.basePath, memo: memo)
        // An incremental build checks only the pages whose output changed, when that is enough (`LinkMemo`).
        let broken = memo?.pagesToCheck(checker).map { checker.check(only: $0) } ?? checker.check()
        if broken.isEmpty { memo?.keep(checker) }
        // Every page's links and ids, half a million ranges on a large site: freed meanwhile, even
        // by a build that frees nothing else, because the memory is then reused while the output is written
        // (4 MB less peak memory at 10,000 pages, for no measurable time).
        BackgroundRelease.drop(consume checker)
        guard !broken.isEmpty else { return }
        var locator = LinkOrigin(editions: editions, urls: urls, root: root)
        if let retracer { locator.trace(broken, with: retracer) }
        throw BuildFailure(diagnostics: RepeatedLinkErrors.merge(BrokenLinkGroups(broken).reports { locator.diagnostic(for: $0) }))
    }
}
