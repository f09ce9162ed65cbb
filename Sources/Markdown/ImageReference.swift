/// An image met while rendering, handed to the `image` closure of `MarkdownRenderer.render` after its
/// destination went through `rewriteLink`.
public struct ImageReference: Sendable, Equatable {
    /// The destination as written (`/img/plan.png`, `photo.jpg`).
    public let source: String
    /// The destination the image will have: `rewriteLink`'s result, or `source` when it kept it.
    public let destination: String
    /// The alt text: the plain text of the image's description, whitespace collapsed.
    public let alt: String
    /// The title (`![a](b.png "title")`), or "".
    public let title: String
    /// Where the image is, as for `LinkReference` (0 when links are not being located).
    public let line: Int
    public let column: Int

    public init(source: String, destination: String, alt: String, title: String, line: Int, column: Int) {
        self.source = source
        self.destination = destination
        self.alt = alt
        self.title = title
        self.line = line
        self.column = column
    }
}

/// What an image becomes, as the `image` closure of `MarkdownRenderer.render` decides.
public struct ImageReplacement: Sendable, Equatable {
    /// The HTML written in place of the image.
    public var html: String
    /// Whether the HTML replaces the whole paragraph when the image is all the paragraph holds: for a block
    /// (`<figure>`, `<aside>`), which may not sit inside `<p>`.
    public var replacesParagraph: Bool

    public init(html: String, replacesParagraph: Bool = false) {
        self.html = html
        self.replacesParagraph = replacesParagraph
    }
}
