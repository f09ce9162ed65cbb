import Content
import Foundation
@testable import Site
import Testing

/// A rebuild hands the built-in sitemap and feeds the same arguments, and gets the last build's bytes
/// (`FeedsMemo`); anything a feed shows that changed makes it again, and every build is a full build's.
@Suite struct FeedsMemoTests {
    private static func sameBuffer(_ a: Data?, _ b: Data?) -> Bool {
        guard let a, let b else { return false }
        return a.withUnsafeBytes { x in b.withUnsafeBytes { y in x.baseAddress == y.baseAddress } }
    }

    @Test func unchangedFeedsAreTheLastBuildsAndChangedOnesAreMadeAgain() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let session = BuildSession()
        let first = try session.build(BuildOptions(root: site.root))
        // A paragraph further down: no summary, title or date a feed shows changes.
        try site.replace(in: "content/about.md", "## Method", with: "## Method\n\nOne more paragraph.\n")
        let second = try session.build(BuildOptions(root: site.root))
        #expect(Self.sameBuffer(first.files["timeline/atom.xml"], second.files["timeline/atom.xml"]), "the feed kept")
        #expect(Self.sameBuffer(first.files["sitemap.xml"], second.files["sitemap.xml"]), "the sitemap kept")
        #expect(second.files == (try site.build()).files)
        // An event's title is in the feed: made again.
        try site.replace(in: "content/timeline/first.md", "title: First event", with: "title: The first event")
        let third = try session.build(BuildOptions(root: site.root))
        #expect(!Self.sameBuffer(second.files["timeline/atom.xml"], third.files["timeline/atom.xml"]))
        #expect(third.text("timeline/atom.xml")?.contains("The first event") == true)
        #expect(third.files == (try site.build()).files)
        // `updated:` is the sitemap's lastmod.
        try site.replace(in: "content/timeline/first.md", "date: 2015", with: "date: 2015\nupdated: 2020-01-02")
        let fourth = try session.build(BuildOptions(root: site.root))
        #expect(fourth.text("sitemap.xml")?.contains("<lastmod>2020-01-02</lastmod>") == true)
        #expect(fourth.files == (try site.build()).files)
    }

    @Test func keysDifferInAnyArgument() {
        let entry = Feeds.Entry(title: "A", date: nil, url: "/a/", summary: "s")
        let header = Feeds.Header(collection: "timeline", title: "Timeline", siteTitle: "Site")
        let atom = FeedsMemo.Key.atom(header: header, entries: [entry], baseURL: "https://example.org/")
        #expect(atom.same(as: .atom(header: header, entries: [entry], baseURL: "https://example.org/")))
        var other = entry
        other.updated = PartialDate(year: 2020)
        #expect(!atom.same(as: .atom(header: header, entries: [other], baseURL: "https://example.org/")))
        #expect(!atom.same(as: .atom(header: header, entries: [entry], baseURL: "https://example.com/")))
        let sitemap = FeedsMemo.Key.sitemap(locations: [Feeds.Location(url: "/a/", lastmod: nil)], baseURL: "/",
                                            alternates: ["/a/": [(language: "en", url: "/a/"), (language: "zh", url: "/zh/a/")]])
        #expect(sitemap.same(as: sitemap))
        #expect(!sitemap.same(as: .sitemap(locations: [Feeds.Location(url: "/a/", lastmod: nil)], baseURL: "/",
                                           alternates: ["/a/": [(language: "en", url: "/a/"), (language: "zh", url: "/zh/b/")]])))
        #expect(!sitemap.same(as: atom))
    }
}
