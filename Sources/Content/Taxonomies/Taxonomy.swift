/// A taxonomy with its terms, as the loader found them in front matter.
public struct Taxonomy: Sendable {
    public var config: TaxonomyConfig
    /// Every term used by at least one page, sorted by slug.
    public var terms: [Term]
    /// `content/<taxonomy>/_index.md`, a description of the whole taxonomy, when present.
    public var indexPage: Int?

    public var name: String { config.name }

    /// `/topics/`.
    public var url: String { "/\(config.name)/" }
}

/// One term of a taxonomy and the pages that list it.
public struct Term: Sendable {
    /// As written in front matter (NFC): "OpenAI governance".
    public var name: String
    /// The URL segment made from the name (`TermSlug`): "openai-governance".
    public var slug: String
    /// Indices into `ContentSet.pages`: collections in their `site.yml` order, each in its own sort order,
    /// then top-level pages by source path.
    public var pages: [Int]
    /// `content/<taxonomy>/<slug>.md`, the term's own description, when present.
    public var description: Int?

    /// `/topics/openai-governance/`.
    public func url(in taxonomy: String) -> String { "/\(taxonomy)/\(slug)/" }
}
