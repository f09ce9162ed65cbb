import Foundation
import Testing
@testable import Site

/// `output: [html, json]`: a page or list also written through its JSON template, escaped as JSON.
struct JSONOutputSiteTests {
    private let listTemplate = """
        {"title": "{{ page.title }}", "events": [{% for e in page.pages %}{"title": "{{ e.title }}", "date": "{{ e.date.iso }}", "precision": "{{ e.date.precision }}", "people": {{ e.people | map(attribute="slug") | list | json }}}{% if not loop.last %}, {% endif %}{% endfor %}]}

        """

    private func fixture() throws -> FixtureSite {
        let fixture = try FixtureSite()
        try fixture.replace(in: "content/timeline/_index.md", "title: Timeline\n", with: "title: Timeline & \"more\"\noutput: [html, json]\n")
        try fixture.write("templates/timeline/list.json", listTemplate)
        return fixture
    }

    @Test func aListIsAlsoWrittenAsJSONBesideItsPage() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        let site = try fixture.build()
        #expect(site.files["timeline/index.html"] != nil)
        let data = try #require(site.files["timeline.json"])
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["title"] as? String == "Timeline & \"more\"")
        let events = try #require(json["events"] as? [[String: Any]])
        #expect(events.map { $0["title"] as? String } == ["First event", "Second event", "Third event"])
        #expect(events.map { $0["date"] as? String } == ["2015", "2015-05", "2015-12-11"])
        #expect(events.map { $0["precision"] as? String } == ["year", "month", "day"])
        #expect(events.first?["people"] as? [String] == ["ada", "bob"])
        #expect(site.files["timeline/first.json"] == nil, "only pages that ask are written as JSON")
    }

    @Test func pathsFollowThePagesURL() {
        #expect(OutputsStep.jsonPath(for: "/") == "index.json")
        #expect(OutputsStep.jsonPath(for: "/timeline/") == "timeline.json")
        #expect(OutputsStep.jsonPath(for: "/timeline/first/") == "timeline/first.json")
        #expect(OutputsStep.jsonPath(for: "/404.html") == "404.json")
        #expect(OutputsStep.jsonName("timeline/list.html") == "timeline/list.json")
    }

    private func failure(_ edit: (FixtureSite) throws -> Void) throws -> [String] {
        let fixture = try fixture()
        defer { fixture.remove() }
        try edit(fixture)
        return fixture.failedBuildDiagnostics()
    }

    @Test func mistakesAreReportedWhereTheyAre() throws {
        #expect(try failure { try $0.replace(in: "content/timeline/_index.md", "[html, json]", with: "[html, jsn]") }
            == ["content/timeline/_index.md:3:16: error: 'output': unknown format 'jsn' — did you mean 'json'?"])
        #expect(try failure { try $0.replace(in: "content/timeline/_index.md", "[html, json]", with: "[json]") }
            == ["content/timeline/_index.md:3:9: error: 'output': every page is written as HTML, so the list must name html too, as in [html, json]"])
        #expect(try failure { try $0.replace(in: "content/timeline/_index.md", "[html, json]", with: "json") }
            == ["content/timeline/_index.md:3:9: error: 'output': expected a list of formats such as [html, json], found a string"])
        #expect(try failure { try FileManager.default.removeItem(at: $0.root.appendingPathComponent("templates/timeline/list.json")) }
            == ["content/timeline/_index.md:1:1: error: no template found for this page; tried templates/timeline/list.json, templates/list.json"])
        let invalid = try failure { try $0.write("templates/timeline/list.json", "{\"title\": {{ page.title }}}") }
        #expect(invalid.count == 1 && invalid[0].hasPrefix(
            "templates/timeline/list.json: error: wrote invalid JSON for content/timeline/_index.md"), "\(invalid)")
    }
}
