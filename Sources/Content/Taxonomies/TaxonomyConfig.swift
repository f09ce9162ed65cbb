/// One taxonomy declared in `site.yml` (`taxonomies: {topics: {title: Topics, paginate: 10}}`).
///
/// Any page may then list plain terms under a key of the same name (`topics: [lawsuits, money]`); the build
/// writes a page per term (`/topics/lawsuits/`) and an index of the terms (`/topics/`).
public struct TaxonomyConfig: Sendable {
    /// The front-matter key, the folder of its pages (`/topics/`) and of its optional descriptions (`content/topics/`).
    public var name: String
    /// Display name for templates; nil means "use the name, capitalized".
    public var title: String?
    /// Pages listed per term page (`paginate:`); nil lists them all on one page.
    public var paginate: Int?
    /// Where the name was written in `site.yml`, for errors about the taxonomy itself.
    public var line: Int
    public var column: Int

    public init(name: String, title: String? = nil, paginate: Int? = nil, line: Int = 1, column: Int = 1) {
        self.name = name
        self.title = title
        self.paginate = paginate
        self.line = line
        self.column = column
    }
}
