/// A link or image destination met while rendering, handed to the `rewriteLink` closure.
///
/// The location lets the caller report a broken link exactly where the author wrote it.
public struct LinkReference: Sendable, Equatable {
    /// The destination as cmark-gfm parsed it (`other.md`, `../img/x.png`, `http://www.example.com`
    /// for a bare `www.example.com` autolink, `mailto:a@b.org` for a bare e-mail address).
    public let destination: String
    /// 1-based line within the Markdown text given to the renderer.
    public let line: Int
    /// 1-based column of the construct's first character (`[` of a link, `!` of an image, `<` or the
    /// first letter of an autolink), counted in Unicode scalars, not bytes.
    public let column: Int

    public init(destination: String, line: Int, column: Int) {
        self.destination = destination
        self.line = line
        self.column = column
    }
}
