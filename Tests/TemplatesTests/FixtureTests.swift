import Foundation
import Templates
import Testing

/// Renders every fixture and compares with its expected output or expected errors.
@Suite struct FixtureTests {
    @Test(arguments: Fixture.all(in: "success"))
    func rendersSuccessFixture(_ fixture: Fixture) throws {
        let environment = try TemplateEnvironment(templates: fixture.templates, filters: TestFilters.all)
        let output = try environment.render("main.html", context: try fixture.context)
        try fixture.recordIfRequested(output, extension: "out")
        #expect(output == fixture.expected.trimmingOneTrailingNewline)
    }

    @Test(arguments: Fixture.all(in: "errors"))
    func reportsErrorFixture(_ fixture: Fixture) throws {
        var errors: [TemplateError] = []
        do {
            let environment = try TemplateEnvironment(templates: fixture.templates, filters: TestFilters.all, fileNamePrefix: "templates/")
            _ = try environment.render("main.html", context: try fixture.context)
        } catch let failure as TemplateErrors {
            errors = failure.errors
        } catch let failure as TemplateError {
            errors = [failure]
        }
        #expect(!errors.isEmpty, "expected an error")
        try fixture.recordIfRequested(Fixture.format(errors), extension: "err")
        #expect(Fixture.format(errors) == fixture.expected.trimmingOneTrailingNewline)
    }

    @Test func fixtureFoldersAreNotEmpty() {
        #expect(Fixture.all(in: "success").count > 20)
        #expect(Fixture.all(in: "errors").count > 10)
    }
}

extension String {
    /// Expected-output files end with a newline for the sake of editors; that newline is not part of the output.
    var trimmingOneTrailingNewline: String { hasSuffix("\n") ? String(dropLast()) : self }
}
