import Foundation
@testable import Site
import Testing

/// The proof that incremental builds are exact: random sequences of edits, and after every one the session's
/// result (files, or errors) must equal a full build's from scratch, byte for byte.
///
/// Seeded: a failure prints its seed and step; `BUILD_SITE_EXACTNESS_SEED=<n>` replays it, and
/// `BUILD_SITE_EXACTNESS_STEPS=<n>` runs longer sequences (CI runs a long one).
@Suite("Incremental builds: exact after every edit")
struct IncrementalExactnessTests {
    static let microsite = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test(arguments: ["basic", "features", "languages"])
    func fixtureSite(_ name: String) throws {
        let site = try FixtureSite(name)
        defer { site.remove() }
        try Self.check(site.root, name: name, steps: Self.steps(default: 30))
    }

    /// The two-language fixture with what a template can depend on besides values: a component (its template
    /// includes a partial and calls `t`) called from a page's Markdown in both languages, a data file the base
    /// template reads, and a stylesheet only the home page inlines; the random edits touch each of them.
    @Test func fixtureSiteWithComponentsDataAndInlinedStyles() throws {
        let site = try FixtureSite("languages")
        defer { site.remove() }
        try Self.addComponentsDataAndStyles(to: site)
        try Self.check(site.root, name: "languages with components, data and styles", steps: Self.steps(default: 30))
    }

    static func addComponentsDataAndStyles(to site: FixtureSite) throws {
        try site.write("templates/components/note.html", """
            {# component
               arguments: kind?
               body: markdown
            -#}
            <aside class="note">{{ t("nav.home") }}: {{ body }}{% include "partials/note-footer.html" %}</aside>

            """)
        try site.write("templates/partials/note-footer.html", "<small>{{ kind | default('note') }} ({{ lang }})</small>\n")
        try site.write("data/links.yml", "home: https://example.org/\nother: unused\n")
        try site.write("data/unused.yml", "key: value\n")
        try site.write("static/style.css", "body { color: black; }\n")
        try site.replace(in: "templates/base.html", "<p class=\"site\">", with: "<p class=\"site\" data-home=\"{{ data.links.home }}\">")
        try site.replace(in: "templates/base.html", "</head>",
                         with: "{% if page.url == '/' %}<style>{{ '/style.css' | inline_css }}</style>{% endif %}</head>")
        for page in ["content/timeline/a.md", "content/timeline/a.zh.md"] {
            try site.write(page, try site.read(page) + "\n{{< note kind=\"aside\" >}}\nA *note*.\n{{< /note >}}\n")
        }
    }

    /// A list of more than `Renderer.longLoop` items whose item is a pure macro of a module, so that `serve`
    /// keeps each call between builds (`Renderer+MacroMemo`): random edits, title edits among them, must give
    /// what a full build gives, with the kept calls pasted.
    @Test func fixtureSiteWithALongListOfMacroItems() throws {
        let site = try FixtureSite("basic")
        defer { site.remove() }
        try site.write("templates/macros.html", """
            {% macro item(ev) %}<li><a href="{{ ev.url | relative_url }}">{{ ev.title }}</a> {{ ev.date | date }}</li>{% endmacro %}

            """)
        try site.replace(in: "templates/list.html",
                         "<ul>{% for item in page.pages %}<li><a href=\"{{ item.url | relative_url }}\">{{ item.title }}</a></li>{% endfor %}</ul>",
                         with: "{% import \"macros.html\" as m %}<ul>{% for item in page.pages %}{{ m.item(item) }}{% endfor %}</ul>")
        for index in 1...120 {
            try site.write("content/timeline/generated-\(index).md", """
                ---
                title: Generated event \(index)
                date: \(1900 + index)
                people: [ada]
                sources: [paper]
                ---
                Generated body \(index), with [Ada](../people/ada.md).

                """)
        }
        _ = try SiteBuilder.build(BuildOptions(root: site.root))  // the edited fixture builds before any edit
        try Self.check(site.root, name: "basic with a long list of macro items", steps: Self.steps(default: 20))
        // A body edit (the list is reused whole, not rendered), then title edits, which keep the page values:
        // the list is rendered again, and in the second every other item is pasted from the first one's.
        let session = BuildSession()
        let replay = "basic with a long list of macro items, title edit"
        try Self.compare(session, root: site.root, output: nil, step: "the first build", replay: replay)
        try site.write("content/timeline/generated-10.md", try site.read("content/timeline/generated-10.md") + "\nMore.\n")
        try Self.compare(session, root: site.root, output: nil, step: "a body edit", replay: replay)
        #expect(session.lastBuild?.site.incremental?.bodiesEdited == 1)
        // The first title edit keeps the list's calls (a session's first build keeps none), the second pastes them.
        for index in [60, 61] {
            try site.write("content/timeline/generated-\(index).md", try site.read("content/timeline/generated-\(index).md")
                .replacingOccurrences(of: "title: Generated event \(index)\n", with: "title: Retitled event \(index)\n"))
            try Self.compare(session, root: site.root, output: nil, step: "the title edit of \(index)", replay: replay)
        }
        let kept = session.lastBuild?.site.incremental?.fragmentsKept ?? 0
        #expect(kept >= 120, "the list's other items were pasted from the last build (\(kept) kept)")
    }

