import Content
import Foundation
import Testing
@testable import Site

/// The Atom feed's order and dates, and the sitemap's order: newest first, ties by URL, an undated entry
/// dated like the newest one, never by the clock.
struct FeedsTests {
    private func entry(_ url: String, _ year: Int, _ month: Int? = nil, _ day: Int? = nil) -> Feeds.Entry {
        Feeds.Entry(title: "T \(url)", date: PartialDate(year: year, month: month, day: day), url: url, summary: "S")
    }

    private func values(of tag: String, in xml: String) -> [String] {
        xml.components(separatedBy: "<\(tag)>").dropFirst().compactMap { $0.components(separatedBy: "</\(tag)>").first }
    }

    @Test func entriesAreNewestFirstWithTiesByURL() throws {
        let entries = [
            entry("/timeline/b/", 2015, 12, 11),
            entry("/timeline/old/", 2015),
            entry("/timeline/a/", 2015, 12, 11),
            Feeds.Entry(title: "T undated", date: nil, url: "/timeline/undated/", summary: "S"),
            entry("/timeline/new/", 2025, 2),
        ]
        let xml = String(decoding: Feeds.atom(collection: "timeline", title: "Timeline", siteTitle: "Site",
                                               entries: entries, baseURL: "https://example.org/x/"), as: UTF8.self)
        let titles = values(of: "title", in: xml).dropFirst()  // the first is the feed's own
        // The undated entry compares by URL with its neighbours; the dated ones are newest first.
        #expect(Array(titles) == ["T /timeline/new/", "T /timeline/a/", "T /timeline/b/", "T /timeline/old/", "T undated"])
        let updated = values(of: "updated", in: xml)
        #expect(updated == ["2025-02-01T00:00:00Z", "2025-02-01T00:00:00Z", "2015-12-11T00:00:00Z",
                            "2015-12-11T00:00:00Z", "2015-01-01T00:00:00Z", "2025-02-01T00:00:00Z"])
        #expect(xml.hasSuffix("</entry>\n</feed>\n"))
    }

    @Test func sitemapListsAbsoluteURLsInOrder() {
        let xml = String(decoding: Feeds.sitemap(pageURLs: ["/b/", "/", "/a&b/"], baseURL: "https://example.org/x/"),
                         as: UTF8.self)
        #expect(values(of: "loc", in: xml) == ["https://example.org/x/", "https://example.org/x/a%26b/",
                                                "https://example.org/x/b/"])
    }
}
