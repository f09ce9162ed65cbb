/// One heading of a rendered document: an entry of its table of contents.
public struct Heading: Sendable, Equatable {
    /// 1 to 6, as in `<h1>`…`<h6>`.
    public let level: Int
    /// The heading's plain text (inline markup and raw HTML removed, whitespace collapsed).
    public let text: String
    /// The `id` attribute given to the heading in the HTML, unique within the document.
    public let id: String

    public init(level: Int, text: String, id: String) {
        self.level = level
        self.text = text
        self.id = id
    }
}
