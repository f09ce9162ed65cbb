/// A link or image as found in the cmark-gfm tree, before its position is corrected.
///
/// Plain Swift values only, so the code that fixes positions needs nothing from the C API.
struct LinkSite {
    enum Kind { case link, image }

    var kind: Kind
    var destination: String
    /// Concatenated text of the link's direct text children (an autolink's visible URL).
    var text: String
    /// cmark-gfm's start line and byte column; 0 when it recorded none (bare `https://` and e-mail autolinks).
    var line: Int
    var column: Int
    /// The enclosing block (paragraph, table cell, heading…): its identity, start and end line.
    var blockKey: Int
    var blockLine: Int
    var blockColumn: Int
    var blockEndLine: Int
}
