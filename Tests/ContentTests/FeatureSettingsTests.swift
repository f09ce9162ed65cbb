import Foundation
import Testing
@testable import Content

/// `taxonomies:`, `paginate:`, `redirects:` and `aliases:` as the loader reads them, on their own.
@Suite struct FeatureSettingsTests {
    @Test func readsTaxonomiesPaginationAndRedirects() throws {
        let config = try ContentLoader.parseConfig("""
        taxonomies:
          topics: {title: Topics, paginate: 10}
          tags:
        redirects:
          /old/: /new/
          /Café/: https://example.org/
        redirects_file: true
        collections:
          timeline: {paginate: 20}
        """)
        #expect(config.taxonomies.map(\.name) == ["topics", "tags"])
        #expect(config.taxonomy(named: "topics")?.title == "Topics" && config.taxonomy(named: "topics")?.paginate == 10)
        #expect(config.taxonomy(named: "tags")?.paginate == nil)
        #expect(config.collection(named: "timeline")?.paginate == 20)
        #expect(config.redirects == [Redirect(from: "/old/", to: "/new/", line: 5, column: 3),
                                     Redirect(from: "/Café/", to: "https://example.org/", line: 6, column: 3)])
        #expect(config.writesRedirectsFile)
    }

    @Test(arguments: ["0", "-3", "2.5", "ten", "true", "[2]"])
    func refusesAPageSizeThatIsNotAPositiveWholeNumber(_ size: String) {
        do {
            _ = try ContentLoader.parseConfig("collections:\n  timeline:\n    paginate: \(size)\n")
            Issue.record("paginate: \(size) should be refused")
        } catch {
            #expect(error.errors.map { "\($0.line ?? 0):\($0.column ?? 0)" } == ["3:15"])
            #expect(error.errors.first?.message.hasPrefix("'paginate': expected a whole number") == true)
        }
    }

    @Test func readsAliasesAsSitePaths() throws {
        let page = try ContentLoader.parsePage("---\ntitle: One\naliases: [/old/path, /2015/one.html, \"/%C3%A9t%C3%A9/\"]\n---\n",
                                               source: "content/one.md")
        #expect(page.aliases.map(\.url) == ["/old/path/", "/2015/one.html", "/été/"])
        #expect(page.aliases.map(\.column) == [11, 22, 38])
    }

    @Test(arguments: [("aliases: /old/", "expected a list"), ("aliases: [old/]", "must be a path on this site"),
                      ("aliases: [/]", "would replace the home page"), ("aliases: [\"/a/%2e%2e/%2e%2e/x/\"]", "unsafe alias"),
                      ("aliases: [//host/x/]", "must be a path on this site")])
    func refusesBadAliases(_ line: String, _ message: String) {
        do {
            _ = try ContentLoader.parsePage("---\ntitle: One\n\(line)\n---\n", source: "content/one.md")
            Issue.record("\(line) should be refused")
        } catch {
            #expect(error.errors.count == 1 && error.errors.first?.line == 3)
            #expect(error.errors.first?.message.contains(message) == true, "got \(error.errors)")
        }
    }
}
