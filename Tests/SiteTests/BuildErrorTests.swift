import Foundation
import Testing
@testable import Site

/// One bad-input case: edits applied to the fixture site and the diagnostic the build must report.
struct BuildErrorCase: Decodable, Sendable, CustomTestStringConvertible {
    struct Edit: Decodable, Sendable {
        var file: String
        /// Text to replace; when absent, the file is written with `replace` as its whole content.
        var find: String?
        var replace: String
    }
    var name: String
    var edits: [Edit]
    /// The start of the diagnostic's location: `file`, `file:line` or `file:line:column`.
    var location: String
    /// A part of the message that must appear.
    var message: String
    var testDescription: String { name }

    /// The cases of a JSON file in `Fixtures/`: `errors.json` for the basic site, `ledger-errors.json` for the ledger's.
    static func all(_ file: String = "errors.json") throws -> [BuildErrorCase] {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else { return [] }
        let data = try Data(contentsOf: url.appendingPathComponent(file))
        return try JSONDecoder().decode([BuildErrorCase].self, from: data)
    }
}

@Suite("Bad input gives located errors and leaves the output alone")
struct BuildErrorTests {
    @Test(arguments: try BuildErrorCase.all())
    func reportsTheError(_ errorCase: BuildErrorCase) throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        _ = try OutputSync.write(try fixture.build(), to: fixture.output)
        let before = FixtureSite.snapshot(fixture.output)
        for edit in errorCase.edits {
            if let find = edit.find {
                try fixture.replace(in: edit.file, find, with: edit.replace)
            } else {
                try fixture.write(edit.file, edit.replace)
            }
        }
        do {
            _ = try fixture.build()
            Issue.record("the build should have failed")
        } catch {
            let descriptions = error.diagnostics.map(\.description)
            #expect(descriptions.contains { $0.hasPrefix(errorCase.location + ":") && $0.contains(errorCase.message) },
                    "got: \(descriptions.joined(separator: "\n"))")
        }
        #expect(FixtureSite.snapshot(fixture.output) == before, "a failed build leaves site/ as it was")
    }
}
