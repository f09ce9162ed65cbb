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
        let update = prepare(outcome)
        next.apply(update)
        return (next, update.change)
    }

    /// What `outcome` changes, worked out from this snapshot without changing it: the slow part of a swap
    /// (every file compared), done while requests are still answered from this snapshot.
    func prepare(_ outcome: BuildOutcome) -> Update {
        switch outcome {
        case .built(let site):
            let diff = SnapshotDiff(old: files, new: site.files)
            let change: SiteChange = errorReport != nil || diff.removed
                ? .everything : SiteChange.classify(diff.changed, old: files, new: diff.fresh)
            return Update(outcome: outcome, diff: diff, change: change)
        case .failed(let report):
            return Update(outcome: outcome, diff: nil, change: report == errorReport ? .none : .everything)
        }
    }

    /// Takes `update` (which `prepare` made from this snapshot): quick, and in place when nothing else holds
    /// the files, so the server does it under its lock.
    mutating func apply(_ update: Update) {
        switch update.outcome {
        case .built(let site):
            update.diff?.apply(to: &files, new: site.files)
            basePath = site.basePath
            errorReport = nil
        case .failed(let report):
            errorReport = report
        }
        if update.change != .none { generation += 1 }
    }

    /// A build's outcome with what it changes (`prepare`).
    struct Update: Sendable {
        var outcome: BuildOutcome
        var diff: SnapshotDiff?
        var change: SiteChange
    }
}
