import Templates
import Testing

/// Runaway templates end with a `.limitExceeded` error, never by running for ever or exhausting memory.
@Suite struct LimitsTests {
    private func failure(_ template: String, limits: TemplateLimits) throws -> TemplateError? {
        let environment = try TemplateEnvironment(templates: ["t.html": template], limits: limits)
        return #expect(throws: TemplateError.self) { try environment.render("t.html", context: [:]) }
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
        let error = try failure(template, limits: TemplateLimits())
        #expect(error?.message == "value is too large (more than 10000000 bytes or items)")
    }
}
