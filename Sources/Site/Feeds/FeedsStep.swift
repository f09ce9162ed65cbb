import Content
import Foundation
import Markdown
import SiteInputs
import Templates

/// The build step that writes `sitemap.xml`, `robots.txt` and an Atom feed per collection with `feed: true`.
///
/// Each is built in by default (`Feeds`, where escaping and dates are always right); a template of the same
/// name at the top of `templates/` (`atom.xml`, `sitemap.xml`, `robots.txt`) replaces it, and a `robots.txt`
/// in `static/` replaces the generated one. What goes in follows `feeds:` in `site.yml` (`FeedOptions`) and
/// each page's `feed:`, `sitemap:` and `updated:` (`PageListing`).
struct FeedsStep {
    let content: ContentSet
    let urls: [String]
    /// Every HTML page the build renders (`PagePlan`), in order: the sitemap lists these, content pages with
    /// their `sitemap:` and `updated:` keys, generated ones (terms, taxonomy indexes, numbered pages) as they are.
    let jobs: [RenderJob]
    let rendered: [RenderedMarkdown?]
    let values: PageValues
    let templates: TemplateSet
    /// Whether `static/robots.txt` exists, which is then copied instead.
    let hasStaticRobots: Bool
    /// On a site with several languages: the other languages' sitemap entries (`locations`), listed in the one
    /// sitemap the default language's step writes, and every page's versions for its `xhtml:link` alternates.
    /// A step for another language (`content.urlPrefix` not empty) writes only its feeds, under its prefix.
    var otherLocations: [Feeds.Location] = []
    var alternates: [String: [(language: String, url: String)]] = [:]
    /// In an incremental build, the last build's built-in files by what they were made from (`FeedsMemo`).
    var memo: FeedsMemo? = nil
    /// Whether this build's page values are the last build's (`ContentMemo.valuesKept`): then the content is the
    /// last build's but for the bodies of edited pages, whose summaries are the same, so every argument of the
    /// built-in sitemap and of a feed without full content (front matter, URLs, jobs, summaries, settings,
    /// alternates) is the last build's too, and `memo`'s bytes are taken without making and comparing them.
    var argumentsKept = false

    /// Whether the site has its own `static/robots.txt`.
    static func hasStaticRobots(root: URL, log: ReadLog? = nil) -> Bool {
        // Through `SiteInputs`: a missing file is recorded as absent (adding one later changes the build).
        (try? SiteInputs(root: root, log: log).kind(of: "static/robots.txt")) != nil
    }

    /// This language's pages in the sitemap: every planned page but 404 pages and those with `sitemap: false`.
    func locations() throws(BuildFailure) -> [Feeds.Location] {
        locations(try PageListing.read(content.pages).get())
    }

    /// The same, with this language's listings already read.
    private func locations(_ listings: [PageListing]) -> [Feeds.Location] {
        // Each job read in place: a copy of a `RenderJob` retains its strings and candidates.
        jobs.withUnsafeBufferPointer { jobs in
            var locations: [Feeds.Location] = []
            locations.reserveCapacity(jobs.count)
            for position in jobs.indices where !SitePath.isNotFoundPage(jobs[position].url) {
                guard case .page(let index) = jobs[position].subject else {
                    locations.append(Feeds.Location(url: jobs[position].url, lastmod: nil))
                    continue
                }
                if listings[index].inSitemap { locations.append(Feeds.Location(url: jobs[position].url, lastmod: listings[index].updated)) }
            }
            return locations
        }
    }

