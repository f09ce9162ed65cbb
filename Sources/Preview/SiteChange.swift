/// What an open browser has to do after a build, decided by comparing outputs rather than inputs.
///
/// Comparing the built bytes is exact where guessing from the edited file is not: a template edit that
/// renders the same HTML causes no reload, a `static/` edit that only touches CSS swaps stylesheets, and an
/// edit that changes only some pages' `<main>` swaps it in just those pages.
enum SiteChange: Sendable, Equatable {
    /// Nothing a browser can see changed.
    case none
    /// Only existing `.css` files changed: swap stylesheets in place, keep scroll position and state.
    case stylesheets
    /// Only existing HTML pages changed: each open page swaps its `<main>`, reloads, or does nothing.
    case pages(PageUpdate)
    /// Anything else, including entering or leaving the error page: reload.
    case everything

    /// The live-reload event's name.
    var event: String {
        switch self {
        case .none: "none"
        case .stylesheets: "css"
        case .pages: "pages"
        case .everything: "reload"
        }
    }

    /// The event's data: the new version, or for `pages` the lists with the version (one line of JSON).
    func data(version: String) -> String {
        if case .pages(let update) = self { return update.json(version: version) }
        return version
    }
}
