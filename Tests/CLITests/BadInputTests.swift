import Foundation
import Testing

/// Every folder under `Fixtures/bad/` is laid over `Fixtures/base/` and built with the real executable.
///
/// Each case must end with exit status 1 (not a signal), print exactly the diagnostics in its
/// `expected.txt` (the `file:line:col: error: …` headlines, in order), show the source line and a caret
/// under every located diagnostic, and leave an existing `site/` byte-for-byte as it was.
/// Run with `RECORD_EXPECTED=1` to rewrite the expected files, then review the diff.
@Suite struct BadInputTests {
    static let cases: [String] = {
        let folder = ScratchSite.fixtures.appendingPathComponent("bad")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }()

    @Test func thereAreCases() {
        #expect(Self.cases.count >= 30)
    }

    @Test(arguments: cases)
    func failsCleanly(_ name: String) throws {
        let binary = try BuildSiteBinary.locate()
        let site = try ScratchSite(fixture: "bad/" + name)
        defer { site.remove() }
        let before = try site.plantPreviousOutput()

        let outcome = try binary.run(["--root", site.root.path])

        try BuildExpectations.checkFailure(outcome, in: site, before: before, expectedFile: "bad/\(name)/expected.txt")
    }
}

/// Shared checks for a build that must fail.
enum BuildExpectations {
    /// The source copy of the fixtures, for recording.
    static let sourceFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func checkFailure(_ outcome: BuildSiteBinary.Outcome, in site: ScratchSite, before: [String: Data],
                             expectedFile: String? = nil, expectedLines: [String]? = nil,
                             sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(!outcome.signalled, "build-site died by a signal:\n\(outcome.stderr)", sourceLocation: sourceLocation)
        #expect(outcome.status == 1, "exit status \(outcome.status), stderr:\n\(outcome.stderr)", sourceLocation: sourceLocation)
        let actual = outcome.errorLines
        #expect(!actual.isEmpty, "no diagnostic printed:\n\(outcome.stderr)", sourceLocation: sourceLocation)
        if let expectedFile {
            let recorded = actual.joined(separator: "\n") + "\n"
            if ProcessInfo.processInfo.environment["RECORD_EXPECTED"] != nil {
                try Data(recorded.utf8).write(to: sourceFixtures.appendingPathComponent(expectedFile))
            }
            let expected = try String(contentsOf: ScratchSite.fixtures.appendingPathComponent(expectedFile), encoding: .utf8)
            #expect(recorded == expected, "stderr was:\n\(outcome.stderr)", sourceLocation: sourceLocation)
        }
        if let expectedLines {
            #expect(actual == expectedLines, "stderr was:\n\(outcome.stderr)", sourceLocation: sourceLocation)
        }
        checkExcerpts(outcome.stderr, sourceLocation: sourceLocation)
        #expect(outcome.stderr.contains("site/ was not changed") || outcome.stderr.contains("refusing"),
                sourceLocation: sourceLocation)
        let after = ScratchSite.snapshot(of: site.url("site"))
        #expect(after == before, "site/ changed: \(Set(after.keys).symmetricDifference(before.keys).sorted())",
                sourceLocation: sourceLocation)
    }

    /// Under every headline with `file:line:col`, the printer shows `  N | source` and a caret line.
    static func checkExcerpts(_ stderr: String, sourceLocation: SourceLocation) {
        let lines = stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (index, line) in lines.enumerated() where line.contains(": error: ") && !line.hasPrefix(" ") {
            let location = line.components(separatedBy: ": error: ")[0].split(separator: ":")
            guard location.count >= 3, let lineNumber = Int(location[location.count - 2]),
                  let column = Int(location[location.count - 1]) else { continue }
            guard index + 2 < lines.count else {
                Issue.record("no source excerpt under '\(line)'", sourceLocation: sourceLocation)
                continue
            }
            #expect(lines[index + 1].hasPrefix("  \(lineNumber) | "), "excerpt line under '\(line)'", sourceLocation: sourceLocation)
            let caretLine = lines[index + 2]
            // A long line is shown cut around the caret ("…" where it was cut): `SmallSafetyTests` checks those.
            if lines[index + 1].dropFirst("  \(lineNumber) | ".count).hasPrefix("…") { continue }
            let gutter = "  " + String(repeating: " ", count: String(lineNumber).count) + " | "
            // The caret sits under the column as a terminal shows it: CJK characters take two cells.
            let source = lines[index + 1].dropFirst("  \(lineNumber) | ".count)
            let cells = source.unicodeScalars.prefix(column - 1).reduce(0) { total, scalar in
                total + ((0x4E00...0x9FFF).contains(scalar.value) || (0x3000...0x303F).contains(scalar.value) ? 2 : 1)
            }
            #expect(caretLine.hasPrefix(gutter) && caretLine.hasSuffix("^")
                    && caretLine.dropFirst(gutter.count).unicodeScalars.count == cells + 1,
                    "caret under '\(line)': '\(caretLine)'", sourceLocation: sourceLocation)
        }
    }
}
