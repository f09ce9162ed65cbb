import Foundation
import Testing

/// A run of the real binary on a scratch copy of `Fixtures/base`, with a previous output planted in `site/` and
/// a sentinel file beside the root (outside it): what a failing build must leave exactly as it was.
struct GuardedBuild {
    let site: ScratchSite
    /// A folder next to the site's root, holding `sentinel.txt`.
    let outside: URL
    let outcome: BuildSiteBinary.Outcome
    /// Wall time of the run, in seconds.
    let seconds: Double

    /// Prepares the site with `prepare`, runs `build-site --root <site>` (plus `arguments`), and for a failure
    /// checks exit status 1, no signal, the expected error lines (when given), and that `site/` and the sentinel
    /// are byte-for-byte unchanged. The caller removes nothing: `finish()` does.
    @discardableResult
    static func run(failing: Bool = true, expecting lines: [String]? = nil, arguments: [String] = [],
                    sourceLocation: SourceLocation = #_sourceLocation,
                    _ prepare: (ScratchSite, URL) throws -> Void) throws -> GuardedBuild {
        let binary = try BuildSiteBinary.locate()
        let site = try ScratchSite(fixture: "base", base: nil)
        let outside = site.root.deletingLastPathComponent().appendingPathComponent(site.root.lastPathComponent + "-outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        let sentinel = outside.appendingPathComponent("sentinel.txt")
        try Data("a secret outside the site\n".utf8).write(to: sentinel)
        try prepare(site, outside)
        let before = try site.plantPreviousOutput()
        let start = Date()
        let outcome = try binary.run(["--root", site.root.path] + arguments)
        let seconds = Date().timeIntervalSince(start)
        let run = GuardedBuild(site: site, outside: outside, outcome: outcome, seconds: seconds)
        if failing {
            try BuildExpectations.checkFailure(outcome, in: site, before: before, expectedLines: lines, sourceLocation: sourceLocation)
        } else {
            #expect(outcome.status == 0 && !outcome.signalled, "stderr:\n\(outcome.stderr)", sourceLocation: sourceLocation)
        }
        #expect(FileManager.default.contents(atPath: sentinel.path) == Data("a secret outside the site\n".utf8),
                "the sentinel outside the root changed", sourceLocation: sourceLocation)
        return run
    }

    func finish() {
        site.remove()
        try? FileManager.default.removeItem(at: outside)
    }
}
