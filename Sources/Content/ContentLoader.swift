import Foundation
import SiteInputs

/// Loads a site's `site.yml` and `content/` into a checked `ContentSet`.
///
/// The load is a short list of named steps. Files are parsed in parallel; everything that
/// needs the whole set (URL collisions, relations, required keys, sorting, backlinks) runs
/// after, on indices. Errors from every step are collected and thrown together, so one build
/// reports all problems.
///
/// The conventions, in one place:
/// - `content/index.md` → `/`; `content/<name>.md` → `/<name>/`; `content/<c>/<slug>.md` → `/<c>/<slug>/`;
///   `content/<c>/_index.md` → `/<c>/` (the list page). Markdown deeper than `content/<c>/` is an error;
///   other files at any depth are assets, copied to the same path below the output folder.
///   Names starting with `.` are ignored.
/// - A folder directly under `content/` holding at least one `.md` file is a collection. A collection named
///   in `site.yml` without such a folder is an error ("did you mean"), and so is a `sort_by` key that no page
///   of its collection has (`CollectionChecks`).
/// - `slug:` replaces the file-derived slug, `permalink:` the whole URL (a last segment with a `.` is
///   a file, "/feed.json"; anything else gets a trailing `/`). Neither may leave the output folder.
///   Slugs are Unicode-normalized (NFC); URLs are kept unencoded (Site percent-encodes them in HTML).
/// - Two pages whose URLs differ only in letter case collide: that is an error naming both files.
/// - Every page needs a string `title:`. A zero-byte file is an error ("file is empty"): it is almost
///   always a half-saved or truncated file, not an intentional page.
/// - `draft: true` drops the page unless `includeDrafts`; a relation to a dropped draft is an error.
/// - Dates (`date`, `start`, `end`, `*_date`, at any depth) are `2015`, `2015-05` or `2015-12-11`.
/// - A key named after a collection holds a list of that collection's slugs, at any depth.
public enum ContentLoader {
    /// - Parameters:
    ///   - root: the site folder holding `site.yml` (optional) and `content/`.
    ///   - includeDrafts: keep pages with `draft: true` (they are dropped otherwise, and a
    ///     relation to one is an error).
    /// - Throws: `ContentErrors` with every problem found, sorted by file and line.
    ///   - readLog: where every file read (site.yml, each page) is recorded, for incremental rebuilds.
    public static func load(root: URL, includeDrafts: Bool = false, readLog: ReadLog? = nil) throws(ContentErrors) -> ContentSet {
        try loadEditions(root: root, includeDrafts: includeDrafts, readLog: readLog)[0]
    }

    /// The site's content in each of its languages: the default language's first (today's URLs), then one
    /// `ContentSet` per other language of `site.yml`, in its order, holding that language's translations
    /// (`Languages/TranslationEdition`). A site without `languages:` has one edition.
    /// - Throws: `ContentErrors` with every problem found in every language, sorted by file and line.
    /// `parseMemo`, when given, keeps parsed pages for the next load and reuses those whose bytes are the same.
    ///   - configLoaded: called once, as soon as `site.yml` is read (before any page is, and while content/ is
    ///     still being listed), on whichever thread read it: with its settings, or nil when it has errors (the load
    ///     then fails). Work that needs only the settings can start meanwhile.
    public static func loadEditions(root: URL, includeDrafts: Bool = false, readLog: ReadLog? = nil,
                                    parseMemo: PageParseMemo? = nil,
                                    configLoaded: @Sendable (SiteConfig?) -> Void = { _ in }) throws(ContentErrors) -> [ContentSet] {
        parseMemo?.begin()
        // site.yml and the walk of content/ at once: each on one core, and neither needs the other.
        let ((config, configErrors), tree) = Parallel.both({
            let (config, errors) = SiteConfig.load(root: root, log: readLog)
            configLoaded(errors.isEmpty ? config : nil)
            return (config, errors)
        }, { ContentTree(root: root, log: readLog) })
        var errors = configErrors + tree.errors
        let files = TranslationFiles(tree.markdown, settings: config.languageSettings)
        errors += files.errors
        // Every language's pages parsed in one pass over all cores; then each language's are gathered in turn.
        let languages = config.languageSettings?.translationLanguages ?? []
        let groups = [files.originals] + languages.map { files.translations[$0] ?? [] }
        var parsedGroups = parse(groups, in: tree, config: config, includeDrafts: includeDrafts, memo: parseMemo)
        let parsed = parsedGroups.removeFirst()
        errors += parsed.errors
        var (content, assemblyErrors) = assemble(parsed, config: config, tree: tree, configReadCleanly: configErrors.isEmpty)
        errors += assemblyErrors
        var editions = [content]
        if let settings = config.languageSettings {
            var warnings: [ContentError] = []
            for (language, translations) in zip(languages, parsedGroups) {
                errors += translations.errors
                let edition = TranslationEdition(language: language, translations: translations.pages,
                                                 original: content,
                                                 originalDraftSources: parsed.draftSources, settings: settings)
                errors += edition.errors + (settings.missing == .error ? edition.missing : [])
                warnings += edition.warnings + (settings.missing == .warning ? edition.missing : [])
                editions.append(edition.content)
            }
            content.warnings = ContentErrors(warnings).errors
            editions[0] = content
        }
        guard errors.isEmpty else { throw ContentErrors(errors) }
        return editions
    }

