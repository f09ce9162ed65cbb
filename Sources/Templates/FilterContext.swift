/// A filter supplied by the embedding program (Site's `date`, `markdown`, `relative_url`, …).
///
/// It receives the input value, positional and keyword arguments, and a `FilterContext` for
/// reading the render's globals. Errors it throws are reported at the filter's location.
public typealias CustomFilter = @Sendable (_ input: Value, _ args: [Value], _ kwargs: [(String, Value)], FilterContext) throws -> Value

/// What a custom filter may know about the render it runs in.
///
/// `relative_url` needs the page being rendered (`current_url`); passing the globals here keeps
/// filters free of global state, so rendering stays safe from many threads at once.
///
/// A context is valid only during the filter call it is passed to: a filter must not keep it. It reads the
/// render it belongs to (its globals, and the `{% cache %}` body being rendered, which only that thread
/// touches: hence `@unchecked Sendable`).
public struct FilterContext: @unchecked Sendable {
    /// The render the filter runs in, unretained: a context is made for every call of a custom filter (tens of
    /// thousands per build), lives only for that call, and the render outlives it. Copying the globals, the
    /// template's name and the fragment into each context cost three retains and releases per call, and
    /// looking a global up by hash cost more than the renderer's own search of its few names.
    private let renderer: Unmanaged<Renderer>?
    /// The globals and template name of a context made without a render (`init(globals:templateName:)`).
    private let detachedGlobals: [String: Value]
    private let detachedTemplateName: String

    public init(globals: [String: Value], templateName: String) {
        renderer = nil
        detachedGlobals = globals
        detachedTemplateName = templateName
    }

    init(renderer: Renderer) {
        self.renderer = Unmanaged.passUnretained(renderer)
        detachedGlobals = [:]
        detachedTemplateName = ""
    }

    /// The name of the template being rendered when the filter ran (as given to `render`).
    public var templateName: String {
        renderer?._withUnsafeGuaranteedRef { $0.template.source.name } ?? detachedTemplateName
    }

    /// Where the filter was applied: the template holding it (an included or base template as much as the page's
    /// own), with the line and column of the filter's name. Nil outside a render. Computed only when asked for:
    /// the build asks only to trace a broken link back to the `relative_url` that wrote it.
    public var callLocation: (file: String, line: Int, column: Int)? {
        renderer?._withUnsafeGuaranteedRef { renderer in
            let (line, column) = renderer.template.source.location(of: renderer.filterSpan.start)
            return (renderer.template.source.displayName, line, column)
        }
    }

    /// A global of the current render (a key of the context passed to `render`), e.g. "current_url".
    ///
    /// A filter whose result depends on a global that differs from render to render must say so inside a
    /// `{% cache %}` body (`isInCachedFragment`): `markLocationDependent()` or `markPageSpecific()`, as
    /// `relative_url` does; otherwise another page may get the fragment this one rendered.
    public func lookup(_ name: String) -> Value? {
        guard let renderer else { return detachedGlobals[name] }
        return renderer._withUnsafeGuaranteedRef { $0.contextValue(name) }
    }

    /// Whether the filter runs inside a `{% cache %}` body, whose output other pages may reuse.
    public var isInCachedFragment: Bool { renderer?._withUnsafeGuaranteedRef { $0.fragment != nil } ?? false }

    /// Says that this filter's result depends on where the page being rendered is (a link made relative to
    /// it): the enclosing `{% cache %}` blocks then share their output only with renders of the same partition.
    public func markLocationDependent() {
        renderer?._withUnsafeGuaranteedRef { $0.fragment?.isLocal = true }
    }

    /// Says that this filter's result depends on the page being rendered in a way the render's cache
    /// partition does not capture (a link into the page's own folder, made relative to it): the enclosing
    /// `{% cache %}` blocks then keep their output to this page instead of storing it for others (and, in a
    /// build that keeps fragments for the next, store it for this page alone).
    public func markPageSpecific() {
        renderer?._withUnsafeGuaranteedRef { $0.fragment?.isPageSpecific = true }
    }
}
