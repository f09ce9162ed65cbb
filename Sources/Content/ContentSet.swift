import Foundation

/// Everything under `content/`, loaded, checked and cross-linked: the input of a build.
public struct ContentSet: Sendable {
    public let config: SiteConfig
    /// Every page of the build (drafts only when asked for), ordered by source path.
    public internal(set) var pages: [Page]
    /// Configured collections first (in `site.yml` order), then the other folders by name.
    public let collections: [ContentCollection]
    /// Non-Markdown files under `content/`, to copy.
    public let assets: [Asset]
    /// The taxonomies of `site.yml`, in its order, with their terms.
    public let taxonomies: [Taxonomy]
    /// The language of these pages ("en"): `site.yml`'s `language:`, or one of its `languages:`.
    public internal(set) var language: String
    /// What this language's URLs start with: "" for the default language, "/zh" for another.
    public internal(set) var urlPrefix = ""
    /// Problems that do not stop the build (untranslated pages, outdated translations), in file order; on the
    /// default language's set only.
    public internal(set) var warnings: [ContentError] = []
    /// The drafts left out of this build, by URL, with their source files: so that a link to one can say it is
    /// a draft rather than missing.
    public let draftsByURL: [String: String]
    /// The same drafts by source file (`content/timeline/x.md`).
    public var draftSources: Set<String> { Set(draftsByURL.values) }

    private let slugIndex: [String: [String: Int]]
    private let sourceIndex: [String: Int]
    /// For each page, the pages naming it in a top-level relation, already in display order.
    private let incoming: [[(collection: String, source: Int)]]

    init(config: SiteConfig, pages: [Page], collections: [ContentCollection], assets: [Asset],
         slugIndex: [String: [String: Int]], taxonomies: [Taxonomy] = [], language: String? = nil,
         otherSources: [String: Int] = [:], draftsByURL: [String: String] = [:]) {
        self.config = config
        self.language = language ?? config.language
        self.draftsByURL = draftsByURL
        self.pages = pages
        self.collections = collections
        self.assets = assets
        self.taxonomies = taxonomies
        self.slugIndex = slugIndex
        var sources: [String: Int] = [:]
        // A translation is also found under its original's source, so a link to `x.md` written in a translation
        // leads to the same language's page.
        sources = otherSources
        for index in pages.indices { sources[pages[index].source] = index }
        sourceIndex = sources
        incoming = ContentSet.buildBacklinks(pages: pages, collections: collections)
    }

    /// The pages that name `page` in a top-level relation, grouped by *their* collection
    /// (collections in `collections` order; top-level pages last, under the name ""),
    /// each group in that collection's sort order. A page appears once per group.
    public func backlinks(of page: Int) -> [(collection: String, sources: [Int])] {
        guard incoming.indices.contains(page) else { return [] }
        var groups: [(collection: String, sources: [Int])] = []
        for link in incoming[page] {
            if let last = groups.indices.last, groups[last].collection == link.collection {
                groups[last].sources.append(link.source)
            } else {
                groups.append((link.collection, [link.source]))
            }
        }
        return groups
    }

    /// The page with `slug` in `collection` (not list pages), e.g. for nested relations.
    public func page(in collection: String, slug: String) -> Int? {
        slugIndex[collection]?[slug.precomposed]
    }

    /// The page loaded from a root-relative source path ("content/people/sam-altman.md"),
    /// for rewriting links between Markdown files.
    public func page(atSource source: String) -> Int? {
        sourceIndex[source]
    }

    /// The taxonomy whose descriptions live in `content/<name>/`, for a page's `collection`.
    public func taxonomy(named name: String?) -> Taxonomy? {
        guard let name else { return nil }
        return taxonomies.first { $0.name == name }
    }

    /// The collection called `name`.
    public func collection(named name: String) -> ContentCollection? {
        collections.first { $0.name == name }
    }
}
