/// Why an image could not be resized or cached; Site places it at the Markdown that names the image.
public struct ImageError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
