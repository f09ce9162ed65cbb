import Site

/// The result of one build as the preview keeps it: the files, or the error report to show instead.
enum BuildOutcome: Sendable {
    case built(BuiltSite)
    case failed(report: [String])
}
