import Dispatch
import Foundation
import Testing
@testable import Templates

/// `{% cache %}` with a `FragmentCache`: when a fragment is reused, and when it must not be.
///
/// A body that prints a global its keys do not name shows whether it was rendered or pasted: a pasted
/// fragment still holds the value of the render that stored it.
@Suite struct FragmentCacheTests {
    private func render(_ environment: TemplateEnvironment, _ context: [String: Value], cache: FragmentCache?,
                        partition: String = "p") throws -> String {
        String(decoding: try environment.renderUTF8("main.html", context: context, fragments: cache, partition: partition),
               as: UTF8.self)
    }

    @Test func theSameKeysGetTheStoredOutput() throws {
        let environment = try TemplateEnvironment(templates: ["main.html": "{% cache k %}<{{ n }}>{% endcache %}|{{ n }}"])
        let cache = FragmentCache()
        #expect(try render(environment, ["k": "a", "n": 1], cache: cache) == "<1>|1")
        #expect(try render(environment, ["k": "a", "n": 2], cache: cache) == "<1>|2")
        #expect(try render(environment, ["k": "b", "n": 3], cache: cache) == "<3>|3")
        #expect(cache.count == 2)
    }

    @Test func withoutACacheEveryBodyIsRendered() throws {
        let environment = try TemplateEnvironment(templates: ["main.html": "{% cache k %}<{{ n }}>{% endcache %}"])
        #expect(try render(environment, ["k": "a", "n": 1], cache: nil) == "<1>")
        #expect(try render(environment, ["k": "a", "n": 2], cache: nil) == "<2>")
    }

    @Test func fragmentsThatDependOnWhereThePageIsStayInTheirPartition() throws {
        let located: CustomFilter = { input, _, _, context in
            context.markLocationDependent()
            return input
        }
        let environment = try TemplateEnvironment(
            templates: [
                "main.html": "{% cache %}<{{ n }}>{% endcache %}{% include 'other.html' %}",
                "other.html": "{% cache %}({{ n | located }}){% endcache %}",
            ],
            filters: ["located": located])
        let cache = FragmentCache()
        #expect(try render(environment, ["n": 1], cache: cache, partition: "/a/") == "<1>(1)")
        // The first fragment is the same everywhere; the second is kept per partition.
        #expect(try render(environment, ["n": 2], cache: cache, partition: "/b/") == "<1>(2)")
        #expect(try render(environment, ["n": 3], cache: cache, partition: "/a/") == "<1>(1)")
        #expect(cache.count == 3)
    }

    @Test func aFragmentHoldingALocalOneIsLocalToo() throws {
        let located: CustomFilter = { input, _, _, context in
            context.markLocationDependent()
            return input
        }
        let environment = try TemplateEnvironment(
            templates: ["main.html": "{% cache %}[{% cache %}{{ n | located }}{% endcache %}]{% endcache %}"],
            filters: ["located": located])
        let cache = FragmentCache()
        #expect(try render(environment, ["n": 1], cache: cache, partition: "/a/") == "[1]")
        #expect(try render(environment, ["n": 2], cache: cache, partition: "/b/") == "[2]")
        // Here the inner fragment is pasted, not rendered: the outer one must still be kept to /c/.
        let outerOnly = try TemplateEnvironment(
            templates: ["main.html": "{% if outer %}{% cache %}[{% include 'inner.html' %}]{% endcache %}{% else %}{% include 'inner.html' %}{% endif %}",
                        "inner.html": "{% cache %}{{ n | located }}{% endcache %}"],
            filters: ["located": located])
        let second = FragmentCache()
        #expect(try render(outerOnly, ["outer": false, "n": 1], cache: second, partition: "/c/") == "1")
        #expect(try render(outerOnly, ["outer": true, "n": 2], cache: second, partition: "/c/") == "[1]")
        #expect(try render(outerOnly, ["outer": true, "n": 3], cache: second, partition: "/d/") == "[3]")
    }

    /// Pairs of key lists that are different values and must never share a fragment.
    @Test(arguments: [
        (["a b", "c"], ["a", "b c"]),
        ([1], ["1"]),
        ([1], [1.0]),
        ([true], [1]),
        ([.none], [""]),
        (["x"], [.safe("x")]),
        (["ab"], ["a", "b"]),
        (["a", .none], ["a"]),
        ([-1], [1]),
        ([12], [1, 2]),
    ] as [([Value], [Value])])
    func differentKeysNeverCollide(first: [Value], second: [Value]) {
        let one = FragmentKey(template: "t", offset: 3, values: first)
        let two = FragmentKey(template: "t", offset: 3, values: second)
        #expect(one != two)
        #expect(one == FragmentKey(template: "t", offset: 3, values: first))
        // Undefined differs from every value.
        #expect(FragmentKey(template: "t", offset: 3, values: [nil]) != FragmentKey(template: "t", offset: 3, values: [Value.none]))
    }

