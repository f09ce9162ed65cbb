/// One component call found in Markdown: `{{< figure src="/img/plan.svg" caption="The plan" >}}`, or a paired
/// one with its body. Lines and columns are those of the text that was scanned (1-based, columns in Unicode
/// scalars), which the Markdown step maps to the page's file.
struct ComponentCall: Sendable {
    struct Argument: Sendable {
        var name: String
        var value: String
        var line: Int
        var column: Int
    }

    var name: String
    var arguments: [Argument]
    /// The Markdown between the opening and the closing tag, for a paired component.
    var body: String?
    /// Where the body starts.
    var bodyLine = 0
    var bodyColumn = 0
    /// Where `{{<` is.
    var line: Int
    var column: Int
    /// Whether the call has its lines to itself: it then replaces a whole paragraph (a `<figure>` or an
    /// `<aside>` may not sit inside `<p>`).
    var isBlock: Bool
}

/// A component call that is wrong, where it is in the scanned text.
struct ComponentProblem: Error, Sendable {
    var line: Int
    var column: Int
    var message: String
}

/// Markdown whose component calls have been replaced by placeholders, with the calls and a line map.
struct ScannedText: Sendable {
    /// The text given to cmark-gfm: each call is an image, `![](component:N)`, which the image hook of the
    /// Markdown renderer replaces with the component's HTML, in document order.
    var markdown: String
    var calls: [ComponentCall]
    /// For each line of `markdown` (index 0 is line 1), the line of the scanned text it came from.
    var lineMap: [Int]

    /// The placeholder's destination for call `index`.
    static func destination(_ index: Int) -> String { "component:\(index)" }

    /// The call a placeholder's destination names, if it is one.
    static func callIndex(_ destination: String) -> Int? {
        guard destination.hasPrefix("component:") else { return nil }
        return Int(destination.dropFirst("component:".count))
    }
}
