import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGKILL a build while it replaces an older build in the output folder: at random moments, and at the two
/// moments that matter exactly (`BUILD_SITE_TEST_KILL_AT`, see `TestHook`).
///
/// After each kill every file in the output must be absent or whole: byte-identical to either the old
/// build's file or the new build's (never a mix, never truncated). A kill before the rename pass leaves the
/// old site byte-identical (only the staging folder is new); a kill during the pass is completed by the next
/// build before it does anything else, even when that build fails. Then one uninterrupted build must
/// finish the update: the folder equals a clean build exactly, with no temporary files left.
@Suite struct KillTests {
    /// Under ThreadSanitizer (`.ci/strict.sh` sets BUILD_SITE_TESTS_SANITIZED) every build is several times
    /// slower: the same test runs on a smaller site with fewer rounds.
    static let sanitized = ProcessInfo.processInfo.environment["BUILD_SITE_TESTS_SANITIZED"] != nil
    static let pages = sanitized ? 200 : 600
    static let rounds = sanitized ? 3 : 6

    /// A site of `pages` events whose bodies depend on `version`; version 2 drops some pages and adds others.
    private func writeContent(_ site: ScratchSite, version: Int, pages: Int = KillTests.pages) throws {
        let folder = site.url("content/timeline")
        if let existing = try? FileManager.default.contentsOfDirectory(atPath: folder.path) {
            for name in existing where name.hasPrefix("event-") { try FileManager.default.removeItem(at: folder.appendingPathComponent(name)) }
        }
        let paragraph = String(repeating: "Version \(version) of a long paragraph about the rivalry. ", count: 30)
        let range = version == 1 ? 0..<pages : 100..<(pages + 100)
        for number in range {
            let text = "---\ntitle: Event \(number) v\(version)\ndate: \(1900 + number % 120)-0\(number % 9 + 1)-1\(number % 9)\n"
                + "people: [ada]\n---\n\(paragraph)\n\n\(paragraph)\n"
            try Data(text.utf8).write(to: folder.appendingPathComponent("event-\(number).md"))
        }
    }

