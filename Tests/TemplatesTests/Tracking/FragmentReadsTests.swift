@testable import Templates
import Testing

/// A `{% cache %}` fragment pasted into a page counts as read by that page whatever its body read when it was
/// rendered elsewhere: the page's output depends on it just the same.
@Suite struct FragmentReadsTests {
    static let templates = ["main.html": "{% cache page.section %}<nav>{{ site.title }}</nav>{% endcache %}{{ page.title }}"]

    static func context(page origin: UInt32) -> [String: Value] {
        [
            "page": .dictionary(OrderedDictionary([("section", "timeline"), ("title", .string("P\(origin)"))], origin: origin)),
            "site": .dictionary(OrderedDictionary([("title", "Site")], origin: 99)),
        ]
    }

    @Test func aPastedFragmentRecordsWhatItsBodyRead() throws {
        let environment = try TemplateEnvironment(templates: Self.templates)
        let cache = FragmentCache()
        var outputs: [String] = []
        var reads: [Set<ReadKey>] = []
        for origin: UInt32 in [1, 2] {
            let recorder = ReadRecorder()
            let bytes = try ReadTracking.recording(recorder) {
                try environment.renderUTF8("main.html", context: Self.context(page: origin), fragments: cache)
            }
            outputs.append(String(decoding: bytes, as: UTF8.self))
            reads.append(recorder.reads)
        }
        #expect(outputs == ["<nav>Site</nav>P1", "<nav>Site</nav>P2"])
        #expect(cache.count == 1)
        #expect(reads[0] == [ReadKey(1, "section"), ReadKey(1, "title"), ReadKey(99, "title")])
        // The second page pasted the fragment: it never ran `site.title`, but its output holds it.
        #expect(reads[1] == [ReadKey(2, "section"), ReadKey(2, "title"), ReadKey(99, "title")])
    }

    /// A fragment keeps what its body read, which is a few keys: its set makes no room for a page's hundreds
    /// (`ReadRecorder(capacity:)`; with that room, each kept list item of a large site held 12 KB).
    @Test func aStoredFragmentKeepsItsReadsWithoutRoomForAPagesWorth() throws {
        let environment = try TemplateEnvironment(templates: Self.templates)
        let cache = FragmentCache()
        let recorder = ReadRecorder()
        _ = try ReadTracking.recording(recorder) {
            try environment.renderUTF8("main.html", context: Self.context(page: 1), fragments: cache)
        }
        let stored = try #require(cache.fragment(FragmentKey(template: "main.html", offset: 0, values: ["timeline"]),
                                                 partition: "", page: nil))
        let reads = try #require(stored.fragment.reads)
        #expect(reads.reads == [ReadKey(99, "title")])
        #expect(reads.reads.capacity < 16, "room for \(reads.reads.capacity) reads")
        #expect(recorder.recorded.reads.capacity >= 256, "a page's recorder still starts with room for hundreds")
    }

    @Test func aFragmentStoredWithoutRecordingIsRenderedAgainWhenRecording() throws {
        let environment = try TemplateEnvironment(templates: Self.templates)
        let cache = FragmentCache()
        _ = try environment.renderUTF8("main.html", context: Self.context(page: 1), fragments: cache)
        var changed = Self.context(page: 2)
        changed["site"] = .dictionary(OrderedDictionary([("title", "New")], origin: 99))
        let recorder = ReadRecorder()
        let bytes = try ReadTracking.recording(recorder) {
            try environment.renderUTF8("main.html", context: changed, fragments: cache)
        }
        // Its reads are unknown, so it is not pasted: the body runs and records.
        #expect(String(decoding: bytes, as: UTF8.self) == "<nav>New</nav>P2")
        #expect(recorder.reads.contains(ReadKey(99, "title")))
    }
}
