import Testing
@testable import Templates

/// Which templates the environment prepares as modules once (`TemplateEnvironment.macroModules`). That
/// the macros then behave as if the module had been run is the fixture `macro_import_definitions_only`,
/// which Jinja2 renders too (`DifferentialTests`).
struct MacroModuleTests {
    /// A template that only defines macros is made into a module once, by the environment; one that
    /// runs anything else at its top level is run on every import, as before.
    @Test func onlyMacroOnlyTemplatesArePreparedAsModules() throws {
        let environment = try TemplateEnvironment(templates: [
            "macros.html": "{# doc #}\n{% macro a() %}A{% endmacro %}\n{% macro b() %}{{ a() }}B{% endmacro %}\n",
            "settings.html": "{% set x = 1 %}{% macro c() %}{{ x }}{% endmacro %}",
            "layout.html": "{% block body %}{% endblock %}",
            "main.html": "{% import 'macros.html' as m %}{% from 'settings.html' import c %}{{ m.b() }}{{ c() }}",
        ])
        #expect(Set(environment.macroModuleKeys.keys) == ["macros.html"])
        #expect(try environment.render("main.html", context: [:]) == "AB1")
    }
}