    /// The command line's way: every build a new process, the session restored from the cache and the output
    /// written, as `build-site build` does.
    @Test(arguments: ["basic", "languages"])
    func fixtureSiteThroughTheCache(_ name: String) throws {
        let site = try FixtureSite(name)
        defer { site.remove() }
        try Self.check(site.root, name: name + " through the cache", steps: Self.steps(default: 20), output: site.output)
    }

    @Test func microsite() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("build-site-exactness-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for item in ["content", "templates", "static", "data", "i18n", "ledger", "editions", "site.yml"] {
            let source = Self.microsite.appendingPathComponent(item)
            if FileManager.default.fileExists(atPath: source.path) {
                try FileManager.default.copyItem(at: source, to: root.appendingPathComponent(item))
            }
        }
        try Self.check(root, name: "microsite", steps: Self.steps(default: 12))
    }

    /// Edits to pages' bodies only, where the session keeps the last content and puts the new bodies in
    /// (`ContentMemo`): appended and replaced paragraphs, a rewrite of the same length (the same size, within
    /// the same second: only the bytes tell), two pages at once, an emptied body, a broken `.md` link and its
    /// fix, a body that is not UTF-8, and a front matter edit in between. Every step is compared with a full
    /// build, and the sequence must have taken the shortcut (its first step, a paragraph appended to a page that
    /// is not a draft, always can). On the two-language fixture the pages are originals
    /// and translations alike (a translation's body is its own; its original's is not inherited).
    @Test(arguments: ["basic", "features", "languages"])
    func bodyEdits(_ name: String) throws {
        let site = try FixtureSite(name)
        defer { site.remove() }
        let seed = IncrementalExactnessTests.seed()
        var random = SeededRandom(seed: seed)
        let replay = "BUILD_SITE_EXACTNESS_SEED=\(seed) (site \(name), body edits)"
        let editor = SiteEditor(root: site.root)
        let pages = editor.files(under: "content", suffix: ".md")
        let session = BuildSession()
        var kept = 0
        try Self.compare(session, root: site.root, output: nil, step: "the first build", replay: replay)
        func file(_ path: String) -> URL { site.root.appendingPathComponent(path) }
        func body(_ path: String, _ change: (String) -> String) throws {
            let text = try String(contentsOf: file(path), encoding: .utf8)
            try Data(change(text).utf8).write(to: file(path))
        }
        // Drafts are not built, so an edit to one has nothing to keep.
        let published = try pages.filter { !(try String(contentsOf: file($0), encoding: .utf8)).contains("\ndraft: true\n") }
        for step in 0..<Self.steps(default: 16) {
            let drawn = pages.randomElement(using: &random) ?? pages[0]
            let page = step == 0 ? published.randomElement(using: &random) ?? drawn : drawn
            let other = pages.randomElement(using: &random) ?? pages[0]
            let mark = Int.random(in: 100_000...999_999, using: &random)
            let before = try [page, other].map { ($0, try Data(contentsOf: file($0))) }
            let label: String
            // The first edit is always a paragraph appended to a published page, which the shortcut must take:
            // under ThreadSanitizer a sequence is four steps, and four random ones may hold no body edit that
            // builds (about 2% of seeds).
            let kind = Int.random(in: 0..<8, using: &random)
            switch step == 0 ? 0 : kind {
            case 0:
                label = "a paragraph appended to \(page)"
                try body(page) { $0 + "\nAn added paragraph, edit \(mark).\n" }
            case 1:
                label = "the same length rewritten in \(page)"
                try body(page) { $0 + "\nSame length \(mark).\n" }
                _ = try? session.build(BuildOptions(root: site.root))
                try body(page) { $0.replacingOccurrences(of: "Same length \(mark).", with: "Same length \(mark + 1).") }
            case 2:
                label = "\(page) and \(other) at once"
                try body(page) { $0 + "\nFirst of two, \(mark).\n" }
                if other != page { try body(other) { $0 + "\nSecond of two, \(mark).\n" } }
            case 3:
                label = "the body of \(page) emptied"
                try body(page) { text in
                    guard let close = text.range(of: "\n---\n", range: text.index(after: text.startIndex)..<text.endIndex) else { return text }
                    return String(text[..<close.upperBound])
                }
            case 4:
                label = "a broken link in \(page), then its fix"
                let saved = try Data(contentsOf: file(page))
                try body(page) { $0 + "\nSee [nowhere](missing-\(mark).md).\n" }
                try Self.compare(session, root: site.root, output: nil, step: "step \(step), \(label)", replay: replay)
                try saved.write(to: file(page))
            case 5:
                label = "a body that is not UTF-8 in \(page), then its fix"
                let saved = try Data(contentsOf: file(page))
                try (saved + Data([0x0A, 0xFF, 0xFE, 0x0A])).write(to: file(page))
                try Self.compare(session, root: site.root, output: nil, step: "step \(step), \(label)", replay: replay)
                try saved.write(to: file(page))
            case 6:
                label = "the front matter of \(page)"
                try body(page) { SiteEditor.afterFrontMatterStart($0, insert: "edited_key: \(mark)\n") }
            default:
                label = "a paragraph replaced in \(page)"
                try body(page) { text in
                    guard let line = text.split(separator: "\n", omittingEmptySubsequences: false).last(where: { $0.count > 3 }) else { return text }
                    return text.replacingOccurrences(of: String(line), with: "Replaced \(mark).")
                }
            }
            try Self.compare(session, root: site.root, output: nil, step: "step \(step), \(label)", replay: replay)
            if session.lastBuild?.site.incremental?.bodiesEdited != nil { kept += 1 }
            // An edit that breaks the site (an emptied body whose heading another page links to) is put back, so
            // that the steps after it are edits to a site that builds, not the same error again.
            if (try? SiteBuilder.build(BuildOptions(root: site.root))) == nil {
                for (path, data) in before { try data.write(to: file(path)) }
                try Self.compare(session, root: site.root, output: nil, step: "step \(step), \(label), put back", replay: replay)
            }
        }
        #expect(kept > 0, "no step kept the content: the shortcut was never taken; \(replay)")
    }

    // MARK: - The property

    /// The seed of a random sequence: `BUILD_SITE_EXACTNESS_SEED` when given (to replay a failure), else a new one.
    static func seed() -> UInt64 {
        ProcessInfo.processInfo.environment["BUILD_SITE_EXACTNESS_SEED"].flatMap(UInt64.init) ?? UInt64.random(in: 1...UInt64.max)
    }

    /// Applies `steps` random edits to the site at `root`, comparing after each.
    /// With `output`, each build goes through `SessionCache` (restored into a new session, written, saved).
    static func check(_ root: URL, name: String, steps: Int, output: URL? = nil) throws {
        let seed = IncrementalExactnessTests.seed()
        var random = SeededRandom(seed: seed)
        let editor = SiteEditor(root: root)
        let session = BuildSession()
        let replay = "BUILD_SITE_EXACTNESS_SEED=\(seed) (site \(name))"
        try compare(session, root: root, output: output, step: "the first build", replay: replay)
        var step = 0
        while step < steps {
            for edit in try editor.randomEdit(&random) {
                try edit.apply()
                step += 1
                try compare(session, root: root, output: output, step: "step \(step), \(edit.label)", replay: replay)
            }
        }
    }

    /// The session's build and a full build of the same files: equal files, or equal errors.
    static func compare(_ session: BuildSession, root: URL, output: URL?, step: String, replay: String) throws {
        var outputDiffers = false
        let incremental = Result { () throws(BuildFailure) in
            guard let output else { return try session.build(BuildOptions(root: root)) }
            let options = BuildOptions(root: root)
            let process = BuildSession()
            let note = SessionCache.restore(process, options: options, output: output, version: "exactness", margin: margin)
            // Nothing changed: the output folder is the build (compared below, as every step's).
            if note.upToDate != nil { return BuiltSite(files: outputFiles(output), pageCount: 0) }
            let built = try process.build(options)
            do {
                _ = try OutputSync.write(built, to: output, unchanged: note.unchanged)
            } catch {
                Issue.record("\(step): the output could not be written: \(error)")
            }
            SessionCache.save(process, options: options, output: output, version: "exactness", note: note)
            if outputFiles(output) != built.files { outputDiffers = true }
            return built
        }
        if outputDiffers {
            Issue.record("\(step): the output folder is not the build; replay with \(replay)")
            throw Mismatch()
        }
        let full = Result { () throws(BuildFailure) in try SiteBuilder.build(BuildOptions(root: root)) }
        switch (incremental, full) {
        case (.success(let built), .success(let expected)):
            guard built.files != expected.files else { return }
            let differing = Set(built.files.keys).union(expected.files.keys).filter { built.files[$0] != expected.files[$0] }.sorted()
            Issue.record("\(step): the incremental build differs from a full build in \(differing.prefix(5)); replay with \(replay)")
            throw Mismatch()
        case (.failure(let failure), .failure(let expected)):
            guard describe(failure) != describe(expected) else { return }
            Issue.record("\(step): different errors; incremental \(describe(failure)), full \(describe(expected)); replay with \(replay)")
            throw Mismatch()
        case (.success, .failure(let expected)):
            Issue.record("\(step): the incremental build succeeded, a full build failed with \(describe(expected)); replay with \(replay)")
            throw Mismatch()
        case (.failure(let failure), .success):
            Issue.record("\(step): the incremental build failed with \(describe(failure)), a full build succeeded; replay with \(replay)")
            throw Mismatch()
        }
    }

    struct Mismatch: Error {}

    /// The cache's racy margin in these runs: short, so that files settle between edits and are known by their
    /// stamps (`FileStamp`), as between real runs.
    static let margin: Int64 = 20_000_000

    /// The files of an output folder, without the manifest.
    static func outputFiles(_ output: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        for (path, data) in FixtureSite.snapshot(output) where path != "/" + OutputSync.manifestName {
            files[String(path.dropFirst())] = data
        }
        return files
    }

    static func describe(_ failure: BuildFailure) -> [String] {
        failure.diagnostics.map { "\($0.file ?? "-"):\($0.line ?? 0):\($0.column ?? 0): \($0.message) \($0.notes)" }
    }

    /// `BUILD_SITE_EXACTNESS_STEPS`, or `count` (a few under ThreadSanitizer, where every build is much slower).
    static func steps(default count: Int) -> Int {
        let environment = ProcessInfo.processInfo.environment
        return environment["BUILD_SITE_EXACTNESS_STEPS"].flatMap(Int.init)
            ?? (environment["BUILD_SITE_TESTS_SANITIZED"] == nil ? count : min(count, 4))
    }
}

/// SplitMix64: a small, seedable generator, so a failing sequence can be replayed.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
