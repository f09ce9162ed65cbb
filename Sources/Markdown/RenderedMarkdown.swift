/// The result of rendering one Markdown document: the HTML plus what templates need besides it.
public struct RenderedMarkdown: Sendable, Equatable {
    /// The body HTML, GFM extensions applied, every heading carrying an `id` and an anchor link.
    public let html: String
    /// The table of contents: every heading, in document order.
    public let headings: [Heading]
    /// Plain text of the first paragraph, whitespace collapsed, for summaries and meta descriptions.
    /// Empty when the document has no paragraph.
    public let excerpt: String

    public init(html: String, headings: [Heading], excerpt: String) {
        self.html = html
        self.headings = headings
        self.excerpt = excerpt
    }
}
