import Foundation
import Testing

/// The manual's languages guide (docs/content/guide/languages.md), followed literally like the tutorial: every
/// ```sh block, in order, run by bash in an empty folder with the real `build-site` on the PATH; then the site
/// it made is checked for what the guide says it shows.
@Suite struct LanguagesGuideTests {
    static let guide = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/content/guide/languages.md")

    @Test func theGuideWorksAsWritten() throws {
        let binary = try BuildSiteBinary.locate()
        let blocks = TutorialTests.shellBlocks(try String(contentsOf: Self.guide, encoding: .utf8))
        #expect(blocks.count >= 6, "the guide lost its commands")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("languages-guide-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (status, stderr) = try TutorialTests.run(blocks, in: folder, binary: binary)
        #expect(status == 0, "the guide's commands failed:\n\(stderr)")
        #expect(stderr.contains("content/timeline/council-vote.md:1:1: warning: no 'zh' translation of this page"))
        #expect(stderr.contains("content/timeline/petition.zh.md:4:1: warning: translation of revision 1, but the original (content/timeline/petition.md) is at revision 2"))

        let site = folder.appendingPathComponent("bilingual/site")
        func read(_ path: String) -> String {
            (try? String(contentsOf: site.appendingPathComponent(path), encoding: .utf8)) ?? ""
        }
        let petition = read("zh/timeline/petition/index.html")
        #expect(petition.contains(#"<html lang="zh">"#))
        #expect(petition.contains(#"<link rel="alternate" hreflang="x-default" href="https://example.org/timeline/petition/">"#))
        #expect(petition.contains(#"<li><a href="../../../timeline/petition/" hreflang="en" lang="en">English</a></li>"#))
        #expect(petition.contains(">2019年春</time>") && petition.contains("跳到正文"))
        #expect(!petition.contains("<h2>人物</h2>"), "Ada Marsh is not translated: the relation is left out")
        #expect(read("timeline/petition/index.html").contains(#"<a href="../../zh/timeline/petition/" hreflang="zh" lang="zh">中文</a>"#))
        #expect(read("index.html").contains(">4 events</h2>") && read("zh/index.html").contains(">1 个事件</h2>"))
        #expect(read("zh/404.html").contains(#"<a href="/zh/">回到首页</a>"#))
        #expect(!read("sitemap.xml").contains("404"))
    }
}