    /// Pages parsed in parallel, drafts dropped unless asked for.
    struct Parsed {
        var pages: [Page] = []
        var errors: [ContentError] = []
        /// "collection/slug" of dropped drafts, and their sources.
        var drafts = Set<String>()
        /// The dropped drafts' URLs and their sources (`ContentSet.draftsByURL`).
        var draftsByURL: [String: String] = [:]
        var draftSources: Set<String> { Set(draftsByURL.values) }
        var broken = Set<String>()
        /// "taxonomy/slug" of the terms only drafts use: their descriptions are not reported as describing nothing.
        var draftTerms = Set<String>()
    }

    /// Each group's pages (one group a language), all groups' files parsed in one parallel pass.
    static func parse(_ groups: [[ContentTree.SourceFile]], in tree: ContentTree, config: SiteConfig, includeDrafts: Bool,
                      memo: PageParseMemo? = nil) -> [Parsed] {
        var outcomes = Parallel.map(groups.flatMap { $0 }) { PageParser.parse($0, in: tree, memo: memo) }
        var start = 0
        return groups.map { files in
            defer { start += files.count }
            return gather(&outcomes, from: start, files: files, config: config, includeDrafts: includeDrafts)
        }
    }

    /// One group's pages, moved out of `outcomes` from `start` on, with its errors and drafts.
    private static func gather(_ outcomes: inout [PageParser.Outcome], from start: Int, files: [ContentTree.SourceFile],
                               config: SiteConfig, includeDrafts: Bool) -> Parsed {
        var parsed = Parsed()
        parsed.pages.reserveCapacity(files.count)
        // By position, moving each page out of its outcome: a `Page` has a dozen reference-counted
        // fields, and copying 10,000 of them several times over was a visible serial cost.
        for offset in files.indices {
            let position = start + offset
            parsed.errors += outcomes[position].errors
            // A page with value errors (a bad date, a wrong type) still takes part in the checks
            // below, so its relation errors are reported in the same run; the load fails anyway.
            guard let page = outcomes[position].page.take() else {
                // Relations to a file that could not be read are not reported a second time.
                if let route = PageRoute.fromPath(files[offset].components) {
                    parsed.broken.insert((route.collection ?? "") + "/" + route.slug)
                }
                continue
            }
            if page.draft && !includeDrafts {
                parsed.drafts.insert((page.collection ?? "") + "/" + page.slug)
                parsed.draftTerms.formUnion(TaxonomyIndex.termKeys(of: page, config: config))
                parsed.draftsByURL[page.url] = page.source
                continue
            }
            parsed.pages.append(page)
        }
        return parsed
    }

