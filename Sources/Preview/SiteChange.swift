/// What an open browser has to do after a build, decided by comparing outputs rather than inputs.
///
/// Comparing the built bytes is exact where guessing from the edited file is not: a template edit that
/// renders the same HTML causes no reload, and a `static/` edit that only touches CSS swaps stylesheets.
enum SiteChange: String, Sendable, Equatable {
    /// Nothing a browser can see changed.
    case none
    /// Only existing `.css` files changed: swap stylesheets in place, keep scroll position and state.
    case stylesheets = "css"
    /// Anything else, including entering or leaving the error page: reload.
    case everything = "reload"
}
