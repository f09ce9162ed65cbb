import Foundation
import Templates
import Testing

/// Mutates the fixture templates at random (deterministically, from a fixed seed) and checks
/// that every mutant either renders or fails with a `TemplateError`: no crash, trap or runaway
/// recursion, whatever the input. `TEMPLATE_FUZZ_ITERATIONS` raises the count for longer runs,
/// `TEMPLATE_FUZZ_SEED` explores other mutations.
@Suite struct RobustnessTests {
    /// Fragments that make template structure go wrong in interesting ways.
    static let fragments = [
        "{%", "%}", "{{", "}}", "{#", "#}", "-", "+", "'", "\"", "(", ")", "[", "]", "{", "}", "|", ".", ",", ":", " ", "\n",
        "~", "**", "//", "==", "not ", " in ", " is ", "endfor", "endif", "endblock", "{% endif %}", "{% endfor %}",
        "{% for x in y %}", "{% if x %}", "{% else %}", "{% block a %}", "{% endblock %}", "{{ super() }}", "loop.index",
        "{% extends \"main.html\" %}", "{% include \"main.html\" %}", "{% import \"main.html\" as m %}", "{{ m.x() }}",
        "{% macro r(n) %}{{ r(n) }}{% endmacro %}{{ r(1) }}", "| default(", "| join(", "| sort(attribute=", "| truncate(-1)",
        "9999999999999999999999", "9223372036854775807", "1e999", "0", "-1", "none", "[::-1]", "[1:", "range(", "* 99999",
        "{% set ns = namespace(a=1) %}", "{% set ns.a = ns.a ~ ns.a %}", "{% block b scoped %}", "is divisibleby -1", "\\", "\u{0}", "é", "😀", "{% raw %}", "{% endraw %}", "\r",
    ]

    @Test func mutatedTemplatesRenderOrThrowTemplateError() throws {
        let fixtures = Fixture.all(in: "success") + Fixture.all(in: "errors")
        try #require(!fixtures.isEmpty)
        let iterations = Int(ProcessInfo.processInfo.environment["TEMPLATE_FUZZ_ITERATIONS"] ?? "") ?? 3000
        let seed = UInt64(ProcessInfo.processInfo.environment["TEMPLATE_FUZZ_SEED"] ?? "") ?? 0x5EED_7E3A_1A7E
        var random = SplitMix64(seed: seed)
        var rendered = 0
        var rejected = 0
        for iteration in 0..<iterations {
            let fixture = fixtures[random.next(below: fixtures.count)]
            var templates = fixture.templates
            let name = fixture.templateOrder[random.next(below: fixture.templateOrder.count)]
            var scalars = Array((templates[name] ?? "").unicodeScalars)
            for _ in 0...random.next(below: 3) { mutate(&scalars, using: &random) }
            templates[name] = String(String.UnicodeScalarView(scalars))
            do {
                let environment = try TemplateEnvironment(templates: templates, filters: TestFilters.all)
                _ = try environment.render("main.html", context: (try? fixture.context) ?? [:])
                rendered += 1
            } catch is TemplateErrors {
                rejected += 1
            } catch is TemplateError {
                rejected += 1
            } catch {
                Issue.record("iteration \(iteration) (\(fixture.name)): unexpected error type \(type(of: error)): \(error)")
            }
        }
        #expect(rendered + rejected == iterations)
        #expect(rendered > 0 && rejected > 0, "mutations should produce both valid and invalid templates")
    }

    private func mutate(_ scalars: inout [Unicode.Scalar], using random: inout SplitMix64) {
        let position = random.next(below: scalars.count + 1)
        switch random.next(below: 4) {
        case 0 where !scalars.isEmpty:
            let length = min(1 + random.next(below: 6), scalars.count - min(position, scalars.count - 1))
            let start = min(position, scalars.count - 1)
            scalars.removeSubrange(start..<min(scalars.count, start + length))
        case 1 where !scalars.isEmpty:
            let start = min(position, scalars.count - 1)
            let end = min(scalars.count, start + 1 + random.next(below: 12))
            scalars.insert(contentsOf: scalars[start..<end], at: start)
        default:
            let fragment = RobustnessTests.fragments[random.next(below: RobustnessTests.fragments.count)]
            scalars.insert(contentsOf: fragment.unicodeScalars, at: position)
        }
    }
}

/// A tiny deterministic PRNG, so a failing mutation can be reproduced from its iteration number.
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

    mutating func next(below bound: Int) -> Int {
        guard bound > 0 else { return 0 }
        return Int(next() % UInt64(bound))
    }
}