    func add(to files: inout [String: Data]) throws(BuildFailure) {
        let options = try FeedOptions.read(content.config).get()
        // Read once, and only when something is made (with the arguments kept, the last build read the same
        // front matter without a problem).
        var read: [PageListing]?
        func listings() throws(BuildFailure) -> [PageListing] {
            if let read { return read }
            let listings = try PageListing.read(content.pages).get()
            read = listings
            return listings
        }
        let baseURL = content.config.baseURL
        var diagnostics: [Diagnostic] = []
        let isDefaultLanguage = content.urlPrefix.isEmpty

        if isDefaultLanguage {
            // A sitemap template gets each page's versions, to write its own `xhtml:link` alternates.
            if templates.environment.hasTemplate(FeedTemplates.sitemap) {
                let locations = self.locations(try listings()) + otherLocations
                render(FeedTemplates.sitemap, FeedTemplates.sitemapContext(locations, baseURL: baseURL, alternates: alternates),
                       into: &files, at: "sitemap.xml", diagnostics: &diagnostics)
            } else if argumentsKept, let kept = memo?.kept(at: "sitemap.xml") {
                files["sitemap.xml"] = kept
            } else {
                let locations = self.locations(try listings()) + otherLocations
                files["sitemap.xml"] = made("sitemap.xml", .sitemap(locations: locations, baseURL: baseURL, alternates: alternates)) {
                    Feeds.sitemap(locations, baseURL: baseURL, alternates: alternates)
                }
            }
        }

        if isDefaultLanguage && !hasStaticRobots {
            if templates.environment.hasTemplate(FeedTemplates.robots) {
                render(FeedTemplates.robots, ["sitemap_url": .string(SiteFilters.absoluteURL("/sitemap.xml", baseURL: baseURL))],
                       into: &files, at: "robots.txt", diagnostics: &diagnostics)
            } else {
                files["robots.txt"] = Feeds.robots(baseURL: baseURL)
            }
        }

        // Another language's feeds sit under its URL prefix (`zh/timeline/atom.xml`), with its own site title.
        let folder = isDefaultLanguage ? "" : String(content.urlPrefix.dropFirst()) + "/"
        let siteTitle = content.config.languageSettings?.siteSettings(of: content.language).firstValue(forKey: "title")?.string
            ?? content.config.title
        for collection in content.collections {
            guard let config = content.config.collection(named: collection.name), config.feed else { continue }
            let path = "\(folder)\(collection.name)/atom.xml"
            let builtIn = !templates.environment.hasTemplate(FeedTemplates.atom)
            // Full content shows each body, which an edit changes: made and compared as usual.
            if builtIn, argumentsKept, !options.fullContent, let kept = memo?.kept(at: path) {
                files[path] = kept
                continue
            }
            let listings = try listings()
            let members = collection.pageIndices.filter { listings[$0].inFeed }
            // Each page read in place, borrowed: a copy of a `Page` retains a dozen fields.
            let entries = content.pages.withUnsafeBufferPointer { pages in
                members.map { index in
                    Feeds.Entry(title: pages[index].title, date: pages[index].date, url: urls[index],
                                summary: PageValues.summary(of: pages[index], rendered: rendered[index]),
                                updated: listings[index].updated,
                                content: options.fullContent ? (rendered[index]?.html ?? "") : nil)
                }
            }
            let header = Feeds.Header(collection: folder + collection.name, title: config.title ?? collection.name.capitalized,
                                      siteTitle: siteTitle, author: options.author, limit: options.limit)
            if !builtIn {
                let context = FeedTemplates.atomContext(header, entries: entries, cards: members.map { values.cards[$0] },
                                                        baseURL: baseURL)
                render(FeedTemplates.atom, context, into: &files, at: path, diagnostics: &diagnostics)
            } else {
                files[path] = made(path, .atom(header: header, entries: entries, baseURL: baseURL)) {
                    Feeds.atom(header, entries: entries, baseURL: baseURL)
                }
            }
        }
        if !diagnostics.isEmpty { throw BuildFailure(diagnostics: diagnostics) }
    }

    /// A built-in file's bytes: the last build's when made from the same `key` (`FeedsMemo`), else `make()`'s.
    private func made(_ path: String, _ key: @autoclosure () -> FeedsMemo.Key, _ make: () -> Data) -> Data {
        guard let memo else { return make() }
        return memo.data(at: path, key(), make: make)
    }

    /// Renders a replacement template with the site's globals and `extra`, escaping by its name.
    private func render(_ name: String, _ extra: [String: Value], into files: inout [String: Data], at path: String,
                        diagnostics: inout [Diagnostic]) {
        var context: [String: Value] = [
            "site": values.site, "collections": values.collections, "current_url": .string("/" + path),
            // The language whose files these are (the sitemap and robots.txt: the default language's), for `t`.
            "lang": .string(content.language),
        ]
        for (key, value) in extra { context[key] = value }
        do {
            let bytes = try templates.environment.renderUTF8(name, context: context,
                                                             escaping: OutputEscaping.forTemplate(named: name))
            files[path] = Data(bytes)
        } catch {
            diagnostics.append(Diagnostic(error))
        }
    }
}
