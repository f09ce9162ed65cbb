/// A range of UTF-8 byte offsets in a template's source.
///
/// Tokens and AST nodes keep byte offsets (cheap to copy); line and column are computed
/// only when an error is reported, through `SourceMap`.
struct Span: Sendable, Equatable {
    var start: Int
    var end: Int

    static let empty = Span(start: 0, end: 0)

    /// The span covering both `self` and `other`.
    func joined(_ other: Span) -> Span { Span(start: min(start, other.start), end: max(end, other.end)) }
}
