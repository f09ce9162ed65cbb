/// One Markdown file under `content/`, typed and placed.
///
/// Pages are plain values: relations are indices into `ContentSet.pages`, so the whole
/// set can be shared across threads and templates without reference cycles.
public struct Page: Sendable {
    /// Root-relative source path, e.g. "content/timeline/openai-founded.md".
    public var source: String
    /// The folder under `content/`, nil for top-level pages (`content/about.md`).
    public var collection: String?
    /// "openai-founded" (file name or `slug:`); "" for `content/index.md` and list pages.
    public var slug: String
    /// True for `content/<collection>/_index.md`.
    public var isListPage: Bool
    /// Site path, unencoded: "/", "/about/", "/timeline/openai-founded/" or a `permalink:`.
    public var url: String
    /// Where the page is written, relative to the output folder: "timeline/openai-founded/index.html".
    public var outputPath: String
    /// Every front-matter key, in source order, with relation items resolved (`Node.target`).
    public var frontMatter: [(key: String, value: Node)]
    public var title: String
    public var date: PartialDate?
    /// `date_label:` — shown instead of the formatted date ("Early 2018").
    public var dateLabel: String?
    public var draft: Bool
    /// `template:` — overrides the template lookup.
    public var template: String?
    /// `summary:` — shown instead of the Markdown excerpt.
    public var summary: String?
    /// The Markdown after the front matter.
    public var body: String
    /// 1-based file line of the first line of `body`, to locate Markdown errors in the file.
    public var bodyStartLine: Int
    /// Top-level relation keys (keys named after a collection), in front-matter order,
    /// each with the indices of the pages it names, in the order written.
    public var relations: [(collection: String, targets: [Int])]
    /// `aliases:` — old addresses of this page, where the build leaves redirects.
    public var aliases: [Alias] = []

    /// The first top-level front-matter value under `key`.
    public subscript(key: String) -> Node? {
        frontMatter.firstValue(forKey: key)
    }
}
