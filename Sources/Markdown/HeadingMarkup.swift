/// The HTML wrapped around a heading's rendered inline content.
///
/// Output: `<h2 id="slug">Text <a class="anchor" href="#slug" aria-label="Link to this section">#</a></h2>`.
/// The anchor comes after the text so the heading still reads first for screen readers, and its
/// `aria-label` names the link's purpose instead of announcing a bare "#". Designs style it with
/// `.anchor` (for example, shown on hover or focus).
enum HeadingMarkup {
    static func opening(level: Int, id: String) -> String {
        "<h\(level) id=\"\(escapeAttribute(id))\">"
    }

    static func closing(level: Int, id: String, label: String = MarkdownOptions.defaultHeadingAnchorLabel) -> String {
        " <a class=\"anchor\" href=\"#\(escapeAttribute(id))\" aria-label=\"\(escapeAttribute(label))\">#</a></h\(level)>"
    }

    /// Slugs never contain these characters; escaping anyway keeps the markup safe if the slug rule changes.
    private static func escapeAttribute(_ text: String) -> String {
        // Nothing to escape (always, for slugs): the text as it is, without a Character walk.
        let needsEscaping = text.utf8.contains { byte in
            byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"")
        }
        if !needsEscaping { return text }
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
