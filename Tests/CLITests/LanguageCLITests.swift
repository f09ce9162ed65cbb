import Foundation
import Testing

/// A two-language site through the real executable: untranslated pages are warnings (exit 0, the pages
/// written), or errors with `translations: {missing: error}` (exit 1, site/ untouched); every other mistake of a
/// translation or of the UI strings is an error located in its file (exit 1, site/ untouched).
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

    /// Builds once, makes `edits`, builds again: exit 1, the located message on stderr, site/ as it was.
    private func expectFailure(_ edits: [(path: String, text: String)], message: String,
                               sourceLocation: SourceLocation = #_sourceLocation) throws {
        let binary = try BuildSiteBinary.locate()
        let site = try site()
        defer { site.remove() }
        #expect(try binary.run(["--root", site.root.path, "--quiet"]).status == 0, sourceLocation: sourceLocation)
        let before = try site.read("site/zh/people/ada/index.html")
        for edit in edits { try site.write(edit.text, to: edit.path) }
        let outcome = try binary.run(["--root", site.root.path, "--quiet"])
        #expect(outcome.status == 1, sourceLocation: sourceLocation)
        #expect(outcome.stderr.contains(message), "stderr:\n\(outcome.stderr)", sourceLocation: sourceLocation)
        #expect(try site.read("site/zh/people/ada/index.html") == before, sourceLocation: sourceLocation)
    }

    @Test func aTranslationContradictingASharedKeyFails() throws {
        try expectFailure([("content/timeline/first.zh.md", "---\ntitle: 第一件事\ndate: 2016-01-01\n---\n")],
                          message: "content/timeline/first.zh.md:3:1: error: 'date' differs from the original's (content/timeline/first.md:3)")
    }

    @Test func aTranslationWithoutAnOriginalFails() throws {
        try expectFailure([("content/people/bob.zh.md", "---\ntitle: 鲍勃\n---\n")],
                          message: "content/people/bob.zh.md:1:1: error: translation without an original: there is no content/people/bob.md")
    }

    @Test func aUIStringMissingInOneLanguageFails() throws {
        try expectFailure([("i18n/en.yml", "home: Home\nread_timeline: Read the timeline\n"), ("i18n/zh.yml", "home: 首页\n")],
                          message: "i18n/zh.yml: error: missing key 'read_timeline', which i18n/en.yml:2 has")
    }
}
