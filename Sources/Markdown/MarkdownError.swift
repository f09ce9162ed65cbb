/// The Markdown module's one error type.
///
/// Rendering itself never fails on any input; this only reports a broken installation of
/// cmark-gfm (an extension that cannot be found). Errors thrown by a `rewriteLink` closure are
/// passed through unchanged rather than wrapped, so the caller can match on its own type.
public struct MarkdownError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The named GFM extension is not registered in the linked cmark-gfm library.
        case extensionUnavailable(String)
    }

    public var kind: Kind
    public var file: String?
    public var line: Int?
    public var column: Int?
    public var message: String
    public var notes: [String]

    public init(kind: Kind, file: String? = nil, line: Int? = nil, column: Int? = nil,
                message: String, notes: [String] = []) {
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.notes = notes
    }

    static func extensionUnavailable(_ name: String) -> MarkdownError {
        MarkdownError(kind: .extensionUnavailable(name),
                      message: "cmark-gfm extension '\(name)' is not available",
                      notes: ["install libcmark-gfm-extensions (Debian: libcmark-gfm-extensions-dev)"])
    }

    /// `file:line:column: error: message`, leaving out the parts that are unknown.
    public var description: String {
        var location = ""
        if let file {
            location = file
            if let line {
                location += ":\(line)"
                if let column { location += ":\(column)" }
            }
            location += ": "
        }
        return location + "error: " + message
    }
}
