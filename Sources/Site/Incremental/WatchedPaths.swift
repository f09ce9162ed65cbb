/// What a file watcher said changed since a session's last good build (`BuildSession.expect(changedPaths:)`):
/// the files it saw written, or nothing sure.
///
/// Sayings add up until a build succeeds: a failed build leaves the session at its last good build, so the
/// next build must check what the failed one was told as well. One unsure saying (nil) makes the whole unsure
/// until then.
struct WatchedPaths: Sendable {
    /// The root-relative paths of the files written; nil: check every input (nothing said, or unsure).
    private(set) var paths: Set<String>?
    private var said = false

    /// Adds what the watcher says now: `written`, or nil when it is unsure.
    mutating func add(_ written: Set<String>?) {
        paths = said ? paths.flatMap { known in written.map { known.union($0) } } : written
        said = true
    }

    /// The inputs a watcher watches, under the root: a read outside them is checked whatever it says.
    static let inputs = ["content/", "templates/", "static/", "data/", "i18n/"]
    static let rootFiles: Set<String> = ["site.yml"]

    /// Whether the watcher sees every change to the log entry `path` (a file, a folder's listing with its `/`,
    /// an absence): it lies in a watched input.
    static func covers(_ path: String) -> Bool {
        inputs.contains { path.hasPrefix($0) } || rootFiles.contains(path)
    }
}
