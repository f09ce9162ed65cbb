#if canImport(Glibc)
import Foundation
import Glibc
import Testing
@testable import Preview

/// Which files inotify saw written (`ChangeSignal.takeChanges`), and when it cannot be sure of them.
@Suite struct ChangeSignalTests {
    /// One packed `inotify_event`: watch, mask, cookie, length, then the name padded with NULs.
    private func event(_ watch: Int32, _ mask: Int32, _ name: String = "") -> [UInt8] {
        var bytes: [UInt8] = []
        withUnsafeBytes(of: watch) { bytes += $0 }
        withUnsafeBytes(of: UInt32(mask)) { bytes += $0 }
        withUnsafeBytes(of: UInt32(0)) { bytes += $0 }
        let padded = name.isEmpty ? 0 : (name.utf8.count / 16 + 1) * 16
        withUnsafeBytes(of: UInt32(padded)) { bytes += $0 }
        return bytes + Array(name.utf8) + [UInt8](repeating: 0, count: padded - name.utf8.count)
    }

    private func take(_ signal: ChangeSignal, _ events: [UInt8]) {
        _ = events.withUnsafeBytes { signal.take(events: $0) }
    }

    /// A signal watching the site's folders, past its first (unsure) answer.
    private func watching(_ site: TemporarySite) throws -> ChangeSignal {
        let signal = try #require(ChangeSignal(root: site.root.path))
        signal.watch(TreeFingerprint.make(paths: TreeFingerprint.inputs(of: site.root)).directories)
        #expect(signal.takeChanges() == nil, "changes before the watches existed were not reported")
        #expect(signal.takeChanges() == [])
        return signal
    }

    @Test func writtenFilesAreNamedByTheirRootRelativePaths() async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let signal = try watching(site)
        try site.write("content/timeline/first.md", try site.read("content/timeline/first.md") + "\nMore.\n")
        try site.write("site.yml", try site.read("site.yml") + "\n")
        #expect(signal.wait(milliseconds: 1_000) > 0)
        while signal.wait(milliseconds: 50) > 0 {}
        #expect(signal.takeChanges() == ["content/timeline/first.md", "site.yml"])
        #expect(signal.takeChanges() == [], "each answer starts over")
    }

    @Test func anOverflowAListingChangeOrAnUnknownWatchMakeItUnsure() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let signal = try watching(site)
        let timeline = try #require(signal.watch(of: "content/timeline"))
        take(signal, event(timeline, IN_MODIFY, "first.md"))
        #expect(signal.takeChanges() == ["content/timeline/first.md"])
        take(signal, event(timeline, IN_MODIFY, "first.md") + event(-1, IN_Q_OVERFLOW))
        #expect(signal.takeChanges() == nil, "the queue overflowed: events were lost")
        take(signal, event(timeline, IN_CREATE, "new.md"))
        #expect(signal.takeChanges() == nil, "a new file changes the folder's listing")
        take(signal, event(timeline, IN_MOVED_TO, "first.md"))
        #expect(signal.takeChanges() == nil, "a rename over a file")
        take(signal, event(timeline, IN_ATTRIB | IN_ISDIR, "sub"))
        #expect(signal.takeChanges() == nil, "a folder's event")
        take(signal, event(timeline + 1_000, IN_MODIFY, "first.md"))
        #expect(signal.takeChanges() == nil, "a watch it does not know")
        take(signal, event(timeline, IN_CLOSE_WRITE, "second.md"))
        #expect(signal.takeChanges() == ["content/timeline/second.md"])
    }

    @Test func aNewFoldersWatchMakesTheNextAnswerUnsure() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let signal = try watching(site)
        try FileManager.default.createDirectory(at: site.url("content/new"), withIntermediateDirectories: true)
        signal.watch(TreeFingerprint.make(paths: TreeFingerprint.inputs(of: site.root)).directories)
        #expect(signal.takeChanges() == nil, "files written in it before its watch was added were not reported")
    }
}
#endif
