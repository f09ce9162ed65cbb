import Templates
import Testing

/// Runaway templates end with a `.limitExceeded` error, never by running for ever or exhausting memory.
@Suite struct LimitsTests {
    private func failure(_ template: String, limits: TemplateLimits) throws -> TemplateError? {
        let environment = try TemplateEnvironment(templates: ["t.html": template], limits: limits)
        return #expect(throws: TemplateError.self) { try environment.render("t.html", context: [:]) }
    }

    @Test func settingALargeContextValueIsNotABuiltValue() throws {
        // A site passes every page to every render; `set` of it must neither fail nor walk it.
        let big = Value.array(Array(repeating: .string(String(repeating: "x", count: 1000)), count: 20_000))
        let environment = try TemplateEnvironment(templates: ["t.html": "{% set pages = all %}{% set first = all[0] %}{{ pages | length }}"])
        #expect(try environment.render("t.html", context: ["all": big]) == "20000")
    }

    @Test func aDeepValueIsFoundBehindWideSiteData() throws {
        // 30,000 mappings first, then a chain of lists: the depth check is exact, not a bounded walk.
        let cards = Value.array(Array(repeating: ["title": "t", "tags": ["a", "b"]], count: 30_000))
        let template = "{% set ns = namespace(x=[]) %}{% for i in range(250) %}{% set ns.x = [cards, {'next': ns.x}] %}{% endfor %}"
            + "{{ ns.x | length }}"
        let environment = try TemplateEnvironment(templates: ["t.html": template])
        let error = #expect(throws: TemplateError.self) { try environment.render("t.html", context: ["cards": cards]) }
        #expect(error?.message == "value nests more than 200 levels deep")
        // The same chain 90 levels deep (two levels per round) is fine.
        let shallow = try TemplateEnvironment(templates: ["t.html": template.replacingOccurrences(of: "250", with: "45")])
        #expect(try shallow.render("t.html", context: ["cards": cards]) == "2")
    }

    @Test func nestedLoopsStopAtTheStepLimit() throws {
        let error = try failure("{% for a in range(1000) %}{% for b in range(1000) %}{% endfor %}{% endfor %}",
                                limits: TemplateLimits(maxSteps: 5000))
        #expect(error?.kind == .limitExceeded)
        #expect(error?.message == "rendering takes more than 5000 loop iterations and calls")
        #expect(error?.column == 27)
    }

    @Test func exponentialMacroStopsAtTheStepLimit() throws {
        let template = "{% macro f(n) %}{% if n < 60 %}{{ f(n + 1) }}{{ f(n + 1) }}{% endif %}{% endmacro %}{{ f(0) }}"
        let error = try failure(template, limits: TemplateLimits(maxSteps: 2000))
        #expect(error?.kind == .limitExceeded)
        #expect((error?.notes.count ?? 0) <= 13, "long call trails are shortened")
    }

    @Test func outputStopsAtTheOutputLimit() throws {
        let error = try failure("{% for i in range(1000) %}0123456789{% endfor %}", limits: TemplateLimits(maxOutputBytes: 5000))
        #expect(error?.kind == .limitExceeded)
        #expect(error?.message == "output is larger than 5000 bytes")
    }

    @Test func callDepthIsConfigurable() throws {
        let error = try failure("{% macro r() %}{{ r() }}{% endmacro %}{{ r() }}", limits: TemplateLimits(maxCallDepth: 10))
        #expect(error?.message == "recursion limit exceeded: calls nest more than 10 levels deep")
        #expect(error?.notes.count == 3)
    }

    @Test func listsDoubledByRecursionStopAtTheSizeLimit() throws {
        let template = "{% macro grow(l, n) %}{% if n < 40 %}{{ grow(l + l, n + 1) }}{% endif %}{% endmacro %}{{ grow([1], 0) }}"
        // Without the render's budget on all values built, which this doubling would reach first.
        let error = try failure(template, limits: TemplateLimits(maxBuiltBytes: .max))
        #expect(error?.message == "value is too large (more than 10000000 bytes or items)")
    }
}

/// Extreme numbers reach every arithmetic path without trapping: each template renders or throws `TemplateError`.
@Suite struct ExtremeNumberTests {
    static let templates = [
        "{{ [1, 2, 3][1::9223372036854775807] }}", "{{ [1, 2, 3][::-9223372036854775807] }}",
        "{{ range(0, -5, -9223372036854775807 - 1) | list }}", "{{ range(-9223372036854775807, 9223372036854775807) | length }}",
        "{{ range(9223372036854775800, 9223372036854775807, 5) | list }}", "{{ 'abc' | truncate(9223372036854775807) }}",
        "{{ 'abc' | truncate(5, leeway=9223372036854775807) }}", "{{ (-9223372036854775807 - 1) is divisibleby(-1) }}",
        "{{ '' * 9223372036854775807 }}", "{{ 'x' * -5 }}", "{{ {'a': 1} | tojson(9223372036854775807) }}",
        "{{ 9223372036854775807 * 2 }}", "{{ -9223372036854775807 - 2 }}", "{{ (-9223372036854775807 - 1) // -1 }}",
        "{{ (-9223372036854775807 - 1) % -1 }}", "{{ 2 ** 64 }}", "{{ 2 ** -1 }}", "{{ -(-9223372036854775807 - 1) }}",
        "{{ 1e999 }} {{ -1e999 }} {{ 1e999 - 1e999 }}", "{{ 1e308 * 10 | int }}", "{{ '99999999999999999999' | int }}",
        "{{ [1, 2][-9223372036854775807 - 1] is defined }}", "{{ 'abc'[-9223372036854775807 - 1] is defined }}",
        "{{ (-9223372036854775807 - 1) | abs }}", "{{ 5 / 0.0 }}", "{{ 5 // 0 }}", "{{ 5.0 % 0 }}", "{{ [1] * 3 }}",
        "{{ 'a' | replace('', 'bb', 9223372036854775807) }}", "{{ 'x' | int(base=99) }}", "{{ 10 | string | int(base=1) }}",
    ]

    @Test(arguments: templates)
    func rendersOrThrowsTemplateError(_ template: String) {
        do {
            let environment = try TemplateEnvironment(templates: ["t.html": template])
            _ = try environment.render("t.html", context: [:])
        } catch is TemplateErrors {
        } catch is TemplateError {
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
