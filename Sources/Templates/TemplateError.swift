/// One problem in a template, located at a file, line and column.
///
/// Lexing, parsing, validation and rendering all report through this one type, so Site can turn
/// any of them into a diagnostic with a caret under the offending code.
public struct TemplateError: Error, Sendable, CustomStringConvertible, Equatable {
    /// What went wrong, for tests and tools to match on without parsing the message.
    public enum Kind: Sendable, Equatable {
        case syntax
        case unknownFilter
        case unknownTest
        case templateNotFound
        case cycle
        case undefined
        case type
        case filterFailed
        case limitExceeded
    }

    public var kind: Kind
    public var file: String?
    public var line: Int?
    public var column: Int?
    public var message: String
    /// Extra lines such as the include chain ("in template included from page.html:3:5").
    public var notes: [String]

    public init(kind: Kind, file: String? = nil, line: Int? = nil, column: Int? = nil, message: String, notes: [String] = []) {
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.notes = notes
    }

    /// `file:line:column`, omitting the parts that are unknown.
    public var location: String {
        [file, line.map(String.init), column.map(String.init)].compactMap { $0 }.joined(separator: ":")
    }

    public var description: String {
        let place = location
        return (place.isEmpty ? "" : place + ": ") + "error: " + message
    }
}
