import Foundation
import Site
import Testing

/// The preview server rebuilds with a `BuildCache`; whatever the edits, each rebuild must give exactly
/// what a fresh build of the same files gives. Stale output after an edit is the bug users of
/// incremental generators report most, so this replays long seeded sequences of random edits.
@Suite struct BuildCacheTests {
    /// Edits a preview user makes between saves: templates (the cached part), content, config, and
    /// edits that break the build and are then fixed.
    private static let edits: [(path: String, find: String, replace: String)] = [
        ("templates/page.html", "<h1>{{ page.title }}</h1>", "<h1 class=\"t\">{{ page.title | upper }}</h1>"),
        ("templates/page.html", "{{ page.content }}", "<div>{{ page.content }}</div>"),
        ("templates/base.html", "<html", "<!-- edited -->\n<html"),
        ("templates/page.html", "{{ event.title }}", "{{ event.title | no_such_filter }}"),
        ("templates/page.html", "{% endblock %}", "<a href=\"{{ current_url | absolute_url }}\">here</a>{% endblock %}"),
        ("content/timeline/first.md", "\n---\n", "\n---\nAn added paragraph.\n\n"),
        ("content/about.md", "\n---\n", "\n---\nAbout, edited.\n\n"),
        ("site.yml", "base_url: https://example.org/fixture/", "base_url: https://example.com/elsewhere/"),
        ("site.yml", "description: A small site for the build tests.", "description: Edited."),
    ]

    @Test(arguments: [1, 2, 3, 4])
    func randomEditsGiveWhatAFreshBuildGives(seed: UInt64) throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let originals = try Dictionary(Set(Self.edits.map(\.path)).map { ($0, try site.read($0)) }, uniquingKeysWith: { a, _ in a })
        let cache = BuildCache()
        var random = SplitMix64(seed: seed)
        var applied = Set<Int>()
        for step in 0..<24 {
            // Apply or revert one edit; several may be in force at once.
            let index = Int(random.next() % UInt64(Self.edits.count))
            if applied.contains(index) { applied.remove(index) } else { applied.insert(index) }
            for path in Set(Self.edits.map(\.path)) {
                var text = originals[path] ?? ""
                for edit in applied.sorted() where Self.edits[edit].path == path {
                    text = text.replacingOccurrences(of: Self.edits[edit].find, with: Self.edits[edit].replace)
                }
                try site.write(path, text)
            }
            let cached = Result { () throws(BuildFailure) in try SiteBuilder.build(BuildOptions(root: site.root, cache: cache)) }
            let fresh = Result { () throws(BuildFailure) in try SiteBuilder.build(BuildOptions(root: site.root)) }
            switch (cached, fresh) {
            case (.success(let a), .success(let b)):
                #expect(a.files == b.files, "step \(step), edits \(applied.sorted()): cached build differs from a fresh one")
            case (.failure(let a), .failure(let b)):
                #expect(a.diagnostics.map(\.description) == b.diagnostics.map(\.description), "step \(step): different errors")
            default:
                Issue.record("step \(step), edits \(applied.sorted()): one build failed and the other did not")
            }
        }
    }

    @Test func unchangedTemplatesAreParsedOnce() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let cache = BuildCache()
        let first = try SiteBuilder.build(BuildOptions(root: site.root, cache: cache))
        #expect(cache.parsedTemplateSets == 1)
        try site.replace(in: "content/about.md", "\n---\n", with: "\n---\nNew text.\n\n")
        let second = try SiteBuilder.build(BuildOptions(root: site.root, cache: cache))
        #expect(cache.parsedTemplateSets == 1, "a content edit reuses the parsed templates")
        #expect(first.files != second.files)
        try site.replace(in: "templates/page.html", "<h1>", with: "<h1 class=\"x\">")
        _ = try SiteBuilder.build(BuildOptions(root: site.root, cache: cache))
        #expect(cache.parsedTemplateSets == 2, "a template edit parses again")
    }
}

/// A small seeded generator (SplitMix64), so a failing sequence can be replayed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
