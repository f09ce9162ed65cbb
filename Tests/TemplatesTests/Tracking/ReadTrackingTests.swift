import Dispatch
import Templates
import Testing

/// What a render records (`ReadTracking`): every read of a tagged mapping, by key or whole, and nothing else.
@Suite struct ReadTrackingTests {
    /// A page mapping tagged 1: what a site hands a template as `page`.
    static let page = OrderedDictionary([("title", "Lawsuit"), ("date", "2024-02-29"), ("summary", "Filed.")], origin: 1)

    /// The reads of rendering `main.html` from `templates` with `context`, under a fresh recorder.
    static func reads(_ templates: [String: String], _ context: [String: Value]) throws -> Set<ReadKey> {
        try record(templates, context).reads
    }

    static func record(_ templates: [String: String], _ context: [String: Value]) throws -> ReadRecorder {
        let environment = try TemplateEnvironment(templates: templates)
        let recorder = ReadRecorder()
        _ = try ReadTracking.recording(recorder) { try environment.render("main.html", context: context) }
        return recorder
    }

    @Test func readingOneKeyRecordsExactlyThatKey() throws {
        #expect(try Self.reads(["main.html": "<h1>{{ page.title }}</h1>"], ["page": .dictionary(Self.page)])
            == [ReadKey(1, "title")])
        // Read twice, and through the subscript: still one key.
        #expect(try Self.reads(["main.html": "{{ page.title }}{{ page['title'] }}{{ page.get('date') }}"],
                               ["page": .dictionary(Self.page)]) == [ReadKey(1, "title"), ReadKey(1, "date")])
    }

    @Test func aMissingKeyIsARead() throws {
        // Its later appearance changes the page, so its absence was something the render saw.
        #expect(try Self.reads(["main.html": "{% if page.image is defined %}img{% endif %}"], ["page": .dictionary(Self.page)])
            == [ReadKey(1, "image")])
    }

    @Test func membershipReadsOnlyTheKeyAskedFor() throws {
        #expect(try Self.reads(["main.html": "{{ 'summary' in page }}"], ["page": .dictionary(Self.page)]) == [ReadKey(1, "summary")])
    }

    /// Everything that depends on the key list, the order or all the values reads the whole mapping.
    @Test(arguments: [
        "{% for key in page %}{{ key }}{% endfor %}",
        "{% for key, value in page.items() %}{{ key }}{% endfor %}",
        "{{ page.keys() | join }}",
        "{{ page.values() | join }}",
        "{{ page | length }}",
        "{{ page | count }}",
        "{{ page | tojson }}",
        "{{ page | dictsort }}",
        "{{ page | list }}",
        "{{ page | sort | join }}",
        "{{ page }}",
        "{% if page %}yes{% endif %}",
        "{{ page == {'title': 'Lawsuit'} }}",
        "{{ page in [1, page] }}",
    ])
    func wholeMappingReads(template: String) throws {
        let reads = try Self.reads(["main.html": template], ["page": .dictionary(Self.page)])
        #expect(reads.contains(ReadKey(1, nil)), "\(template): \(reads)")
        #expect(reads.allSatisfy { $0.origin == 1 })
    }

    @Test func sortingByAnAttributeReadsThatKeyOfEachItem() throws {
        let cards: [Value] = [("B", "2020", 10), ("A", "2019", 11), ("C", "2021", 12)].map { title, date, origin in
            .dictionary(OrderedDictionary([("title", .string(title)), ("date", .string(date)), ("body", "…")], origin: origin))
        }
        let recorder = try Self.record(["main.html": "{% for c in cards | sort(attribute='date') %}{{ c.title }}{% endfor %}"],
                                       ["cards": .array(cards)])
        var expected: Set<ReadKey> = []
        for origin: UInt32 in [10, 11, 12] { expected.formUnion([ReadKey(origin, "date"), ReadKey(origin, "title")]) }
        #expect(recorder.reads == expected)
    }

    @Test func taggedMappingsInsideATaggedMappingRecordTheirOwnKeys() throws {
        let first = OrderedDictionary([("title", "One"), ("url", "/one/")], origin: 20)
        let second = OrderedDictionary([("title", "Two"), ("url", "/two/")], origin: 21)
        let list = OrderedDictionary([("title", "Timeline"), ("pages", .array([.dictionary(first), .dictionary(second)]))], origin: 2)
        let reads = try Self.reads(["main.html": "{% for p in list.pages %}<a href='{{ p.url }}'>{{ p.title }}</a>{% endfor %}"],
                                   ["list": .dictionary(list)])
        #expect(reads == [ReadKey(2, "pages"), ReadKey(20, "url"), ReadKey(20, "title"), ReadKey(21, "url"), ReadKey(21, "title")])
    }

    @Test func untaggedValuesRecordNothing() throws {
        let page = OrderedDictionary([("title", "Lawsuit"), ("tags", .array(["a", "b"]))])
        let recorder = try Self.record(["main.html": "{{ page.title }}{{ page | tojson }}{% for t in page.tags %}{{ t }}{% endfor %}"],
                                       ["page": .dictionary(page), "site": .dictionary(["title": "x"])])
        #expect(recorder.reads.isEmpty)
        #expect(recorder.files.isEmpty)
        #expect(recorder.templates == ["main.html"])
    }

    @Test func nothingIsRecordedOutsideARecording() throws {
        let environment = try TemplateEnvironment(templates: ["main.html": "{{ page.title }}"])
        let recorder = ReadRecorder()
        ReadTracking.recording(recorder) { #expect(ReadTracking.current === recorder) }
        #expect(ReadTracking.current == nil)
        #expect(try environment.render("main.html", context: ["page": .dictionary(Self.page)]) == "Lawsuit")
        #expect(recorder.recorded.isEmpty)
    }

    @Test func recordingsNest() throws {
        let outer = ReadRecorder()
        let inner = ReadRecorder()
        ReadTracking.recording(outer) {
            _ = Self.page["title"]
            ReadTracking.recording(inner) { _ = Self.page["date"] }
            _ = Self.page["summary"]
        }
        #expect(outer.reads == [ReadKey(1, "title"), ReadKey(1, "summary")])
        #expect(inner.reads == [ReadKey(1, "date")])
    }

    @Test func aFailedRenderStillUninstallsItsRecorder() throws {
        let environment = try TemplateEnvironment(templates: ["main.html": "{{ page.title }}{{ 1 // 0 }}"])
        let outer = ReadRecorder()
        let inner = ReadRecorder()
        ReadTracking.recording(outer) {
            #expect(throws: TemplateError.self) {
                try ReadTracking.recording(inner) { try environment.render("main.html", context: ["page": .dictionary(Self.page)]) }
            }
            #expect(ReadTracking.current === outer)
        }
        #expect(ReadTracking.current == nil)
        #expect(inner.reads == [ReadKey(1, "title")])
        #expect(outer.reads.isEmpty)
    }

    @Test func theTagTravelsWithCopiesButNotBackwards() {
        var copy = Self.page
        copy["extra"] = "changed"
        #expect(copy.origin == 1)
        let literal: OrderedDictionary = ["a": 1]
        #expect(literal.origin == 0)
        var retagged = Self.page
        retagged.setOrigin(7)
        #expect(retagged.origin == 7)
        #expect(Self.page.origin == 1)
        let recorder = ReadRecorder()
        ReadTracking.recording(recorder) { _ = copy["extra"]; _ = retagged.count }
        #expect(recorder.reads == [ReadKey(1, "extra"), ReadKey(7, nil)])
    }

    @Test func everyTemplateLookedUpIsRecorded() throws {
        let templates = [
            "main.html": """
                {% extends "base.html" %}{% import "macros.html" as m %}{% from "forms.html" import field %}
                {% block body %}{% include "part.html" %}{% include ["missing.html", "alt.html"] %}\
                {% include "absent.html" ignore missing %}{{ m.hello() }}{{ field() }}{% endblock %}
                """,
            "base.html": "<body>{% block body %}{% endblock %}</body>",
            "macros.html": "{% macro hello() %}hi{% endmacro %}",
            "forms.html": "{% macro field() %}<input>{% endmacro %}",
            "part.html": "part",
            "alt.html": "alt",
            "unused.html": "never",
        ]
        let recorder = try Self.record(templates, [:])
        #expect(recorder.templates == ["main.html", "base.html", "macros.html", "forms.html", "part.html", "missing.html",
                                       "alt.html", "absent.html"])
    }

    @Test func aTemplateNotFoundIsRecordedToo() throws {
        let environment = try TemplateEnvironment(templates: ["main.html": "x"])
        let recorder = ReadRecorder()
        ReadTracking.recording(recorder) { _ = try? environment.render("page.html", context: [:]) }
        #expect(recorder.templates == ["page.html"])
    }

    @Test func filesNotedByFiltersAreRecorded() throws {
        let environment = try TemplateEnvironment(templates: ["main.html": "{{ 'a.css' | inline }}"], filters: [
            "inline": { input, _, _, _ in
                guard case .string(let name) = input else { return input }
                ReadTracking.noteFile("static/" + name, fingerprint: 42)
                return input
            },
        ])
        let recorder = ReadRecorder()
        _ = try ReadTracking.recording(recorder) { try environment.render("main.html", context: [:]) }
        #expect(recorder.files == ["static/a.css": 42])
        // With no recorder, noting is harmless.
        #expect(try environment.render("main.html", context: [:]) == "a.css")
    }

    @Test func threadsRecordIntoTheirOwnRecorders() throws {
        let environment = try TemplateEnvironment(templates: [
            "main.html": "{% for i in range(200) %}{{ page.title }}{% include 'part.html' %}{% endfor %}",
            "part.html": "{{ page['k' ~ page.n] }}",
        ])
        let count = 16
        // Each iteration writes only its own slot, read once `concurrentPerform` has returned.
        let slots = UnsafeMutableBufferPointer<Set<ReadKey>>.allocate(capacity: count)
        slots.initialize(repeating: [])
        defer {
            slots.deinitialize()
            slots.deallocate()
        }
        nonisolated(unsafe) let results = slots
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let origin = UInt32(index + 1)
            let page = OrderedDictionary([("title", "t"), ("n", .int(index)), ("k\(index)", "v")], origin: origin)
            let recorder = ReadRecorder()
            _ = try? ReadTracking.recording(recorder) { try environment.render("main.html", context: ["page": .dictionary(page)]) }
            results[index] = recorder.reads
        }
        for index in 0..<count {
            let origin = UInt32(index + 1)
            #expect(results[index] == [ReadKey(origin, "title"), ReadKey(origin, "n"), ReadKey(origin, "k\(index)")])
        }
    }
}
