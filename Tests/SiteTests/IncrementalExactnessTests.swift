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

    // MARK: - The property

    /// Applies `steps` random edits to the site at `root`, comparing after each.
    /// With `output`, each build goes through `SessionCache` (restored into a new session, written, saved).
    static func check(_ root: URL, name: String, steps: Int, output: URL? = nil) throws {
        let seed = ProcessInfo.processInfo.environment["BUILD_SITE_EXACTNESS_SEED"].flatMap(UInt64.init)
            ?? UInt64.random(in: 1...UInt64.max)
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
        let incremental = Result { () throws(BuildFailure) in
            guard let output else { return try session.build(BuildOptions(root: root)) }
            let options = BuildOptions(root: root)
            let process = BuildSession()
            SessionCache.restore(process, options: options, output: output, version: "exactness")
            let built = try process.build(options)
            do {
                _ = try OutputSync.write(built, to: output)
            } catch {
                Issue.record("\(step): the output could not be written: \(error)")
            }
            SessionCache.save(process, options: options, output: output, version: "exactness")
            return built
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
