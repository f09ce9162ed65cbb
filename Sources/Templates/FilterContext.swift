/// A filter supplied by the embedding program (Site's `date`, `markdown`, `relative_url`, …).
///
/// It receives the input value, positional and keyword arguments, and a `FilterContext` for
/// reading the render's globals. Errors it throws are reported at the filter's location.
public typealias CustomFilter = @Sendable (_ input: Value, _ args: [Value], _ kwargs: [(String, Value)], FilterContext) throws -> Value

/// What a custom filter may know about the render it runs in.
///
/// `relative_url` needs the page being rendered (`current_url`); passing the globals here keeps
/// filters free of global state, so rendering stays safe from many threads at once.
public struct FilterContext: Sendable {
    let globals: [String: Value]
    /// The name of the template being rendered when the filter ran (as given to `render`).
    public let templateName: String

    public init(globals: [String: Value], templateName: String) {
        self.globals = globals
        self.templateName = templateName
    }

    /// A global of the current render (a key of the context passed to `render`), e.g. "current_url".
    public func lookup(_ name: String) -> Value? { globals[name] }
}
