/// Where a piece of Markdown sits in its page's file: a page's body below its front matter, or a component's
/// body inside it. Turns a location in the text that was rendered back into the file's line and column.
struct TextOrigin: Sendable {
    /// The file's line and column of the text's first character.
    var line: Int
    var column: Int
    /// For each rendered line, the line of the text before its component calls were replaced (`ScannedText`);
    /// empty when nothing was replaced.
    var lineMap: [Int] = []

    /// A location in the rendered text (after component calls became placeholders).
    func locate(line: Int, column: Int) -> (line: Int, column: Int) {
        let scanned = line >= 1 && line <= lineMap.count ? lineMap[line - 1] : line
        return locateScanned(line: scanned, column: column)
    }

    /// A location in the text as written.
    func locateScanned(line: Int, column: Int) -> (line: Int, column: Int) {
        (self.line + line - 1, line == 1 ? self.column + column - 1 : column)
    }
}

/// What rendering one page's Markdown keeps track of across its component bodies.
final class PageRenderState {
    /// Images met so far, in document order: the first is loaded at once, the others lazily.
    var imagesSeen = 0
    /// The images the planner was asked about, in order, kept with the page's memo entry (`MarkdownMemo`).
    var images: [MarkdownMemo.ImageRequest] = []
}
