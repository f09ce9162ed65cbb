import Foundation
@testable import Site
import Testing

/// A rebuild takes the data files' values and the UI strings' YAML from the last build when their bytes are the
/// same (`ParseMemo`), parses an edited one again, and every build is a full build's.
@Suite struct ParseMemoTests {
    @Test func unchangedFilesAreNotParsedAgainAndEditedOnesAre() throws {
        let site = try FixtureSite("languages")
        defer { site.remove() }
        try site.write("data/figures.yml", "bid: 97.4\n")
        try site.replace(in: "templates/base.html", "<nav>", with: "<nav data-bid=\"{{ data.figures.bid }}\">")
        let session = BuildSession()
        let first = try session.build(BuildOptions(root: site.root))
        #expect(first.incremental?.filesParsedReused == 0)
        try site.replace(in: "content/index.md", "Welcome.", with: "Welcome, again.")
        let second = try session.build(BuildOptions(root: site.root))
        #expect(second.incremental?.filesParsedReused == 3, "data/figures.yml, i18n/en.yml and i18n/zh.yml")
        #expect(second.files == (try site.build()).files)
        // An edited UI string and data file are read again.
        try site.replace(in: "i18n/en.yml", "home: Home", with: "home: Start")
        try site.write("data/figures.yml", "bid: 97.5\n")
        let third = try session.build(BuildOptions(root: site.root))
        #expect(third.incremental?.filesParsedReused == 1, "only i18n/zh.yml")
        #expect(third.text("index.html")?.contains(">Start</a>") == true)
        #expect(third.text("index.html")?.contains("data-bid=\"97.5\"") == true)
        #expect(third.files == (try site.build()).files)
    }

    @Test func aFileThatDidNotParseIsNotKept() throws {
        let site = try FixtureSite("languages")
        defer { site.remove() }
        let session = BuildSession()
        _ = try session.build(BuildOptions(root: site.root))
        try site.write("data/broken.yml", "key: [unclosed\n")
        #expect(throws: BuildFailure.self) { try session.build(BuildOptions(root: site.root)) }
        try site.write("data/broken.yml", "key: fixed\n")
        let fixed = try session.build(BuildOptions(root: site.root))
        #expect(fixed.files == (try site.build()).files)
    }
}