    /// Numbers in a key are written digit by digit on the stack: every one must come out whole and distinct.
    @Test func everyNumberGivesItsOwnKey() {
        let numbers = [0, 1, 9, 10, 11, 99, 100, 101, 1_000_000, -1, -10, Int.max, Int.min, Int.max - 1]
        let keys = numbers.map { FragmentKey(template: "t", offset: 0, values: [.int($0)]) }
        for (i, key) in keys.enumerated() {
            for (j, other) in keys.enumerated() { #expect((key == other) == (i == j), "\(numbers[i]) and \(numbers[j])") }
        }
        #expect(FragmentKey(template: "t", offset: 12, values: []) == FragmentKey(template: "t", offset: 12, values: []))
        #expect(FragmentKey(template: "t", offset: 12, values: []) != FragmentKey(template: "t", offset: 21, values: []))
    }

    @Test func templateAndPlaceAreNotConfused() {
        let keys = [("ab", 1), ("a", 11), ("a1", 1), ("a", 1)].map { FragmentKey(template: $0.0, offset: $0.1, values: []) }
        #expect(Set(keys).count == keys.count)
    }

    @Test func aListFromTheContextMatchesItselfButAnEqualCopyMisses() throws {
        let environment = try TemplateEnvironment(templates: ["main.html": "{% cache eras %}<{{ n }}>{% endcache %}"])
        let cache = FragmentCache()
        let eras: Value = [["id": "a"], ["id": "b"]]
        #expect(try render(environment, ["eras": eras, "n": 1], cache: cache) == "<1>")
        #expect(try render(environment, ["eras": eras, "n": 2], cache: cache) == "<1>")
        // An equal list built separately is another list: rendered, never mistaken for the first.
        let copy: Value = [["id": "a"], ["id": "b"]]
        #expect(try render(environment, ["eras": copy, "n": 3], cache: cache) == "<3>")
    }

    @Test func aFilterCanKeepAFragmentToItsPage() throws {
        let pageBound: CustomFilter = { input, _, _, context in
            if context.isInCachedFragment, input == "mine" { context.markPageSpecific() }
            return input
        }
        let environment = try TemplateEnvironment(
            templates: ["main.html": "{% cache %}[{% cache %}{{ target | bound }}{% endcache %} {{ n }}]{% endcache %}"],
            filters: ["bound": pageBound])
        let cache = FragmentCache()
        #expect(try render(environment, ["target": "mine", "n": 1], cache: cache) == "[mine 1]")
        // Neither the inner fragment nor the one around it was stored.
        #expect(try render(environment, ["target": "mine", "n": 2], cache: cache) == "[mine 2]")
        #expect(cache.count == 0)
        #expect(try render(environment, ["target": "other", "n": 3], cache: cache) == "[other 3]")
        #expect(try render(environment, ["target": "other", "n": 4], cache: cache) == "[other 3]")
    }

    @Test(arguments: [
        // Setting a namespace attribute changes state outside the fragment.
        "{% set ns = namespace(total=0) %}{% cache %}{% set ns.total = ns.total + n %}{% endcache %}{{ ns.total }}",
        // loop.changed remembers what it saw.
        "{% for i in [1] %}{% cache %}{% if loop.changed(n) %}{{ n }}{% endif %}{% endcache %}{% endfor %}",
        // caller() prints what the call site wrote, which no key names.
        "{% macro box() %}{% cache %}[{{ caller() }}]{% endcache %}{% endmacro %}{% call box() %}{{ n }}{% endcall %}",
    ])
    func bodiesThatReachOutsideThemselvesAreNotStored(template: String) throws {
        let environment = try TemplateEnvironment(templates: ["main.html": template])
        let cache = FragmentCache()
        let first = try render(environment, ["n": 1], cache: cache)
        let second = try render(environment, ["n": 2], cache: cache)
        #expect(first.contains("1"))
        #expect(second.contains("2"), "a pasted fragment skipped what the body does: \(second)")
        #expect(cache.count == 0)
    }

    @Test func aFailingBodyStoresNothing() throws {
        let environment = try TemplateEnvironment(templates: ["main.html": "{% cache %}{{ n }}{{ 1 // n }}{% endcache %}"])
        let cache = FragmentCache()
        #expect(throws: TemplateError.self) { try render(environment, ["n": 0], cache: cache) }
        #expect(cache.count == 0)
        #expect(try render(environment, ["n": 1], cache: cache) == "11")
    }

    @Test func manyThreadsSharingACacheGetWhatRenderingAloneGives() throws {
        let environment = try TemplateEnvironment(templates: [
            "main.html": "{% for i in range(20) %}{% cache i % 7, k %}<li>{{ i % 7 }}{{ k }}</li>{% endcache %}{% endfor %}",
        ])
        let expected = try (0..<8).map { try render(environment, ["k": .int($0)], cache: nil) }
        let cache = FragmentCache()
        let results = Results(count: 400)
        DispatchQueue.concurrentPerform(iterations: 400) { index in
            results.set(index, try? render(environment, ["k": .int(index % 8)], cache: cache, partition: "same"))
        }
        for index in 0..<400 { #expect(results.get(index) == expected[index % 8]) }
        #expect(cache.count == 7 * 8)
    }
}

/// Slots written once each from `concurrentPerform`, read afterwards (an `NSLock`, which the thread sanitizer sees).
private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: String?) { lock.withLock { values[index] = value } }
    func get(_ index: Int) -> String? { lock.withLock { values[index] } }
}
