import Foundation
@testable import Site
import Testing

/// A session told by a file watcher which files were written checks only those (and what the watcher does not
/// cover), and checks everything when the watcher is unsure or said nothing.
@Suite("Incremental builds: the watcher's changed paths")
struct WatchedPathsTests {
    /// A session with a last good build whose check took stamps (a second build after the first).
    private func session(_ site: FixtureSite) throws -> BuildSession {
        let session = BuildSession()
        _ = try session.build(BuildOptions(root: site.root))
        _ = try session.build(BuildOptions(root: site.root))
        #expect(session.lastBuild?.stamps != nil)
        return session
    }

    @Test func onlyTheNamedFilesAreCheckedAndAnUnsureWordChecksEverything() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let session = try session(site)
        try site.replace(in: "content/about.md", "## Method", with: "## Method\n\nFirst edit.")
        try site.replace(in: "content/timeline/first.md", "\n\n", with: "\n\nSecond edit.\n\n")
        session.expect(changedPaths: ["content/about.md"])
        let told = try session.build(BuildOptions(root: site.root))
        #expect(told.incremental?.changedInputs == 1, "only the file the watcher named is read again")
        #expect(told.incremental?.watcherNamed == 1)
        #expect(told.text("about/index.html")?.contains("First edit.") == true)
        // Unsure (an overflow, a new folder): every input is checked, and the other edit is found.
        session.expect(changedPaths: nil)
        let unsure = try session.build(BuildOptions(root: site.root))
        #expect(unsure.incremental?.changedInputs == 1)
        #expect(unsure.incremental?.watcherNamed == nil)
        #expect(unsure.files == (try site.build()).files)
        // Nothing said: every input is checked too.
        try site.replace(in: "content/about.md", "First edit.", with: "Third edit.")
        let unsaid = try session.build(BuildOptions(root: site.root))
        #expect(unsaid.incremental?.changedInputs == 1)
        #expect(unsaid.files == (try site.build()).files)
    }

    @Test func anUnsureWordMakesEveryLaterOneUnsureUntilABuild() {
        var watched = WatchedPaths()
        #expect(watched.paths == nil, "nothing said: check everything")
        watched.add(["content/a.md"])
        watched.add(["content/b.md"])
        #expect(watched.paths == ["content/a.md", "content/b.md"])
        watched.add(nil)
        watched.add(["content/c.md"])
        #expect(watched.paths == nil)
    }

    @Test func whatAFailedBuildWasToldIsCheckedByTheNext() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let session = try session(site)
        let good = try site.read("content/about.md")
        try site.write("content/about.md", "---\ntitle: [unclosed\n---\nbody\n")
        session.expect(changedPaths: ["content/about.md"])
        #expect(throws: BuildFailure.self) { try session.build(BuildOptions(root: site.root)) }
        // The watcher names only the file written since; the broken page is still broken.
        try site.replace(in: "content/timeline/first.md", "\n\n", with: "\n\nAn edit.\n\n")
        session.expect(changedPaths: ["content/timeline/first.md"])
        #expect(throws: BuildFailure.self) { try session.build(BuildOptions(root: site.root)) }
        try site.write("content/about.md", good)
        session.expect(changedPaths: ["content/about.md"])
        let fixed = try session.build(BuildOptions(root: site.root))
        #expect(fixed.files == (try site.build()).files)
    }

    @Test func readsOutsideTheWatchedInputsAreAlwaysChecked() {
        #expect(WatchedPaths.covers("content/about.md"))
        #expect(WatchedPaths.covers("content/"))
        #expect(WatchedPaths.covers("site.yml"))
        #expect(!WatchedPaths.covers("ledger/entries.yml"))
        #expect(!WatchedPaths.covers("contents/x.md"))
    }
}
