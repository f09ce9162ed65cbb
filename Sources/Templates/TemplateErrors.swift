/// Every error found while loading a set of templates, reported together.
///
/// Loading validates all templates at once so an author fixes every typo in one pass.
public struct TemplateErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [TemplateError]

    public init(_ errors: [TemplateError]) { self.errors = errors }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
