import Foundation

/// Everything the server answers from at one moment. Requests read a whole snapshot; a build replaces it
/// as a whole, so no response ever mixes files from two builds.
struct SiteSnapshot: Sendable {
    /// Files of the last successful build, keyed like `BuiltSite.files`. Kept while the site is broken so
    /// stylesheets and images still load around the error page.
    var files: [String: ServedFile] = [:]
    /// Where the site sits on its host (`BuiltSite.basePath`): it is served there as well as at `/`.
    var basePath = "/"
    /// The error page's text while the latest build failed; nil when it succeeded.
    var errorReport: [String]?
    /// Random per server run, so a page from a previous run reloads after a restart.
    var instance: String
    /// Counts the builds that changed something a browser can see.
    var generation = 0

    init(instance: String) {
        self.instance = instance
    }

    /// Identifies what a page was served from; the live-reload script compares it on reconnect.
    var version: String { instance + "-" + String(generation) }

    /// The snapshot after `outcome`, and what browsers must do about it.
    func updated(with outcome: BuildOutcome) -> (snapshot: SiteSnapshot, change: SiteChange) {
        var next = self
        let change: SiteChange
        switch outcome {
        case .built(let site):
            let diff = SnapshotDiff(old: self.files, new: site.files)
            let (files, changed, removed) = (diff.files, diff.changed, diff.removed)
            next.files = files
            next.basePath = site.basePath
            next.errorReport = nil
            change = errorReport != nil || removed ? .everything : SiteChange.classify(changed, old: self.files, new: files)
        case .failed(let report):
            next.errorReport = report
            change = report == errorReport ? .none : .everything
        }
        if change != .none { next.generation += 1 }
        return (next, change)
    }
}
