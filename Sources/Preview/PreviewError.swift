/// Why the preview could not start: a bad `--host`, a port in use. Printed as is by the CLI.
public struct PreviewError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { "error: " + message }
}
