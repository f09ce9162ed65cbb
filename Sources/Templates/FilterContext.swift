/// A filter supplied by the embedding program (Site's `date`, `markdown`, `relative_url`, …).
///
/// It receives the input value, positional and keyword arguments, and a `FilterContext` for
/// reading the render's globals. Errors it throws are reported at the filter's location.
public typealias CustomFilter = @Sendable (_ input: Value, _ args: [Value], _ kwargs: [(String, Value)], FilterContext) throws -> Value

/// What a custom filter may know about the render it runs in.
///
/// `relative_url` needs the page being rendered (`current_url`); passing the globals here keeps
/// filters free of global state, so rendering stays safe from many threads at once.
public struct FilterContext: @unchecked Sendable {
    let globals: [String: Value]
    /// The name of the template being rendered when the filter ran (as given to `render`).
    public let templateName: String
    /// The `{% cache %}` body being rendered, if any. A filter runs on the rendering thread and the context
    /// does not outlive the call, so the recording is never touched by two threads (hence `@unchecked`).
    let fragment: FragmentRecording?

    public init(globals: [String: Value], templateName: String) {
        self.init(globals: globals, templateName: templateName, fragment: nil)
    }

    init(globals: [String: Value], templateName: String, fragment: FragmentRecording?) {
        self.globals = globals
        self.templateName = templateName
        self.fragment = fragment
    }

    /// A global of the current render (a key of the context passed to `render`), e.g. "current_url".
    ///
    /// A filter whose result depends on a global that differs from render to render must say so inside a
    /// `{% cache %}` body (`isInCachedFragment`): `markLocationDependent()` or `markPageSpecific()`, as
    /// `relative_url` does; otherwise another page may get the fragment this one rendered.
    public func lookup(_ name: String) -> Value? { globals[name] }

    /// Whether the filter runs inside a `{% cache %}` body, whose output other pages may reuse.
    public var isInCachedFragment: Bool { fragment != nil }

    /// Says that this filter's result depends on where the page being rendered is (a link made relative to
    /// it): the enclosing `{% cache %}` blocks then share their output only with renders of the same partition.
    public func markLocationDependent() {
        fragment?.isLocal = true
    }

    /// Says that this filter's result depends on the page being rendered in a way the render's cache
    /// partition does not capture (a link into the page's own folder, made relative to it): the enclosing
    /// `{% cache %}` blocks then keep their output to this page instead of storing it for others.
    public func markPageSpecific() {
        fragment?.isUnshareable = true
    }
}
