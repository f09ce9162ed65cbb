import Foundation
import Testing
@testable import Content

/// Collection order: configured key and direction, missing values last, ties by slug.
@Suite struct SortingTests {
    private func load(_ config: String, pages: [String: String]) throws -> (ContentSet, [String]) {
        let root = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(config, to: "site.yml", in: root)
        for (path, frontMatter) in pages {
            try Fixtures.write("---\n\(frontMatter)\n---\n", to: "content/\(path)", in: root)
        }
        let set = try ContentLoader.load(root: root)
        let order = set.collections.first?.pageIndices.map { set.pages[$0].slug } ?? []
        return (set, order)
    }

    @Test func customKeyDescendingWithMissingLastAndTiesBySlug() throws {
        let (_, order) = try load("collections:\n  items:\n    sort_by: weight\n    order: desc\n", pages: [
            "items/a.md": "title: A\nweight: 1",
            "items/b.md": "title: B\nweight: 5",
            "items/c.md": "title: C\nweight: 5",
            "items/d.md": "title: D",
            "items/e.md": "title: E\nweight: 2.5",
        ])
        #expect(order == ["b", "c", "e", "a", "d"])
    }

    @Test func datesAscendingUndatedLast() throws {
        let (_, order) = try load("collections:\n  events:\n    sort_by: date\n", pages: [
            "events/day.md": "title: Day\ndate: 2015-05-01",
            "events/month.md": "title: Month\ndate: 2015-05",
            "events/year.md": "title: Year\ndate: 2015",
            "events/none.md": "title: None",
            "events/later.md": "title: Later\ndate: 2016",
        ])
        #expect(order == ["year", "month", "day", "later", "none"])
    }

    @Test func titlesSortIgnoringCase() throws {
        let (_, order) = try load("", pages: [
            "people/z.md": "title: alice",
            "people/y.md": "title: Bob",
            "people/x.md": "title: Alice",
        ])
        #expect(order == ["x", "z", "y"])
    }

    /// (A configured collection needs a folder with Markdown, `CollectionChecks`: `empty/` has only its list page.)
    @Test func unconfiguredFoldersFollowConfiguredOnesByName() throws {
        let (set, _) = try load("collections:\n  timeline: {}\n  empty:\n", pages: [
            "empty/_index.md": "title: Empty",
            "zebras/a.md": "title: A",
            "apples/a.md": "title: A",
            "timeline/a.md": "title: A",
        ])
        #expect(set.collections.map(\.name) == ["timeline", "empty", "apples", "zebras"])
        #expect(set.collection(named: "empty")?.pageIndices == [])
    }
}
