/// One problem found by a build, located in a source file where possible.
///
/// Every module reports its own error type; the build turns them all into this one shape so that the
/// CLI and the preview server print them the same way: `content/timeline/x.md:4:7: error: message`.
public struct Diagnostic: Error, Sendable, Equatable, Hashable, CustomStringConvertible {
    /// Root-relative path of the file at fault (`content/timeline/x.md`, `templates/base.html`), if any.
    public var file: String?
    /// 1-based line, if known.
    public var line: Int?
    /// 1-based column, if known.
    public var column: Int?
    /// One line, no location: "unknown filter 'dat' — did you mean 'date'?".
    public var message: String
    /// Further lines printed under the message (an include chain, a hint).
    public var notes: [String]
    /// A problem that does not stop the build (an untranslated page): printed as `warning:`.
    public var isWarning = false

    public init(file: String?, line: Int? = nil, column: Int? = nil, message: String, notes: [String] = []) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.notes = notes
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
        return location + (isWarning ? "warning: " : "error: ") + message
    }
}

/// Every diagnostic of a failed build, reported together, in a stable order.
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
