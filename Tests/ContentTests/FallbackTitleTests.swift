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
