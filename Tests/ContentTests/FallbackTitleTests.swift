import Foundation
import Testing
@testable import Content

/// A page without a `title:` (a bare `---` `---` block, or no front matter) builds, titled after its file.
@Suite struct FallbackTitleTests {
    @Test(arguments: [
        (["plain.md"], "Plain"),
        (["openai-founded.md"], "Openai founded"),
        (["index.md"], "Home"),
        (["timeline", "_index.md"], "Timeline"),
        (["people", "sam_altman.md"], "Sam altman"),
    ])
    func titleComesFromTheFileName(_ components: [String], _ expected: String) throws {
        let route = try #require(PageRoute.fromPath(components))
        #expect(PageParser.fallbackTitle(for: route) == expected)
    }

    @Test func emptyFrontMatterLoads() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("fallback-title-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
        try Data("---\n---\nText.\n".utf8).write(to: root.appendingPathComponent("content/plain.md"))
        let set = try ContentLoader.load(root: root)
        #expect(set.pages.map(\.title) == ["Plain"])
    }

    @Test func requiredTitleStillApplies() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("fallback-title-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/timeline"), withIntermediateDirectories: true)
        try Data("collections:\n  timeline:\n    required: [title]\n".utf8).write(to: root.appendingPathComponent("site.yml"))
        try Data("---\n---\nText.\n".utf8).write(to: root.appendingPathComponent("content/timeline/x.md"))
        #expect(throws: ContentErrors.self) { try ContentLoader.load(root: root) }
    }
}

/// `ContentLoader.parsePage` (the fuzzer's entry point) parses like `load`.
@Suite struct ParsePageTests {
    @Test func parsesAPage() {
        let result = ContentLoader.parsePage(data: Data("---\ntitle: X\ndate: 2015-12-11\n---\nBody\n".utf8), path: "content/timeline/x.md")
        #expect(result.errors.isEmpty)
        #expect(result.page?.url == "/timeline/x/")
        #expect(result.page?.bodyStartLine == 5)
    }

    @Test func reportsErrorsWithLocations() {
        let result = ContentLoader.parsePage(data: Data("---\ntitle: [x\n---\n".utf8), path: "content/x.md")
        #expect(result.page == nil)
        #expect(result.errors.map(\.description) == ["content/x.md:2:8: error: invalid YAML: this [ ] list is never closed (did not find expected ',' or ']')"])
    }
}
