/// Why the preview could not start: a bad `--host`, a port in use. Printed as is by the CLI.
public struct PreviewError: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// The port was taken by another program: said in so many words, with what to do.
    public var addressInUse = false

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { "error: " + message }
}