    /// The checks that need the whole set of one language's pages: URLs, relations, required keys, collections,
    /// taxonomies. The set is made even when there are errors (the translations are checked against it).
    static func assemble(_ parsed: Parsed, config: SiteConfig, tree: ContentTree,
                         configReadCleanly: Bool) -> (ContentSet, [ContentError]) {
        var pages = parsed.pages
        var errors = URLCollisions.find(pages: pages, assets: tree.assets)
        let names = collectionNames(config: config, folders: tree.collections)
        // Only for a site.yml that was read without a problem: a setting it could not read says nothing of the folders.
        // Nor for a content/ that is missing or holds no page at all: that is the one problem to report (and, for an
        // empty one, the CLI's check against the last build's pages).
        if configReadCleanly, !tree.markdown.isEmpty {
            errors += CollectionChecks.check(config: config, folders: tree.collections, pages: pages)
        }
        let (index, indexErrors) = slugIndex(pages: pages, collections: Set(names))
        errors += indexErrors

        // Relations and required keys are checked page by page against read-only indices, so in
        // parallel, each page edited in place; each kind of error is gathered in page order, as a
        // serial loop would.
        let resolver = RelationResolver(index: index, drafts: parsed.drafts, broken: parsed.broken)
        let checked = Parallel.map(updating: &pages) { page in
            var pageResolver = resolver
            page.relations = pageResolver.resolve(&page.frontMatter, file: page.source)
            return (relationErrors: pageResolver.errors, missingKeys: missingKeys(of: page, config: config))
        }
        errors += checked.flatMap(\.relationErrors)
        errors += checked.flatMap(\.missingKeys)

        let collections = names.map { name in
            makeCollection(name, config: config.collection(named: name) ?? CollectionConfig(name: name), pages: pages)
        }
        let taxonomies = TaxonomyIndex(config: config, pages: pages, collections: collections, draftTerms: parsed.draftTerms)
        errors += taxonomies.errors
        let content = ContentSet(config: config, pages: pages, collections: collections, assets: tree.assets, slugIndex: index,
                                 taxonomies: taxonomies.taxonomies, draftsByURL: parsed.draftsByURL)
        return (content, errors)
    }

    /// Configured collections in `site.yml` order, then the remaining folders in name order. A folder named after a
    /// taxonomy is not a collection: it holds the descriptions of its terms.
    static func collectionNames(config: SiteConfig, folders: [String]) -> [String] {
        var names = config.collections.map(\.name)
        let configured = Set(names).union(config.taxonomies.map(\.name))
        names += folders.map(\.precomposed).filter { !configured.contains($0) }.sorted()
        return names
    }

    /// collection → slug → page, with an entry (maybe empty) for every collection.
    static func slugIndex(pages: [Page], collections: Set<String>)
        -> (index: [String: [String: Int]], errors: [ContentError]) {
        var index = Dictionary(uniqueKeysWithValues: collections.map { ($0, [String: Int]()) })
        var errors: [ContentError] = []
        for position in pages.indices {
            guard let collection = pages[position].collection, !pages[position].isListPage,
                  collections.contains(collection) else { continue }
            let slug = pages[position].slug
            if let other = index[collection]?[slug] {
                let page = pages[position]
                // Same URL too: URLCollisions already reported the pair.
                if pages[other].outputPath.lowercased() == page.outputPath.lowercased() { continue }
                errors.append(ContentError(.duplicateURL, file: page.source, line: 1, column: 1,
                                           message: "slug '\(page.slug)' is also used by \(pages[other].source)",
                                           notes: ["relations name pages by slug, so slugs must be unique in a collection"]))
                continue
            }
            index[collection, default: [:]][slug] = position
        }
        return (index, errors)
    }

    /// `required:` keys of the page's collection that it lacks (none for a list page).
    private static func missingKeys(of page: Page, config: SiteConfig) -> [ContentError] {
        var errors: [ContentError] = []
        guard !page.isListPage, let collection = page.collection, let settings = config.collection(named: collection) else {
            return errors
        }
        for key in settings.required {
            if let node = page.frontMatter.firstValue(forKey: key), !isNull(node) { continue }
            errors.append(ContentError(.missingKey, file: page.source, line: 1, column: 1,
                                       message: "missing required key '\(key)'",
                                       notes: ["collection '\(collection)' requires it (site.yml)"]))
        }
        return errors
    }

    private static func isNull(_ node: Node) -> Bool {
        if case .null = node.value { return true }
        return false
    }

    static func makeCollection(_ name: String, config: CollectionConfig, pages: [Page]) -> ContentCollection {
        var members: [Int] = []
        var listPage: Int?
        for position in pages.indices where pages[position].collection == name {
            if pages[position].isListPage { listPage = position } else { members.append(position) }
        }
        return ContentCollection(name: name, config: config,
                                 pageIndices: CollectionSorter.sort(members, of: pages, by: config), listPage: listPage)
    }
}
