import Foundation
import Testing
@testable import Site

/// Mistakes in a two-language site (`Fixtures/languages`): translations, shared keys, the language settings
/// and the UI strings, each with the location and message the build must report (`language-errors.json`).
@Suite("Language and translation mistakes give located errors")
struct LanguageErrorTests {
    @Test(arguments: try BuildErrorCase.all("language-errors.json"))
    func reportsTheError(_ errorCase: BuildErrorCase) throws {
        try errorCase.check(on: "languages")
    }

    @Test func aLanguageWithoutUIStringsIsAnError() throws {
        let fixture = try FixtureSite("languages")
        defer { fixture.remove() }
        try FileManager.default.removeItem(at: fixture.root.appendingPathComponent("i18n/zh.yml"))
        do {
            _ = try fixture.build()
            Issue.record("the build should have failed")
        } catch {
            #expect(error.diagnostics.map(\.description).contains {
                $0.hasPrefix("i18n/zh.yml: error: missing: every language needs its UI strings")
            }, "got: \(error.diagnostics)")
        }
    }

    @Test func translationSettingsNeedLanguages() throws {
        let fixture = try FixtureSite("basic")
        defer { fixture.remove() }
        try fixture.write("site.yml", try fixture.read("site.yml") + "default_language: en\n")
        do {
            _ = try fixture.build()
            Issue.record("the build should have failed")
        } catch {
            #expect(error.diagnostics.map(\.description).contains { $0.contains("'default_language' needs 'languages:'") },
                    "got: \(error.diagnostics)")
        }
    }
}
