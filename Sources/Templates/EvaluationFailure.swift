/// A failure inside a filter, test or operator, before it has a location.
///
/// Builtins throw this; the renderer attaches the file, line and column of the expression
/// that triggered it and turns it into a `TemplateError`.
struct EvaluationFailure: Error {
    var kind: TemplateError.Kind
    var message: String

    init(_ message: String, kind: TemplateError.Kind = .type) {
        self.kind = kind
        self.message = message
    }
}
