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

    /// `i18n/` is an input like the others (a UI string edit was once never rebuilt).
    @Test func aUIStringsEditIsSeen() async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try FileManager.default.createDirectory(at: site.url("i18n"), withIntermediateDirectories: true)
        try site.write("i18n/en.yml", "home: Home\n")
        let (watcher, count) = watch(site)
        defer { watcher.stop() }
        try site.write("i18n/en.yml", "home: Start\n")
        #expect(await eventually { count.current >= 1 })
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

    /// Each way editors save gives one build at the default quiet periods, including the saves during
    /// which the file is briefly missing, empty, half-written or beside a temporary copy.
    @Test(arguments: EditorSave.allCases)
    func eachEditorsSaveGivesOneBuild(style: EditorSave) async throws {
        let defaults = PreviewConfiguration()
        try await expectOneBuildPerSave(style, quiet: defaults.quietPeriod, settled: defaults.settledQuietPeriod, pause: 0)
    }

    /// The same saves with 25 ms between their steps, as when the editor is descheduled mid-save, against a
    /// 5 ms settled period and a 500 ms full one (slack for a loaded machine): only the watcher's reading of
    /// the events (a file still open, missing or beside a temporary copy keeps the full period) makes each one
    /// build once. Under ThreadSanitizer (`.ci/strict.sh` sets BUILD_SITE_TESTS_SANITIZED), with every test
    /// running at once several times slower, a 25 ms pause was once stretched past 500 ms in CI: there the full
    /// period is 2 s, still eighty times the pause and four hundred times the settled period.
    @Test(arguments: EditorSave.allCases.filter { $0 != .inPlace })
    func aSaveInterruptedMidwayStillGivesOneBuild(style: EditorSave) async throws {
        let sanitized = ProcessInfo.processInfo.environment["BUILD_SITE_TESTS_SANITIZED"] != nil
        try await expectOneBuildPerSave(style, quiet: .milliseconds(sanitized ? 2_000 : 500), settled: .milliseconds(5),
                                        pause: 25_000)
    }

    private func expectOneBuildPerSave(_ style: EditorSave, quiet: Duration, settled settledPeriod: Duration,
                                       pause: useconds_t) async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let count = Locked(0)
        let watcher = FileWatcher(root: site.root, quietPeriod: quiet, settledQuietPeriod: settledPeriod,
                                  pollInterval: .milliseconds(150)) { _ in
            count.withLock { $0 += 1 }
        }
        watcher.start()
        defer { watcher.stop() }
        let path = site.url("content/timeline/first.md").path
        let text = try site.read("content/timeline/first.md") + "\nSaved by \(style.rawValue).\n"
        for _ in 0..<3 {
            let before = count.current
            let saved = await offThread { style.save(text, at: path, pause: pause) }
            #expect(saved)
            #expect(await eventually { count.current > before })
            #expect(await settled(count) == before + 1, "\(style.rawValue) gave \(count.current - before) builds")
        }
        #expect(try site.read("content/timeline/first.md") == text)
    }
}

/// What the watcher says changed before each build (`FileWatcher`'s `onChanges`).
@Suite struct FileWatcherChangedPathsTests {
    private func watch(_ site: TemporarySite) -> (FileWatcher, Locked<[Set<String>?]>) {
        let said = Locked<[Set<String>?]>([])
        let watcher = FileWatcher(root: site.root, quietPeriod: .milliseconds(50), pollInterval: .milliseconds(150),
                                  onChanges: { paths in said.withLock { $0.append(paths) } }) { _ in }
        watcher.start()
        return (watcher, said)
    }

    @Test func theFirstBurstIsUnsureThenWrittenFilesAreNamed() async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let (watcher, said) = watch(site)
        defer { watcher.stop() }
        try await Task.sleep(for: .milliseconds(300))
        try site.write("content/timeline/first.md", try site.read("content/timeline/first.md") + "\nOne.\n")
        #expect(await eventually { said.current.count == 1 })
        #expect(said.current.first == .some(nil), "the site may have changed before the watches existed")
        try site.write("content/timeline/first.md", try site.read("content/timeline/first.md") + "\nTwo.\n")
        #expect(await eventually { said.current.count == 2 })
        #expect(said.current.last == .some(["content/timeline/first.md"]))
        try FileManager.default.createDirectory(at: site.url("content/new"), withIntermediateDirectories: true)
        #expect(await eventually { said.current.count == 3 })
        #expect(said.current.last == .some(nil), "a new folder: unsure")
    }

    /// After a burst inotify named in full, the poll's baseline is not retaken at once (`FileWatcher.SafetyNet`):
    /// saves that follow are still named, each gives one build, and the poll's later scan finds no change of
    /// its own (which would say "unsure" and make the next build check every input).
    @Test func savesAfterANamedBurstAreNamedAndTheLaterPollFindsNothing() async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let (watcher, said) = watch(site)
        defer { watcher.stop() }
        try await Task.sleep(for: .milliseconds(300))
        try site.write("content/timeline/first.md", try site.read("content/timeline/first.md") + "\nZero.\n")
        #expect(await eventually { said.current.count == 1 })
        for round in 1...3 {
            try site.write("content/timeline/second.md", try site.read("content/timeline/second.md") + "\nRound \(round).\n")
            #expect(await eventually { said.current.count == round + 1 })
            #expect(said.current.last == .some(["content/timeline/second.md"]))
        }
        // Several poll intervals with nothing written: no build.
        try await Task.sleep(for: .milliseconds(800))
        #expect(said.current.count == 4, "\(said.current)")
        try site.write("content/timeline/first.md", try site.read("content/timeline/first.md") + "\nLast.\n")
        #expect(await eventually { said.current.count == 5 })
        #expect(said.current.last == .some(["content/timeline/first.md"]), "the poll's new baseline made it unsure")
    }

    @Test func aLinkInTheTreeMakesEveryBurstUnsure() async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try FileManager.default.createSymbolicLink(atPath: site.url("content/linked.md").path,
                                                   withDestinationPath: site.url("content/timeline/second.md").path)
        let (watcher, said) = watch(site)
        defer { watcher.stop() }
        try await Task.sleep(for: .milliseconds(300))
        for round in 1...2 {
            try site.write("content/timeline/first.md", try site.read("content/timeline/first.md") + "\nRound \(round).\n")
            #expect(await eventually { said.current.count == round })
            #expect(said.current.last == .some(nil))
        }
    }
}

/// The safety-net poll's pace (`FileWatcher.SafetyNet`).
@Suite struct SafetyNetTests {
    @Test func withoutInotifyThePollKeepsItsInterval() {
        var net = FileWatcher.SafetyNet(interval: 150, notifies: false)
        net.adjust(afterScanOf: .milliseconds(400))
        #expect(net.interval == 150)
    }

    @Test func withInotifyTheIntervalFollowsTheScanWithinBounds() {
        var net = FileWatcher.SafetyNet(interval: 150, notifies: true)
        net.adjust(afterScanOf: .microseconds(900))
        #expect(net.interval == 150, "a small tree is polled as configured")
        net.adjust(afterScanOf: .milliseconds(100))
        #expect(net.interval == 100 * FileWatcher.SafetyNet.factor)
        net.adjust(afterScanOf: .seconds(2))
        #expect(net.interval == FileWatcher.SafetyNet.longest)
        net.adjust(afterScanOf: .milliseconds(2))
        #expect(net.interval == 150, "and shrinks again with the tree")
    }
}