    private static func isTemporary(_ path: String) -> Bool {
        if path == ".build-site-staging/" || path.hasPrefix(".build-site-staging/") { return true }
        let name = (path as NSString).lastPathComponent
        return name.hasPrefix(".") && name.range(of: #"\.tmp-[0-9]+$"#, options: .regularExpression) != nil
    }

    @Test func killedBuildsLeaveOnlyWholeFilesAndTheNextBuildCompletes() throws {
        let binary = try BuildSiteBinary.locate()
        let site = try ScratchSite(fixture: "base", base: nil)
        defer { site.remove() }
        let output = site.url("out").path

        // Reference outputs: the old build (A) and a clean new build (B), each into its own folder.
        try writeContent(site, version: 1)
        #expect(try binary.run(["--root", site.root.path, "--output", site.url("ref-a").path, "--quiet"]).status == 0)
        let oldFiles = ScratchSite.snapshot(of: site.url("ref-a"))
        try writeContent(site, version: 2)
        let started = Date()
        #expect(try binary.run(["--root", site.root.path, "--output", site.url("ref-b").path, "--quiet"]).status == 0)
        let fullBuild = Date().timeIntervalSince(started)
        let newFiles = ScratchSite.snapshot(of: site.url("ref-b"))
        try #require(newFiles.count > Self.pages)
        // Every file that the two builds differ on: the kill test is only meaningful if most do.
        #expect(newFiles.filter { oldFiles[$0.key] != $0.value }.count > Self.pages)

        var generator = SystemRandomNumberGenerator()
        var mixed = 0
        for round in 0..<Self.rounds {
            try? FileManager.default.removeItem(atPath: output)
            try FileManager.default.copyItem(at: site.url("ref-a"), to: URL(fileURLWithPath: output))
            let delay = Double.random(in: 0.55...1.0, using: &generator) * fullBuild
            let process = binary.start(["--root", site.root.path, "--output", output, "--quiet"])
            try process.run()
            usleep(UInt32(delay * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            let after = ScratchSite.snapshot(of: URL(fileURLWithPath: output))
            if after[".build-site-staging/journal"] == nil {
                // Killed before the rename pass (or after it): apart from the staging folder, one whole site exactly.
                let published = after.filter { !Self.isTemporary($0.key) }
                #expect(published == oldFiles || published == newFiles, "round \(round): no pass under way, yet a mix of two sites")
            }
            var sawOld = false, sawNew = false
            for (path, data) in after where !Self.isTemporary(path) && !path.hasSuffix(".build-site-manifest") {
                let whole = data == oldFiles[path] || data == newFiles[path]
                #expect(whole, "round \(round) (killed after \(delay)s): \(path) is neither the old nor the new file")
                if !path.hasSuffix("/"), data != newFiles[path] { sawOld = true }
                if !path.hasSuffix("/"), data != oldFiles[path] { sawNew = true }
            }
            if sawOld && sawNew { mixed += 1 }

            let finish = try binary.run(["--root", site.root.path, "--output", output, "--quiet"])
            #expect(finish.status == 0, "round \(round): the build after the kill failed:\n\(finish.stderr)")
            let completed = ScratchSite.snapshot(of: URL(fileURLWithPath: output))
            let leftovers = completed.keys.filter(Self.isTemporary)
            #expect(leftovers.isEmpty, "round \(round): temporary files left: \(leftovers.sorted().prefix(5))")
            let differing = completed.filter { newFiles[$0.key] != $0.value }.keys.sorted().prefix(5)
            let missing = Set(newFiles.keys).subtracting(completed.keys).sorted().prefix(5)
            #expect(completed.count == newFiles.count && differing.isEmpty && missing.isEmpty,
                    "round \(round): differs from a clean build: \(differing), missing \(missing)")
        }
        print("kill test: \(mixed) of \(Self.rounds) kills landed in the middle of the sync (build takes \(fullBuild)s)")
    }

    /// The two reference builds the deterministic tests start from: the old site (A) and a clean new one (B).
    private func references(_ binary: BuildSiteBinary, _ site: ScratchSite) throws -> (old: [String: Data], new: [String: Data]) {
        // Fewer pages than the random test: these kill at exact points, so size buys nothing but time.
        try writeContent(site, version: 1, pages: 200)
        #expect(try binary.run(["--root", site.root.path, "--output", site.url("ref-a").path, "--quiet"]).status == 0)
        try writeContent(site, version: 2, pages: 200)
        #expect(try binary.run(["--root", site.root.path, "--output", site.url("ref-b").path, "--quiet"]).status == 0)
        return (ScratchSite.snapshot(of: site.url("ref-a")), ScratchSite.snapshot(of: site.url("ref-b")))
    }

    private func freshOutput(_ site: ScratchSite) throws -> String {
        let output = site.url("out").path
        try? FileManager.default.removeItem(atPath: output)
        try FileManager.default.copyItem(at: site.url("ref-a"), to: URL(fileURLWithPath: output))
        return output
    }

    @Test func aKillBeforeTheRenamePassLeavesTheOldSiteByteIdentical() throws {
        let binary = try BuildSiteBinary.locate()
        let site = try ScratchSite(fixture: "base", base: nil)
        defer { site.remove() }
        let (oldFiles, newFiles) = try references(binary, site)
        let output = try freshOutput(site)

        let killed = try binary.run(["--root", site.root.path, "--output", output], environment: ["BUILD_SITE_TEST_KILL_AT": "staged"])
        #expect(killed.signalled)
        let after = ScratchSite.snapshot(of: URL(fileURLWithPath: output))
        #expect(after.keys.contains { $0.hasPrefix(".build-site-staging/") }, "the kill came after staging")
        #expect(after.filter { !Self.isTemporary($0.key) } == oldFiles)

        let next = try binary.run(["--root", site.root.path, "--output", output, "--quiet"])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(ScratchSite.snapshot(of: URL(fileURLWithPath: output)) == newFiles)
    }

    @Test func aKillDuringTheRenamePassIsCompletedByTheNextBuildFirst() throws {
        let binary = try BuildSiteBinary.locate()
        let site = try ScratchSite(fixture: "base", base: nil)
        defer { site.remove() }
        let (oldFiles, newFiles) = try references(binary, site)
        // The files the pass moves: every file that differs, apart from the manifest and folders.
        let changed = newFiles.filter { oldFiles[$0.key] != $0.value && !$0.key.hasSuffix("/") && $0.key != ".build-site-manifest" }.count
        try #require(changed > 150)
        for renames in [0, changed / 2, changed - 1] {
            let output = try freshOutput(site)
            let killed = try binary.run(["--root", site.root.path, "--output", output],
                                        environment: ["BUILD_SITE_TEST_KILL_AT": "rename:\(renames)"])
            #expect(killed.signalled)
            let after = ScratchSite.snapshot(of: URL(fileURLWithPath: output))
            #expect(after[".build-site-staging/journal"] != nil, "killed after \(renames) renames: no journal")
            for (path, data) in after where !Self.isTemporary(path) && !path.hasSuffix(".build-site-manifest") {
                #expect(data == oldFiles[path] || data == newFiles[path], "\(path) is neither the old nor the new file")
            }

            // The next build fails (a broken page), but completes the killed pass before anything else.
            try site.write("---\ntitle: Broken\ndate: 2015-02-30\n---\nx\n", to: "content/timeline/broken.md")
            let failing = try binary.run(["--root", site.root.path, "--output", output])
            #expect(failing.status == 1 && failing.stderr.contains("impossible date"), "\(failing.stderr)")
            #expect(ScratchSite.snapshot(of: URL(fileURLWithPath: output)) == newFiles,
                    "killed after \(renames) renames: the failing build did not complete the pass first")
            try FileManager.default.removeItem(at: site.url("content/timeline/broken.md"))

            let next = try binary.run(["--root", site.root.path, "--output", output, "--quiet"])
            #expect(next.status == 0, "\(next.stderr)")
            #expect(ScratchSite.snapshot(of: URL(fileURLWithPath: output)) == newFiles)
        }
    }

    /// A write error while staging (here a file-size limit; a full disk is the same error) is found before any
    /// published file changes: the output stays the old site, byte for byte, with no staging folder left.
    @Test(.disabled(if: sanitized, "ThreadSanitizer's runtime changes how the file-size limit's SIGXFSZ reaches the build"))
    func aWriteErrorWhileStagingChangesNothing() throws {
        let binary = try BuildSiteBinary.locate()
        let site = try ScratchSite(fixture: "base", base: nil)
        defer { site.remove() }
        let (oldFiles, _) = try references(binary, site)
        let output = try freshOutput(site)

        let outcome = try binary.run(["--root", site.root.path, "--output", output],
                                     launcher: ["/usr/bin/prlimit", "--fsize=1024"])
        #expect(!outcome.signalled && outcome.status == 1, "\(outcome.status): \(outcome.stderr)")
        #expect(outcome.errorLines.first?.contains("error: cannot write: File too large") == true, "\(outcome.stderr)")
        #expect(ScratchSite.snapshot(of: URL(fileURLWithPath: output)) == oldFiles)
    }

    /// A second build into a folder that a build holds fails at once, says why, and changes nothing.
    @Test func aSecondBuildIntoTheSameFolderFailsClearly() throws {
        let binary = try BuildSiteBinary.locate()
        let site = try ScratchSite(fixture: "base", base: nil)
        defer { site.remove() }
        let (oldFiles, newFiles) = try references(binary, site)
        let output = try freshOutput(site)
        let descriptor = open(output, O_RDONLY | O_DIRECTORY)
        try #require(descriptor >= 0 && flock(descriptor, LOCK_EX | LOCK_NB) == 0)

        let blocked = try binary.run(["--root", site.root.path, "--output", output])
        #expect(blocked.status == 1)
        #expect(blocked.errorLines == [output + ": error: another build is writing to this output folder right now; nothing was changed"],
                "\(blocked.stderr)")
        #expect(ScratchSite.snapshot(of: URL(fileURLWithPath: output)) == oldFiles)

        close(descriptor)
        let after = try binary.run(["--root", site.root.path, "--output", output, "--quiet"])
        #expect(after.status == 0, "\(after.stderr)")
        #expect(ScratchSite.snapshot(of: URL(fileURLWithPath: output)) == newFiles)
    }

    /// Two builds started together into one folder: one may fail with the message above, never both succeed
    /// while interleaving; the folder ends as a clean build.
    @Test func racingBuildsLeaveACleanBuild() throws {
        let binary = try BuildSiteBinary.locate()
        let site = try ScratchSite(fixture: "base", base: nil)
        defer { site.remove() }
        let (_, newFiles) = try references(binary, site)
        let output = try freshOutput(site)
        let outcomes = Gathered<BuildSiteBinary.Outcome>()
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            if let outcome = try? binary.run(["--root", site.root.path, "--output", output, "--quiet"]) { outcomes.append(outcome) }
        }
        let results = outcomes.values
        #expect(results.count == 2)
        for outcome in results where outcome.status != 0 {
            #expect(outcome.stderr.contains("another build is writing to this output folder"), "\(outcome.stderr)")
        }
        #expect(results.contains { $0.status == 0 })
        #expect(ScratchSite.snapshot(of: URL(fileURLWithPath: output)) == newFiles)
    }
}

/// Outcomes collected from concurrent runs.
private final class Gathered<Element>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Element] = []
    var values: [Element] { lock.withLock { items } }
    func append(_ item: Element) { lock.withLock { items.append(item) } }
}
