import Templates
import Testing

/// Pure macro calls inside long loops, kept between builds like `{% cache %}` fragments (`Renderer+MacroMemo`):
/// pasted only for arguments of the same storage whose recorded reads hold, never for a macro that could see
/// more than its arguments, and not at all outside a loop of `Renderer.longLoop` items, without a carry or in
/// a session's first build (whose cache shares no earlier build's).
@Suite struct MacroMemoTests {
    typealias Carry = FragmentCarryTests.TestCarry

    static let macros = """
        {% macro item(ev) %}<li>{{ ev.title }}</li>{% endmacro %}\
        {% macro linked(ev) %}<a href="{{ ev.url }}">{{ ev.title }}</a>{% endmacro %}\
        {% macro withDefault(ev, sep=ev.title) %}{{ ev.url }}{{ sep }}{% endmacro %}\
        {% macro including(ev) %}{% include 'part.html' %}{% endmacro %}\
        {% macro counting(ev, ns) %}{% set ns.n = ns.n + 1 %}{{ ns.n }}{% endmacro %}
        """

    /// Cards with tags 1…count, each its own storage, made once so that both builds pass the same values.
    static func cards(_ count: Int) -> [Value] {
        (0..<count).map { index in
            .dictionary(OrderedDictionary([("url", .string("/e/\(index)/")), ("title", .string("T\(index)"))],
                                          origin: UInt32(index + 1)))
        }
    }

    /// Renders `main.html` once per context in builds whose caches keep the last one's, as a session does.
    static func builds(_ template: String, _ contexts: [[String: Value]], carry: Carry,
                       between: (Int) -> Void = { _ in }) throws -> [String] {
        try FragmentCarryTests.builds(template, contexts, carry: carry, between: between, page: "/list/",
                                      others: ["macros.html": macros, "part.html": "{{ ev.title }}"])
    }

    /// A render of `evs` through `m.<name>(ev)`, one build's cache at a time, with what it wrote and read.
    static func list(calling name: String, _ evs: [Value]) throws -> (FragmentCache) throws -> (output: String, reads: RecordedReads) {
        let environment = try TemplateEnvironment(templates: [
            "main.html": "{% import 'macros.html' as m %}{% for ev in evs %}{{ m.\(name)(ev) }}{% endfor %}",
            "macros.html": macros, "part.html": "",
        ])
        return { cache in
            let recorder = ReadRecorder()
            let bytes = try ReadTracking.recording(recorder) {
                try environment.renderUTF8("main.html", context: ["evs": .array(evs)], fragments: cache, page: "/list/")
            }
            return (String(decoding: bytes, as: UTF8.self), recorder.recorded)
        }
    }

    static func expected(_ cards: [Value], _ line: (Value) -> String) -> String { cards.map(line).joined() }

    static func title(_ card: Value) -> String {
        guard case .dictionary(let mapping) = card, case .string(let title)? = mapping["title"] else { return "" }
        return title
    }

    @Test func callsInALongLoopArePastedInTheNextBuild() throws {
        let evs = Self.cards(120)
        let carry = Carry()
        let template = "{% import 'macros.html' as m %}{% for ev in evs %}{{ m.item(ev) }}{% endfor %}"
        let outputs = try Self.builds(template, [["evs": .array(evs)], ["evs": .array(evs)], ["evs": .array(evs)]], carry: carry)
        let list = Self.expected(evs) { "<li>\(Self.title($0))</li>" }
        #expect(outputs == [list, list, list])
        #expect(carry.sealed == 120, "the first build kept nothing, the second every call, the third pasted them")
    }

    @Test func aCallWhoseReadChangedIsRenderedAgain() throws {
        let evs = Self.cards(120)
        let carry = Carry()
        let template = "{% import 'macros.html' as m %}{% for ev in evs %}{{ m.item(ev) }}{% endfor %}"
        _ = try Self.builds(template, [["evs": .array(evs)], ["evs": .array(evs)], ["evs": .array(evs)]], carry: carry,
                            between: { if $0 == 2 { carry.changed = [ReadKey(6, "title")] } })
        #expect(carry.sealed == 121, "only the call that read card 6's title was rendered again")
    }

    @Test func anItemWithNewContentsIsRenderedAgainUnderTheSameTag() throws {
        var evs = Self.cards(120)
        let carry = Carry()
        let template = "{% import 'macros.html' as m %}{% for ev in evs %}{{ m.item(ev) }}{% endfor %}"
        var second = evs
        // The same tag, a new storage with another title: the carry is not told, the key tells.
        second[3] = .dictionary(OrderedDictionary([("url", "/e/3/"), ("title", "Changed")], origin: 4))
        let outputs = try Self.builds(template, [["evs": .array(evs)], ["evs": .array(evs)], ["evs": .array(second)]], carry: carry)
        evs[3] = second[3]
        #expect(outputs[2] == Self.expected(evs) { "<li>\(Self.title($0))</li>" })
        #expect(carry.sealed == 121)
    }

