import Foundation
import Testing
@testable import Site

/// The search index of the fixture site: which pages are in it, where each term was found, and the
/// errors in its settings.
struct SearchIndexSiteTests {
    /// The data a search file passes to `__buildSiteSearch(name, data)`.
    private func payload(_ site: BuiltSite, _ path: String) throws -> Any {
        let text = try #require(site.text(path))
        let open = try #require(text.firstIndex(of: ","))
        #expect(text.hasPrefix("__buildSiteSearch(\"") && text.hasSuffix(");\n"))
        let json = text[text.index(after: open)..<text.index(text.endIndex, offsetBy: -3)]
        return try JSONSerialization.jsonObject(with: Data(json.utf8))
    }

    /// The documents' URLs, in index order.
    private func documentURLs(_ site: BuiltSite) throws -> [String] {
        let index = try #require(try payload(site, "search/index.js") as? [String: Any])
        let count = try #require(index["documents"] as? Int)
        var urls: [String] = []
        for chunk in 0..<((count + 15) / 16) {
            let docs = try #require(try payload(site, "search/d/\(chunk).js") as? [[Any]])
            urls += docs.compactMap { $0[0] as? String }
        }
        return urls
    }

    /// For one term: the URL of each document it occurs in, with the fields (`SearchDocument.Field` bits).
    private func postings(_ site: BuiltSite, _ term: String) throws -> [String: Int] {
        let index = try #require(try payload(site, "search/index.js") as? [String: Any])
        let shards = try #require(index["shards"] as? Int)
        let shard = try #require(try payload(site, "search/t/\(SearchText.shard(of: term, count: shards)).js") as? [String: [Int]])
        let urls = try documentURLs(site)
        var document = 0
        var result: [String: Int] = [:]
        for number in shard[term] ?? [] {
            document += number / 16
            result[urls[document]] = number % 16
        }
        return result
    }

    private func searchSite(_ settings: String = "search: true") throws -> FixtureSite {
        let fixture = try FixtureSite()
        try fixture.replace(in: "site.yml", "collections:", with: "\(settings)\ncollections:")
        return fixture
    }

    @Test func withoutTheSettingNothingIsWritten() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        let site = try fixture.build()
        #expect(!site.files.keys.contains { $0.hasPrefix("search/") })
    }

    @Test func indexesEveryRenderedPageButThe404AndPagesThatOptOut() throws {
        let fixture = try searchSite()
        defer { fixture.remove() }
        try fixture.replace(in: "content/people/bob.md", "---\n", with: "---\nsearch: false\n")
        let site = try fixture.build()
        let urls = try documentURLs(site)
        #expect(urls.contains("timeline/first/") && urls.contains("people/ada/") && urls.contains(""))
        #expect(!urls.contains("people/bob/"), "search: false leaves a page out")
        #expect(!urls.contains { $0.contains("404") })
        #expect(!urls.contains("timeline/secret/"), "drafts are not built, so not indexed")
        #expect(site.files["search/search.js"] != nil)
    }

    @Test func recordsWhereEachTermWasFound() throws {
        let fixture = try searchSite()
        defer { fixture.remove() }
        let site = try fixture.build()
        // "first" is in a title (8); "happened" in a heading (4), which is body text too (1); "thing" in a
        // summary (2); "alone" in a body (1), whose first paragraph is also the page's summary (2).
        #expect(try postings(site, "first")["timeline/first/"] == 8)
        #expect(try postings(site, "happened") == ["timeline/first/": 5])
        #expect(try postings(site, "thing")["timeline/third/"] == 2)
        #expect(try postings(site, "alone")["timeline/second/"] == 3)
        // The collection's title counts as summary text; the body of a table is text too.
        #expect(try postings(site, "timeline")["timeline/third/"].map { $0 & 2 } == 2)
        #expect(try postings(site, "table")["timeline/third/"] == 1)
    }

    @Test func bodyFalseIndexesOnlyTitlesHeadingsAndSummaries() throws {
        let fixture = try searchSite("search:\n  body: false")
        defer { fixture.remove() }
        try fixture.replace(in: "content/people/ada.md", "Ada is a person.", with: "Ada is a person.\n\nShe likes zebras.")
        let site = try fixture.build()
        #expect(try postings(site, "zebras").isEmpty)
        #expect(try postings(site, "person") == ["people/ada/": 2], "the first paragraph is the summary")
        #expect(try postings(site, "happened") == ["timeline/first/": 4])
    }

    @Test func excludedCollectionsAreLeftOut() throws {
        let fixture = try searchSite("search:\n  exclude: [people]")
        defer { fixture.remove() }
        let urls = try documentURLs(try fixture.build())
        #expect(!urls.contains { $0.hasPrefix("people/") })
        #expect(urls.contains("timeline/first/"))
    }

    @Test func accentsAndScriptsAreEscapedAndFolded() throws {
        let fixture = try searchSite()
        defer { fixture.remove() }
        try fixture.replace(in: "content/people/ada.md", "Ada is a person.", with: "Ada met Émile </script> at 马斯克's.")
        let site = try fixture.build()
        #expect(try postings(site, "emile")["people/ada/"] == 3)  // the first paragraph: summary and body
        #expect(try postings(site, "马斯")["people/ada/"] == 3)
        #expect(!(site.text("search/d/0.js") ?? "").contains("</"), "nothing in a search file can close a script")
    }

    @Test(arguments: [
        ("search:\n  bodyy: false", "site.yml:6:3", "unknown setting 'bodyy' for 'search' — did you mean 'body'?"),
        ("search: yes please", "site.yml:5:9", "'search': expected true, false or a mapping of search settings, found a string"),
        ("search:\n  exclude: [peeple]", "site.yml:6:13", "'exclude': unknown collection 'peeple' — did you mean 'people'?"),
        ("search:\n  body: 3", "site.yml:6:9", "'body': expected true or false, found an integer"),
    ])
    func badSettingsAreReportedWhereTheyAre(settings: String, location: String, message: String) throws {
        let fixture = try searchSite(settings)
        defer { fixture.remove() }
        do {
            _ = try fixture.build()
            Issue.record("the build should have failed")
        } catch {
            let found = error.diagnostics.map { "\($0.file ?? ""):\($0.line ?? 0):\($0.column ?? 0)" }
            #expect(found == [location])
            #expect(error.diagnostics.map(\.message) == [message])
        }
    }

    @Test func aPageSearchKeyMustBeABoolean() throws {
        let fixture = try searchSite()
        defer { fixture.remove() }
        try fixture.replace(in: "content/people/bob.md", "---\n", with: "---\nsearch: no thanks\n")
        do {
            _ = try fixture.build()
            Issue.record("the build should have failed")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "content/people/bob.md:2:9: error: 'search': expected true or false, found a string"])
        }
    }
}
