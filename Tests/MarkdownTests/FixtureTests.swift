import Foundation
import Markdown
import Testing

/// Golden files: each `Fixtures/<name>.md` must render exactly to `Fixtures/<name>.html`.
///
/// To re-record after an intended change, run with `MARKDOWN_RECORD_FIXTURES=1` and review the diff.
@Suite struct FixtureTests {
    static let directory = Bundle.module.url(forResource: "Fixtures", withExtension: nil)

    static var names: [String] {
        guard let directory,
              let files = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        return files.filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
    }

    @Test func fixturesArePresent() {
        #expect(Self.names.count >= 5)
    }

    @Test(arguments: names)
    func rendersAsRecorded(_ name: String) throws {
        let directory = try #require(Self.directory)
        let markdown = try String(contentsOf: directory.appendingPathComponent(name + ".md"), encoding: .utf8)
        let html = try MarkdownRenderer.render(markdown).html
        if ProcessInfo.processInfo.environment["MARKDOWN_RECORD_FIXTURES"] == "1" {
            let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
            try html.write(to: sources.appendingPathComponent(name + ".html"), atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: directory.appendingPathComponent(name + ".html"), encoding: .utf8)
        #expect(html == expected)
    }
}
