import Foundation
import Testing
@testable import Content

/// Every folder under `Fixtures/bad/` is a site that must fail to load, with exactly the
/// diagnostics listed in its `expected.txt` (one `file:line:column: error: message` per line,
/// notes left out). Run with `RECORD_EXPECTED=1` to rewrite the files, then review the diff.
@Suite struct BadInputTests {
    @Test(arguments: Fixtures.badCases)
    func failsWithExpectedDiagnostics(_ name: String) throws {
        let site = Fixtures.root.appendingPathComponent("bad").appendingPathComponent(name)
        let actual = try #require(loadErrors(site), "\(name) loaded without errors")
        let lines = actual.errors.map { $0.description.split(separator: "\n")[0] }.joined(separator: "\n") + "\n"
        let expectedURL = Fixtures.sourceRoot.appendingPathComponent("bad/\(name)/expected.txt")
        if ProcessInfo.processInfo.environment["RECORD_EXPECTED"] != nil {
            try Data(lines.utf8).write(to: expectedURL)
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(lines == expected)
        #expect(actual.errors.allSatisfy { $0.file != nil })
    }

    private func loadErrors(_ site: URL) -> ContentErrors? {
        do {
            _ = try ContentLoader.load(root: site, includeDrafts: false)
            return nil
        } catch {
            return error
        }
    }
}
