import Foundation
import Testing

/// A two-language site through the real executable: untranslated pages are warnings (exit 0, the pages
/// written), or errors with `translations: {missing: error}` (exit 1, site/ untouched).
@Suite struct LanguageCLITests {
    private func site() throws -> ScratchSite {
        let site = try ScratchSite(fixture: "base", base: nil)
        try site.write(try site.read("site.yml") + "languages:\n  en: {title: English}\n  zh: {title: 中文}\n", to: "site.yml")
        try site.write("---\ntitle: 艾达\n---\n一位数学家。\n", to: "content/people/ada.zh.md")
        return site
    }

    @Test func untranslatedPagesAreWarningsAndTheBuildSucceeds() throws {
        let binary = try BuildSiteBinary.locate()
        let site = try site()
        defer { site.remove() }
        let outcome = try binary.run(["--root", site.root.path, "--quiet"])
        #expect(outcome.status == 0, "stderr:\n\(outcome.stderr)")
        #expect(outcome.stderr.contains("content/timeline/first.md:1:1: warning: no 'zh' translation of this page (content/timeline/first.zh.md)"))
        #expect(!outcome.stderr.contains("content/people/ada.md:1:1: warning"))
        #expect(FileManager.default.fileExists(atPath: site.url("site/zh/people/ada/index.html").path))
    }

    @Test func untranslatedPagesAreErrorsWhenTheSiteSaysSo() throws {
        let binary = try BuildSiteBinary.locate()
        let site = try site()
        defer { site.remove() }
        #expect(try binary.run(["--root", site.root.path, "--quiet"]).status == 0)
        let before = try site.read("site/index.html")
        try site.write(try site.read("site.yml") + "translations: {missing: error}\n", to: "site.yml")
        let outcome = try binary.run(["--root", site.root.path, "--quiet"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("content/timeline/first.md:1:1: error: no 'zh' translation of this page"))
        #expect(try site.read("site/index.html") == before)
    }
}
