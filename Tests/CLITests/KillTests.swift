import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGKILL a build at random moments while it replaces an older build in the output folder.
///
/// After each kill every file in the output must be absent or whole: byte-identical to either the old
/// build's file or the new build's (never a mix, never truncated). Then one uninterrupted build must
/// finish the update: the folder equals a clean build exactly, with no temporary files left.
@Suite struct KillTests {
    /// Under ThreadSanitizer (`.ci/strict.sh` sets BUILD_SITE_TESTS_SANITIZED) every build is several times
    /// slower: the same test runs on a smaller site with fewer rounds.
    static let sanitized = ProcessInfo.processInfo.environment["BUILD_SITE_TESTS_SANITIZED"] != nil
    static let pages = sanitized ? 200 : 600
    static let rounds = sanitized ? 3 : 6

    /// A site of `pages` events whose bodies depend on `version`; version 2 drops some pages and adds others.
    private func writeContent(_ site: ScratchSite, version: Int) throws {
        let folder = site.url("content/timeline")
        if let existing = try? FileManager.default.contentsOfDirectory(atPath: folder.path) {
            for name in existing where name.hasPrefix("event-") { try FileManager.default.removeItem(at: folder.appendingPathComponent(name)) }
        }
        let paragraph = String(repeating: "Version \(version) of a long paragraph about the rivalry. ", count: 30)
        let range = version == 1 ? 0..<Self.pages : 100..<(Self.pages + 100)
        for number in range {
            let text = "---\ntitle: Event \(number) v\(version)\ndate: \(1900 + number % 120)-0\(number % 9 + 1)-1\(number % 9)\n"
                + "people: [ada]\n---\n\(paragraph)\n\n\(paragraph)\n"
            try Data(text.utf8).write(to: folder.appendingPathComponent("event-\(number).md"))
        }
    }

    private static func isTemporary(_ path: String) -> Bool {
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
}
