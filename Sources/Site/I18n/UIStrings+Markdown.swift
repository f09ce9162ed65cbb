import Markdown

extension UIStrings {
    /// The i18n key whose text labels the `#` link after each heading (`MarkdownOptions.headingAnchorLabel`).
    static let headingAnchorKey = "markdown.heading_anchor"

    /// The Markdown options for pages in `language`: `options` with the heading anchor's label in that
    /// language, when `i18n/<language>.yml` gives one (English's "Link to this section" otherwise).
    func markdownOptions(_ options: MarkdownOptions, language: String) -> MarkdownOptions {
        guard case .text(let label)? = entry(Self.headingAnchorKey, language: language) else { return options }
        var localized = options
        localized.headingAnchorLabel = label
        return localized
    }
}
