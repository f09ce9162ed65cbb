import Foundation
@testable import Site
import Testing

extension IncrementalExactnessTests {
    /// Edits of pages' `title:` lines, where the session keeps the last content and puts the new titles in when a
    /// title reaches nothing else (`ContentSet.acceptsTitleEdit`): a title alone, a title and the body at once,
    /// two pages' titles at once, a title back to what it was, and a title with another front matter line.
    /// Every step is compared with a full build, and the sequence must have taken the shortcut (its first step, a
    /// title of an event, sorted by date, with no translation, always can).
    @Test(arguments: ["basic", "features", "languages"])
    func titleEdits(_ name: String) throws {
        let site = try FixtureSite(name)
        defer { site.remove() }
        let seed = IncrementalExactnessTests.seed()
        var random = SeededRandom(seed: seed)
        let replay = "BUILD_SITE_EXACTNESS_SEED=\(seed) (site \(name), title edits)"
        let editor = SiteEditor(root: site.root)
        func file(_ path: String) -> URL { site.root.appendingPathComponent(path) }
        func change(_ path: String, _ edit: (String) -> String) throws { try site.write(path, edit(try site.read(path))) }
        let pages = try editor.files(under: "content", suffix: ".md").filter { try site.read($0).contains("\ntitle: ") }
        let drafts = try Set(pages.filter { try site.read($0).contains("\ndraft: true\n") })
        let events = pages.filter { $0.hasPrefix("content/timeline/") && !$0.hasSuffix("_index.md") && !$0.contains(".zh.") }
        let first = try #require(events.first { !drafts.contains($0) && !pages.contains($0.replacingOccurrences(of: ".md", with: ".zh.md")) })
        let session = BuildSession()
        var kept = 0
        try Self.compare(session, root: site.root, output: nil, step: "the first build", replay: replay)
        for step in 0..<Self.steps(default: 16) {
            let page = step == 0 ? first : pages.randomElement(using: &random) ?? first
            let other = pages.randomElement(using: &random) ?? first
            let mark = Int.random(in: 100_000...999_999, using: &random)
            let before = try [page, other].map { ($0, try Data(contentsOf: file($0))) }
            let retitle: (String) -> String = { SiteEditor.replacingLine($0, starting: "title: ") { $0 + " \(mark)" } }
            let label: String
            switch step == 0 ? 0 : Int.random(in: 0..<5, using: &random) {
            case 0:
                label = "the title of \(page)"
                try change(page, retitle)
            case 1:
                label = "the title and body of \(page)"
                try change(page) { retitle($0) + "\nA line, edit \(mark).\n" }
            case 2:
                label = "the titles of \(page) and \(other)"
                try change(page, retitle)
                if other != page { try change(other, retitle) }
            case 3:
                label = "the title of \(page), then back"
                let saved = try Data(contentsOf: file(page))
                try change(page, retitle)
                try Self.compare(session, root: site.root, output: nil, step: "step \(step), \(label)", replay: replay)
                try saved.write(to: file(page))
            default:
                label = "the title of \(page) and another front matter line"
                try change(page) { SiteEditor.afterFrontMatterStart(retitle($0), insert: "edited_key: \(mark)\n") }
            }
            try Self.compare(session, root: site.root, output: nil, step: "step \(step), \(label)", replay: replay)
            if session.lastBuild?.site.incremental?.bodiesEdited != nil { kept += 1 }
            if (try? SiteBuilder.build(BuildOptions(root: site.root))) == nil {
                for (path, data) in before { try data.write(to: file(path)) }
                try Self.compare(session, root: site.root, output: nil, step: "step \(step), \(label), put back", replay: replay)
            }
        }
        #expect(kept > 0, "no step kept the content: the shortcut was never taken; \(replay)")
    }
}
