import Foundation
import Testing
@testable import Content

/// A page without a title still builds (issue 7: `---\n---` must simply work), titled after its file.
@Suite struct FallbackTitleTests {
    @Test(arguments: [
        ("---\n---\n", "content/timeline/openai-founded.md", "Openai founded"),
        ("---\n---", "content/about_us.md", "About us"),
        ("Just text, no front matter.\n", "content/notes.md", "Notes"),
        ("---\n---\n", "content/people/_index.md", "People"),
        ("---\n---\n", "content/index.md", "Home"),
        ("---\ntitle: Given\n---\n", "content/x.md", "Given"),
    ])
    func titleComesFromTheFileName(_ text: String, _ source: String, _ expected: String) throws {
        #expect(try ContentLoader.parsePage(text, source: source).title == expected)
    }
}

/// The fallback through a whole load, and `required: [title]` still enforcing a real one.
@Suite struct FallbackTitleLoadTests {
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
