/// One problem found while loading `site.yml` or a file under `content/`.
///
/// Every error carries the location a user needs to fix it: the root-relative file
/// ("content/timeline/x.md"), and where there is one, the 1-based line and column
/// *in that file* (front-matter offsets already added). Columns count Unicode scalars,
/// as libyaml does, so a caret can be placed under the offending value.
public struct ContentError: Error, Sendable, CustomStringConvertible, Equatable {
    /// What went wrong, for tests and for callers that react to a class of problem.
    public enum Kind: String, Sendable, Equatable {
        /// The file could not be read (permissions, broken symlink, symlink loop, not a regular file).
        case unreadable
        /// The file is not UTF-8 text (invalid bytes, NUL bytes).
        case encoding
        /// The `.md` file has no bytes at all.
        case emptyFile
        /// The `---` block is malformed (never closed, not a mapping).
        case frontMatter
        /// libyaml rejected the text.
        case yaml
        /// A known key holds a value of the wrong type.
        case type
        /// A date value is malformed or impossible.
        case date
        /// A slug or permalink is invalid or tries to leave the output folder.
        case path
        /// Two pages (or a page and an asset) produce the same URL.
        case duplicateURL
        /// A relation names a page that does not exist or is a draft.
        case relation
        /// A required key is missing.
        case missingKey
        /// A Markdown file sits deeper than `content/<collection>/`.
        case nesting
        /// `site.yml` has a key of the wrong shape.
        case config
        /// The site has no `content/` folder (or its `content` link leads nowhere).
        case missingFolder
    }

    public var kind: Kind
    public var file: String?
    public var line: Int?
    public var column: Int?
    public var message: String
    public var notes: [String]

    public init(_ kind: Kind, file: String?, line: Int? = nil, column: Int? = nil,
                message: String, notes: [String] = []) {
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.notes = notes
    }

    /// An error located at a front-matter node.
    init(_ kind: Kind, file: String, at node: Node, message: String, notes: [String] = []) {
        self.init(kind, file: file, line: node.line, column: node.column, message: message, notes: notes)
    }

    /// `file:line:column: error: message`, parts that are nil left out, then one `note:` line per note.
    public var description: String {
        var location = ""
        if let file { location += file.visible + ":" }
        if let line {
            location += "\(line):"
            if let column { location += "\(column):" }
        }
        var text = (location.isEmpty ? "" : location + " ") + "error: " + message
        for note in notes { text += "\nnote: " + note }
        return text
    }
}
