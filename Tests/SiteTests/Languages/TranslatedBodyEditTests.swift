import Foundation
@testable import Site
import Testing

/// On a site with several languages, an edit to a page's body only keeps the last content with the new body put
/// in (`ContentMemo`, `ContentSet.page(editedAt:in:)`), whether the page is an original or a translation (parsed
/// in its original's place, `PageParseMemo.bodyEdit(…languages:)`), and the result is a full build's.
@Suite("Languages: body edits keep the content")
struct TranslatedBodyEditTests {
    @Test func aTranslationsBodyEdit() throws {
        let site = try FixtureSite("languages")
        defer { site.remove() }
        let session = BuildSession()
        _ = try session.build(BuildOptions(root: site.root))
        try site.replace(in: "content/timeline/a.zh.md", "创立了公司。", with: "创立了公司。新的一句。")
        let second = try session.build(BuildOptions(root: site.root))
        #expect(second.incremental?.bodiesEdited == 1, "the last content kept, with the translation's new body")
        #expect(second.text("zh/timeline/a/index.html")?.contains("新的一句。") == true)
        #expect(second.text("timeline/a/index.html")?.contains("新的一句。") == false, "the original keeps its own body")
        #expect(second.files == (try site.build()).files)
    }

    @Test func anOriginalsBodyEditLeavesItsTranslation() throws {
        let site = try FixtureSite("languages")
        defer { site.remove() }
        let session = BuildSession()
        let first = try session.build(BuildOptions(root: site.root))
        try site.replace(in: "content/timeline/a.md", "founds it.", with: "founds it. A new sentence.")
        let second = try session.build(BuildOptions(root: site.root))
        #expect(second.incremental?.bodiesEdited == 1, "the last content kept, with the original's new body")
        #expect(second.text("timeline/a/index.html")?.contains("A new sentence.") == true)
        #expect(second.files["zh/timeline/a/index.html"] == first.files["zh/timeline/a/index.html"])
        #expect(second.files == (try site.build()).files)
    }

    /// Both at once, then a front matter edit of the translation: loaded again, and still a full build's.
    @Test func bothThenFrontMatter() throws {
        let site = try FixtureSite("languages")
        defer { site.remove() }
        let session = BuildSession()
        _ = try session.build(BuildOptions(root: site.root))
        try site.replace(in: "content/timeline/a.md", "founds it.", with: "founds it. Both.")
        try site.replace(in: "content/timeline/a.zh.md", "创立了公司。", with: "创立了公司。两者。")
        let second = try session.build(BuildOptions(root: site.root))
        #expect(second.incremental?.bodiesEdited == 2)
        #expect(second.files == (try site.build()).files)
        try site.replace(in: "content/timeline/a.zh.md", "title: 公司成立", with: "title: 公司成立了")
        let third = try session.build(BuildOptions(root: site.root))
        #expect(third.incremental?.bodiesEdited == nil)
        #expect(third.files == (try site.build()).files)
    }
}
