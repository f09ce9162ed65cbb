import Templates
import Testing

/// `{% cache %}` fragments kept for the next build (`FragmentCarry`): pasted again only when the tag meets the
/// same keys, every name the body mentions holds what it held, and the carry says the recorded reads hold.
@Suite struct FragmentCarryTests {
    /// A carry whose seal is the set of reads; `changed` says which reads no longer give what they gave.
    final class TestCarry: FragmentCarry, @unchecked Sendable {
        var changed: Set<ReadKey> = []
        var sealed = 0
        func seal(_ reads: RecordedReads) -> (any Sendable)? {
            sealed += 1
            return reads.reads
        }
        func holds(_ seal: any Sendable) -> Bool {
            guard let reads = seal as? Set<ReadKey> else { return false }
            return reads.isDisjoint(with: changed)
        }
    }

    /// Renders `main.html` once per context, each in a build of its own whose cache keeps the last one's;
    /// each with a read recorder installed, as a session renders.
    static func builds(_ template: String, _ contexts: [[String: Value]], carry: TestCarry = TestCarry(),
                       between: (Int) -> Void = { _ in }, page: String? = "/p/",
                       others: [String: String] = ["macros.html": macros]) throws -> [String] {
        let environment = try TemplateEnvironment(templates: others.merging(["main.html": template]) { _, main in main })
        var previous: FragmentCache?
        var outputs: [String] = []
        for (position, context) in contexts.enumerated() {
            between(position)
            let cache = FragmentCache(carry: carry, previous: previous)
            let bytes = try ReadTracking.recording(ReadRecorder()) {
                try environment.renderUTF8("main.html", context: context, fragments: cache, page: page)
            }
            outputs.append(String(decoding: bytes, as: UTF8.self))
            previous = cache
        }
        return outputs
    }

    static let macros = "{% macro item(ev) %}<{{ ev.title }}>{% endmacro %}"

    static func card(_ title: String, origin: UInt32 = 7) -> Value {
        .dictionary(OrderedDictionary([("url", "/e/"), ("title", .string(title))], origin: origin))
    }

    @Test func aFragmentWhoseReadsHoldIsPastedInTheNextBuild() throws {
        // `n` is not mentioned by the body; the card is the same mapping (by tag and contents) in both builds.
        let template = "{% cache ev.url %}{{ ev.title }}{% endcache %}{{ n }}"
        let carry = TestCarry()
        let outputs = try Self.builds(template, [["ev": Self.card("A"), "n": 1], ["ev": Self.card("A"), "n": 2]], carry: carry)
        #expect(outputs == ["A1", "A2"])
        #expect(carry.sealed == 1, "the second build pasted the kept fragment (it would have sealed it again)")
    }

    @Test func aChangedReadRendersTheBodyAgain() throws {
        let template = "{% cache ev.url %}{{ ev.title }}{% endcache %}"
        let carry = TestCarry()
        // The same contents under the same tag, but the carry says the title read changed since.
        let outputs = try Self.builds(template, [["ev": Self.card("A")], ["ev": Self.card("A")]], carry: carry,
                                      between: { if $0 == 1 { carry.changed = [ReadKey(7, "title")] } })
        #expect(outputs == ["A", "A"])
        #expect(carry.sealed == 2)
    }

    @Test func aChangedValueTheBodyMentionsRendersItAgain() throws {
        // `people` is read before the tag, outside the fragment's own reads: the key names the same event in
        // both builds, but what the body sees of it changed. Pasting the kept fragment would print "x".
        let template = "{% set people = who %}{% cache key %}{{ people | join(',') }}{% endcache %}"
        let outputs = try Self.builds(template, [["key": "e", "who": ["x"]], ["key": "e", "who": ["x", "y"]]])
        #expect(outputs == ["x", "x,y"])
    }

    @Test func aChangedCopyUnderTheSameTagRendersItAgain() throws {
        let template = "{% cache 1 %}{{ ev.title }}{% endcache %}"
        let carry = TestCarry()
        let outputs = try Self.builds(template, [["ev": Self.card("A")], ["ev": Self.card("B")]], carry: carry)
        #expect(outputs == ["A", "B"])
    }

    @Test func aModuleMacroIsPastedAndItsTemplateRecorded() throws {
        let template = "{% from 'macros.html' import item %}{% cache ev.url %}{{ item(ev) }}{% endcache %}"
        let carry = TestCarry()
        let outputs = try Self.builds(template, [["ev": Self.card("A")], ["ev": Self.card("A")]], carry: carry)
        #expect(outputs == ["<A>", "<A>"])
        #expect(carry.sealed == 1)
    }

    @Test(arguments: [
        "{% cache 1 %}{% include 'macros.html' %}{{ ev.title }}{% endcache %}",
        "{% for i in [1] %}{% cache 1 %}{{ loop.index }}{{ ev.title }}{% endcache %}{% endfor %}",
        "{% macro box() %}{% cache 1 %}{{ caller() }}{% endcache %}{% endmacro %}{% call box() %}{{ ev.title }}{% endcall %}",
    ])
    func bodiesThatSeeMoreThanTheirNamesAreNotKept(template: String) throws {
        let carry = TestCarry()
        _ = try Self.builds(template, [["ev": Self.card("A")], ["ev": Self.card("A")]], carry: carry)
        #expect(carry.sealed == 0, "neither kept nor pasted from the last build")
    }

    @Test func aLoopInsideTheBodyIsItsOwn() throws {
        let template = "{% cache 1 %}{% for x in xs %}{{ loop.index }}{{ x }}{% endfor %}{% endcache %}"
        let carry = TestCarry()
        let outputs = try Self.builds(template, [["xs": ["a"]], ["xs": ["a"]]], carry: carry)
        #expect(outputs == ["1a", "1a"])
        #expect(carry.sealed == 1)
    }

    @Test func aPageSpecificFragmentIsKeptForItsPageOnly() throws {
        let pageBound: CustomFilter = { input, _, _, context in
            if context.isInCachedFragment { context.markPageSpecific() }
            return input
        }
        let environment = try TemplateEnvironment(templates: ["main.html": "{% cache 1 %}{{ t | bound }}{% endcache %}"],
                                                  filters: ["bound": pageBound])
        let carry = TestCarry()
        let first = FragmentCache(carry: carry, previous: nil)
        func render(_ cache: FragmentCache, page: String, t: String) throws -> String {
            String(decoding: try ReadTracking.recording(ReadRecorder()) {
                try environment.renderUTF8("main.html", context: ["t": .string(t)], fragments: cache, page: page)
            }, as: UTF8.self)
        }
        #expect(try render(first, page: "/a/", t: "a") == "a")
        // Another page of the same build does not get it.
        #expect(try render(first, page: "/b/", t: "b") == "b")
        let second = FragmentCache(carry: carry, previous: first)
        #expect(try render(second, page: "/a/", t: "a") == "a")
        #expect(carry.sealed == 2, "page /a/ pasted its own fragment in the next build")
        // Without a carry, a page-specific fragment is not stored at all, as before.
        let plain = FragmentCache()
        _ = try render(plain, page: "/a/", t: "a")
        #expect(plain.count == 0)
    }
}