    @Test(arguments: [
        // A default that reads another argument, an include, a namespace argument, a macro of a module imported
        // with context, a loop of 99 items, a call outside any loop.
        "{% import 'macros.html' as m %}{% for ev in evs %}{{ m.withDefault(ev) }}{% endfor %}",
        "{% import 'macros.html' as m %}{% for ev in evs %}{{ m.including(ev) }}{% endfor %}",
        "{% import 'macros.html' as m %}{% set ns = namespace(n=0) %}{% for ev in evs %}{{ m.counting(ev, ns) }}{% endfor %}",
        "{% import 'macros.html' as m with context %}{% for ev in evs %}{{ m.item(ev) }}{% endfor %}",
        "{% import 'macros.html' as m %}{% for ev in evs[:99] %}{{ m.item(ev) }}{% endfor %}",
        "{% import 'macros.html' as m %}{{ m.item(evs[0]) }}",
    ])
    func callsThatMayNotBeKeptAreRenderedEveryTime(template: String) throws {
        let evs = Self.cards(120)
        let carry = Carry()
        let outputs = try Self.builds(template, [["evs": .array(evs)], ["evs": .array(evs)], ["evs": .array(evs)]], carry: carry)
        #expect(outputs[0] == outputs[1] && outputs[1] == outputs[2])
        #expect(carry.sealed == 0, "nothing was kept")
    }

    /// A build that reuses the list's page without rendering it stores none of its calls; its cache shares the
    /// earlier builds' fragments, so the build after it still pastes them. A build whose values were made anew
    /// lets them go (`dropEarlierBuilds`).
    @Test func aBuildThatRendersNothingPassesOnWhatTheBuildBeforeStored() throws {
        let evs = Self.cards(120)
        let carry = Carry()
        let list = try Self.list(calling: "item", evs)
        func render(_ cache: FragmentCache) throws -> String { try list(cache).output }
        let start = FragmentCache(carry: carry, previous: nil)
        let expected = try render(start)
        #expect(carry.sealed == 0 && start.count == 0, "a session's first build keeps no call")
        let first = FragmentCache(carry: carry, previous: start)
        #expect(try render(first) == expected)
        #expect(carry.sealed == 120 && first.count == 120)
        let idle = FragmentCache(carry: carry, previous: first)  // a build that rendered nothing
        #expect(idle.count == 0)
        let third = FragmentCache(carry: carry, previous: idle)
        #expect(try render(third) == expected)
        #expect(carry.sealed == 120, "every call was pasted from the first build's fragments")
        #expect(third.takenFromLastBuild == 120)
        let renewed = FragmentCache(carry: carry, previous: third)
        renewed.dropEarlierBuilds()
        #expect(try render(FragmentCache(carry: carry, previous: renewed)) == expected)
        #expect(carry.sealed == 240, "after the drop every call was rendered again")
    }

    /// The same call inside `{% autoescape false %}` writes its values unescaped: it is another call.
    @Test func escapingIsPartOfTheCall() throws {
        let evs: [Value] = (0..<100).map { index in
            .dictionary(OrderedDictionary([("url", "/e/"), ("title", .string("A & B \(index)"))], origin: UInt32(index + 1)))
        }
        let template = "{% import 'macros.html' as m %}{% for ev in evs %}{{ m.item(ev) }}{% endfor %}|"
            + "{% autoescape false %}{% for ev in evs %}{{ m.item(ev) }}{% endfor %}{% endautoescape %}"
        let outputs = try Self.builds(template, [["evs": .array(evs)], ["evs": .array(evs)], ["evs": .array(evs)]], carry: Carry())
        let escaped = (0..<100).map { "<li>A &amp; B \($0)</li>" }.joined()
        let raw = (0..<100).map { "<li>A & B \($0)</li>" }.joined()
        #expect(outputs == Array(repeating: escaped + "|" + raw, count: 3))
    }

    /// A render that pastes a kept call records the whole mappings it read (`RecordedReads.widened`): the
    /// call holds only while they are whole what they were, and the page's reads stay one per item.
    @Test func aPastedCallRecordsTheWholeMappingsItRead() throws {
        let evs = Self.cards(120)
        let carry = Carry()
        let list = try Self.list(calling: "linked", evs)
        func render(_ cache: FragmentCache) throws -> RecordedReads { try list(cache).reads }
        let first = FragmentCache(carry: carry, previous: nil)
        _ = try render(first)
        let second = FragmentCache(carry: carry, previous: first)
        let rendered = try render(second)
        #expect(rendered.reads.contains(ReadKey(1, "title")) && rendered.reads.contains(ReadKey(1, "url")))
        #expect(!rendered.reads.contains(ReadKey(1, nil)))
        let pasted = try render(FragmentCache(carry: carry, previous: second))
        #expect(second.count == 120 && carry.sealed == 120)
        #expect(pasted.reads.contains(ReadKey(1, nil)) && pasted.reads.contains(ReadKey(120, nil)))
        #expect(!pasted.reads.contains(ReadKey(1, "title")))
        #expect(pasted.templates.contains("macros.html"))
    }

    @Test func withoutACarryNothingIsKept() throws {
        let evs = Self.cards(120)
        let cache = FragmentCache()
        _ = try Self.list(calling: "linked", evs)(cache)
        #expect(cache.count == 0)
    }
}
