/// Renders Markdown (CommonMark plus GitHub's extensions) to HTML with a table of contents.
///
/// Extensions on: tables, strikethrough, autolinks, the tag filter, task lists and footnotes.
/// Quotes and dashes are kept as written (no smart punctuation), so output is predictable.
/// Safe to call from many tasks at once.
public enum MarkdownRenderer {
    /// Renders `markdown`.
    ///
    /// - Parameters:
    ///   - markdown: the document body; line numbers in `LinkReference` count from its first line.
    ///   - options: raw HTML on or off.
    ///   - locatingLinks: `.always` gives every `LinkReference` its line and column. `.onFailure` gives them
    ///     only to the links of a document where `rewriteLink` throws: the document is rendered without
    ///     locating any link (each gets line and column 0), and only if `rewriteLink` throws is it rendered
    ///     again with every link located, so that the error can say where the link is. `rewriteLink` must
    ///     then decide the same way both times (depend on the destination, not on the location or on state).
    ///   - rewriteLink: called for every link and image destination, in document order (footnote
    ///     definitions come last, as they are rendered); return nil to keep it, a string to replace it.
    ///   - image: called for every image right after `rewriteLink` saw it, in document order; return HTML to
    ///     write in place of the whole image (`<img>` with sizes, `<picture>`), or nil for cmark-gfm's `<img>`.
    /// - Throws: whatever `rewriteLink` throws, unchanged (Site uses that for broken `.md` links);
    ///   `MarkdownError` only if the installed cmark-gfm lacks an extension.
    public static func render(
        _ markdown: String,
        options: MarkdownOptions = .init(),
        locatingLinks: LinkLocating = .always,
        rewriteLink: (LinkReference) throws -> String? = { _ in nil },
        image: ((ImageReference) throws -> ImageReplacement?)? = nil
    ) throws -> RenderedMarkdown {
        guard locatingLinks == .onFailure else {
            return try render(markdown, options: options, locating: true, rewriteLink, image)
        }
        do {
            return try render(markdown, options: options, locating: false, rewriteLink, image)
        } catch {
            return try render(markdown, options: options, locating: true, rewriteLink, image)
        }
    }

    /// The lines (1-based, first to last) of every fenced or indented code block: text a preprocessor such as
    /// Site's components must leave as it is.
    public static func codeBlockLines(_ markdown: String) -> [ClosedRange<Int>] {
        CMarkDocument.codeBlockLines(markdown)
    }

    private static func render(_ markdown: String, options: MarkdownOptions, locating: Bool,
                               _ rewriteLink: (LinkReference) throws -> String?,
                               _ image: ((ImageReference) throws -> ImageReplacement?)?) throws -> RenderedMarkdown {
        var locator = LinkLocator(markdown: markdown)
        var ids = HeadingIDAllocator()
        var headings: [Heading] = []
        // The image closure runs right after the link closure for the same node: it reuses that location.
        var last = LinkReference(destination: "", line: 0, column: 0)
        let imageClosure: ((String, String, String) throws -> ImageReplacement?)? = image.map { image in
            { destination, alt, title in
                try image(ImageReference(source: last.destination, destination: destination, alt: alt, title: title,
                                         line: last.line, column: last.column))
            }
        }
        let (html, excerpt) = try CMarkDocument.render(
            markdown,
            allowRawHTML: options.allowRawHTML,
            headingAnchorLabel: options.headingAnchorLabel,
            link: { site in
                let location = locating ? locator.locate(site) : (line: 0, column: 0)
                last = LinkReference(destination: site.destination, line: location.line, column: location.column)
                return try rewriteLink(last)
            },
            image: imageClosure,
            heading: { level, text in
                let id = ids.claim(slug: Slug.make(text))
                headings.append(Heading(level: level, text: text, id: id))
                return id
            }
        )
        return RenderedMarkdown(html: html, headings: headings, excerpt: excerpt)
    }
}
