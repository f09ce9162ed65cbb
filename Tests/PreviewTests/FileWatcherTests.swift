import Foundation
import Testing
@testable import Preview

/// The watcher on real files: bursts coalesce, unrelated files are ignored, new folders are seen.
@Suite struct FileWatcherTests {
    private func watch(_ site: TemporarySite) -> (FileWatcher, Locked<Int>) {
        let count = Locked(0)
        let watcher = FileWatcher(root: site.root, quietPeriod: .milliseconds(50), pollInterval: .milliseconds(150)) { _ in
            count.withLock { $0 += 1 }
        }
        watcher.start()
        return (watcher, count)
    }

    /// Waits until `count` has not moved for a second, so trailing callbacks are counted too.
    private func settled(_ count: Locked<Int>) async -> Int {
        var last = -1
        while count.current != last {
            last = count.current
            try? await Task.sleep(for: .seconds(1))
        }
        return last
    }

    @Test func oneSaveGivesOneCallback() async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let (watcher, count) = watch(site)
        defer { watcher.stop() }
        try site.write("content/timeline/first.md", try site.read("content/timeline/first.md") + "\nMore.\n")
        #expect(await eventually { count.current >= 1 })
        #expect(await settled(count) == 1)
    }

    @Test func aBurstOfTenSavesGivesFewCallbacks() async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let (watcher, count) = watch(site)
        defer { watcher.stop() }
        try await site.saveBurst(["content/timeline/first.md", "templates/page.html"])
        #expect(await eventually { count.current >= 1 })
        let total = await settled(count)
        #expect(total >= 1 && total <= 3, "\(total) callbacks for one burst")
    }

    @Test func filesOutsideTheInputsAreIgnored() async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let (watcher, count) = watch(site)
        defer { watcher.stop() }
        try FileManager.default.createDirectory(at: site.url("site"), withIntermediateDirectories: true)
        try site.write("site/index.html", "output")
        try site.write("notes.txt", "scratch")
        try site.write("site.yml.bak", "backup")
        try await Task.sleep(for: .milliseconds(600))
        #expect(count.current == 0)
        try site.write("site.yml", try site.read("site.yml") + "\n")
        #expect(await eventually { count.current == 1 })
    }

    @Test func filesInNewFoldersAreSeen() async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let (watcher, count) = watch(site)
        defer { watcher.stop() }
        try FileManager.default.createDirectory(at: site.url("content/people"), withIntermediateDirectories: true)
        #expect(await eventually { count.current >= 1 })
        let before = await settled(count)
        try site.write("content/people/ada.md", "---\ntitle: Ada\n---\nHello.\n")
        #expect(await eventually { count.current > before })
    }
}
