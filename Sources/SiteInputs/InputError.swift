/// A source file that could not be read, or must not be: it names the root-relative path the user wrote or
/// the walk found, and for a symbolic link that leads out of the site, the link and where it points.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        /// A symbolic link whose target resolves outside the site's root.
        case outsideRoot
        /// The path does not exist (or a symbolic link on the way to it is broken).
        case missing
        /// A symbolic link that resolves to itself, or a folder that points back at one of its parents.
        case loop
        /// A folder where a file was expected, a device, socket or pipe, or a path that is not a plain
        /// root-relative path (`..`, an absolute path, an empty segment).
        case notAFile
        /// The system refused: permissions, I/O error.
        case unreadable
    }

    public var kind: Kind
    /// Root-relative, with `/` separators: `static/img/x.png`. For `.outsideRoot`, the link itself.
    public var path: String
    /// For `.outsideRoot`: the link's target as the link spells it.
    public var target: String?
    public var message: String

    public init(_ kind: Kind, path: String, target: String? = nil, message: String) {
        self.kind = kind
        self.path = path
        self.target = target
        self.message = message
    }

    public var description: String { "\(path): error: \(message)" }
}
