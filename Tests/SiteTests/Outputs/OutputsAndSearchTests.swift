import Foundation
import Testing
@testable import Site

/// JSON outputs and the search index are made at once (`SiteBuilder.addOutputsAndSearch`): the files and the
/// errors must be those of the two steps one after the other, outputs first.
struct OutputsAndSearchTests {
    private func fixture() throws -> FixtureSite {
        let fixture = try FixtureSite()
        try fixture.replace(in: "site.yml", "collections:", with: "search: true\ncollections:")
        try fixture.replace(in: "content/timeline/_index.md", "title: Timeline\n", with: "title: Timeline\noutput: [html, json]\n")
        try fixture.write("templates/timeline/list.json", #"{"title": "{{ page.title }}", "count": {{ page.pages | length }}}"# + "\n")
        return fixture
    }

    @Test func writesWhatTheTwoStepsWrite() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        let site = try fixture.build()
        let json = try #require(site.files["timeline.json"])
        #expect(String(decoding: json, as: UTF8.self) == #"{"title": "Timeline", "count": 3}"#)
        #expect(site.files["search/index.js"] != nil && site.files["search/search.js"] != nil)
        // Without the JSON output, every other file is the same: the search index is made from the pages alone.
        try fixture.replace(in: "content/timeline/_index.md", "output: [html, json]\n", with: "")
        let withoutJSON = try fixture.build()
        #expect(site.files.filter { $0.key != "timeline.json" } == withoutJSON.files)
    }

    @Test func theOutputsStepsErrorsComeFirst() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        // A broken JSON template and a page with a bad `search:`: a build that ran them in turn stopped at the first.
        try fixture.write("templates/timeline/list.json", "{\"title\": {{ page.title }}}")
        try fixture.replace(in: "content/people/bob.md", "---\n", with: "---\nsearch: maybe\n")
        for _ in 0..<20 {
            let messages = try failure(fixture)
            #expect(messages.count == 1 && messages[0].hasPrefix("templates/timeline/list.json: error: wrote invalid JSON"), "\(messages)")
        }
        try fixture.write("templates/timeline/list.json", "{}")
        #expect(try failure(fixture) == ["content/people/bob.md:2:9: error: 'search': expected true or false, found a string"])
    }

    private func failure(_ fixture: FixtureSite) throws -> [String] {
        return fixture.failedBuildDiagnostics()
    }
}
