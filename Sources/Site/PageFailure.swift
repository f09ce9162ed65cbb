/// A page that failed to render, before failures are merged for the report.
///
/// A mistake in a template usually breaks every page that uses it. Printing the same message, excerpt and
/// caret once per page buries the one line to fix, so identical diagnostics are reported once, with a note
/// naming the pages that hit it.
struct PageFailure: Error, Sendable {
    var diagnostic: Diagnostic
    /// The page being rendered when a template failed (nil when the diagnostic already points at the page).
    var page: String?

    /// At most this many page names are listed in the note.
    static let listedPages = 3

    /// One diagnostic per distinct problem, in first-seen order, each noting the pages it broke.
    static func merged(_ failures: [PageFailure]) -> [Diagnostic] {
        var order: [Diagnostic] = []
        var pages: [Diagnostic: [String]] = [:]
        for failure in failures {
            if pages[failure.diagnostic] == nil { order.append(failure.diagnostic) }
            pages[failure.diagnostic, default: []] += failure.page.map { [$0] } ?? []
        }
        return order.map { diagnostic in
            var merged = diagnostic
            let sources = pages[diagnostic] ?? []
            if let first = sources.first {
                if sources.count == 1 {
                    merged.notes.append("while rendering \(first)")
                } else {
                    let shown = sources.prefix(listedPages).joined(separator: ", ")
                    let more = sources.count > listedPages ? " and \(sources.count - listedPages) more" : ""
                    merged.notes.append("while rendering \(sources.count) pages: \(shown)\(more)")
                }
            }
            return merged
        }
    }
}
