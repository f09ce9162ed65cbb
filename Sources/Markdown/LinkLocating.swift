/// When `MarkdownRenderer.render` works out where each link is (see its `locatingLinks`).
///
/// Finding a link's line and column means indexing the document's lines and searching them around
/// cmark-gfm's positions, for every link of every page. A build needs a location only for a link it
/// reports as broken, which is rare: `.onFailure` renders without locating, and again, locating, only for a
/// document where the caller's rewrite fails.
public enum LinkLocating: Sendable, Equatable {
    /// Every `LinkReference` has its line and column.
    case always
    /// Only a document whose rewrite throws is rendered again with every link located; otherwise links
    /// have line and column 0.
    case onFailure
}
