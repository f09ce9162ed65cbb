/// How a Markdown document is turned into HTML.
///
/// Kept as a struct (not loose parameters) so Site can hold one value for the whole build
/// and new switches can be added without changing every call site.
public struct MarkdownOptions: Sendable, Equatable {
    /// Whether raw HTML in the document is passed through (cmark-gfm's `CMARK_OPT_UNSAFE`).
    ///
    /// Even when true, the GFM tag filter still neutralises `<script>`, `<iframe>`, `<style>` and the
    /// other tags GitHub disallows. When false, raw HTML becomes `<!-- raw HTML omitted -->` and
    /// `javascript:` style link destinations are emptied.
    public var allowRawHTML: Bool

    /// The `aria-label` of the `#` link after each heading, in the page's language (a site takes it from
    /// `i18n/<lang>.yml`'s `markdown.heading_anchor` when it has one).
    public var headingAnchorLabel: String

    public static let defaultHeadingAnchorLabel = "Link to this section"

    public init(allowRawHTML: Bool = true, headingAnchorLabel: String = MarkdownOptions.defaultHeadingAnchorLabel) {
        self.allowRawHTML = allowRawHTML
        self.headingAnchorLabel = headingAnchorLabel
    }
}
