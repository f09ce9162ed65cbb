import Foundation
import Templates
import Testing

/// Templates that used to crash the process (by overflowing the stack while parsing, evaluating or freeing a
/// very long expression) or to stall it (quadratic rebuilding, lists that hold themselves twice) now end
/// with a located `.limitExceeded` error, quickly.
@Suite struct BoundedWorkTests {
    /// The first error of a template that must not load.
    private func loadError(_ template: String) -> TemplateError? {
        do {
            _ = try TemplateEnvironment(templates: ["t.html": template])
            Issue.record("the template loaded")
        } catch {
            return error.errors.first
        }
        return nil
    }

    private func renderError(_ template: String, limits: TemplateLimits = TemplateLimits()) throws -> TemplateError? {
        let environment = try TemplateEnvironment(templates: ["t.html": template], limits: limits)
        return #expect(throws: TemplateError.self) { try environment.render("t.html", context: [:]) }
    }

    static let longChains: [(name: String, template: String)] = [
        ("100,000-term sum", "{{ " + Array(repeating: "1", count: 100_000).joined(separator: " + ") + " }}"),
        ("100,000-filter chain", "{{ 'a'" + String(repeating: " | upper", count: 100_000) + " }}"),
        ("100,000 lookups", "{{ x" + String(repeating: ".y", count: 100_000) + " }}"),
        ("100,000 subscripts", "{{ x" + String(repeating: "[0]", count: 100_000) + " }}"),
        ("100,000 calls", "{{ x" + String(repeating: "()", count: 100_000) + " }}"),
        ("100,000 tests", "{{ x" + String(repeating: " is defined", count: 100_000) + " }}"),
        ("100,000 ors", "{% if " + Array(repeating: "a", count: 100_000).joined(separator: " or ") + " %}{% endif %}"),
        ("100,000 conditionals", "{{ 1" + String(repeating: " if a", count: 100_000) + " }}"),
    ]

    @Test(arguments: longChains.map(\.name))
    func aVeryLongExpressionIsALocatedError(_ name: String) throws {
        let template = try #require(Self.longChains.first { $0.name == name }).template
        let error = loadError(template)
        #expect(error?.kind == .limitExceeded)
        #expect(error?.message == "expression is too long (more than 1000 operators, filters, calls and lookups); split it with {% set %}")
        #expect(error?.line == 1)
        #expect((error?.column ?? 0) > 1000)
    }

    @Test func chainsAreCountedPerExpression() throws {
        // 300 links in each of 20 expressions (6,000 in all, over the limit of 1,000), inside nested tags, is fine:
        // the count restarts with each. (Not 900 a piece: under ThreadSanitizer, whose frames are larger, the stack
        // guard stops a 900-deep evaluation on the test's thread, as it should.)
        let sum = Array(repeating: "1", count: 301).joined(separator: " + ")
        let template = "{% for i in [1] %}{% if true %}" + String(repeating: "{{ \(sum) }},", count: 20) + "{% endif %}{% endfor %}"
        let environment = try TemplateEnvironment(templates: ["t.html": template])
        #expect(try environment.render("t.html", context: [:]) == String(repeating: "301,", count: 20))
    }

    @Test func rebuildingAListInALoopStopsAtTheBudget() throws {
        let template = "{% set ns = namespace(l=[]) %}{% for i in range(100000) %}{% for j in range(10) %}"
            + "{% set ns.l = ns.l + [i] %}{% endfor %}{% endfor %}{{ ns.l | length }}"
        let start = Date()
        let error = try renderError(template, limits: TemplateLimits(maxBuiltBytes: 20_000_000))
        #expect(error?.message == "rendering builds more than 20000000 bytes of strings and lists in all (a loop that rebuilds a large value?)")
        #expect(error?.column == 97)
        #expect(Date().timeIntervalSince(start) < 30)
    }

    @Test func replacingInALargeStringManyTimesStopsAtTheBudget() throws {
        let template = "{% set ns = namespace(s='abcdefgh' * 125000) %}{% for i in range(400) %}"
            + "{% set ns.s = ns.s | replace('a', 'b') %}{% endfor %}{{ ns.s | length }}"
        let error = try renderError(template, limits: TemplateLimits(maxBuiltBytes: 20_000_000))
        #expect(error?.kind == .limitExceeded)
        #expect(error?.message.hasPrefix("rendering builds more than 20000000 bytes") == true)
    }

    @Test func theDefaultBudgetIsAQuarterGigabyte() {
        #expect(TemplateLimits().maxBuiltBytes == 256 * 1024 * 1024)
    }

    @Test func aListHoldingItselfTwiceStopsBeforeItIsWalked() throws {
        // 40 rounds make 2^40 items in 40 small lists: walking it once would never end.
        let template = "{% set ns = namespace(l=['x']) %}{% for i in range(40) %}{% set ns.l = [ns.l, ns.l] %}{% endfor %}{{ ns.l }}"
        let start = Date()
        let error = try renderError(template)
        #expect(error?.message == "value is too large (more than 1000000 items in the lists inside it)")
        #expect(error?.column == 72)
        #expect(Date().timeIntervalSince(start) < 30)
    }

    @Test func aListHoldingItselfTwiceFewTimesIsFine() throws {
        let template = "{% set ns = namespace(l=[1]) %}{% for i in range(3) %}{% set ns.l = [ns.l, ns.l] %}{% endfor %}{{ ns.l }}"
        let environment = try TemplateEnvironment(templates: ["t.html": template])
        #expect(try environment.render("t.html", context: [:]) == "[[[[1], [1]], [[1], [1]]], [[[1], [1]], [[1], [1]]]]")
    }

    @Test func aMappingHoldingItselfTwiceIsNotPrintedForEver() throws {
        // Mappings are not walked when built (site data is large), so this is caught where it would be printed.
        let template = "{% set ns = namespace(d={'x': 1}) %}{% for i in range(40) %}{% set ns.d = {'a': ns.d, 'b': ns.d} %}{% endfor %}{{ ns.d }}"
        let start = Date()
        let error = try renderError(template)
        #expect(error?.message == "output is larger than 67108864 bytes")
        #expect(error?.column == 115)
        #expect(Date().timeIntervalSince(start) < 10)
        let small = try TemplateEnvironment(templates: ["t.html": template.replacingOccurrences(of: "range(40)", with: "range(2)")])
        #expect(try small.render("t.html", context: [:]) == "{'a': {'a': {'x': 1}, 'b': {'x': 1}}, 'b': {'a': {'x': 1}, 'b': {'x': 1}}}"
            .replacingOccurrences(of: "'", with: "&#39;"))
    }
}
