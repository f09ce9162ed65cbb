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

extension BuildErrorCase {
    /// Applies this case's edits to a copy of a fixture site that has been built once, and checks that the build
    /// now fails with the expected diagnostic and leaves the output exactly as it was.
    func check(on fixtureName: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let fixture = try FixtureSite(fixtureName)
        defer { fixture.remove() }
        _ = try OutputSync.write(try fixture.build(), to: fixture.output)
        let before = FixtureSite.snapshot(fixture.output)
        for edit in edits {
            if let find = edit.find {
                try fixture.replace(in: edit.file, find, with: edit.replace)
            } else {
                try fixture.write(edit.file, edit.replace)
            }
        }
        do {
            _ = try fixture.build()
            Issue.record("the build should have failed", sourceLocation: sourceLocation)
        } catch {
            let descriptions = error.diagnostics.map(\.description)
            #expect(descriptions.contains { $0.hasPrefix(location + ":") && $0.contains(message) },
                    "got: \(descriptions.joined(separator: "\n"))", sourceLocation: sourceLocation)
        }
        #expect(FixtureSite.snapshot(fixture.output) == before, "a failed build leaves site/ as it was",
                sourceLocation: sourceLocation)
    }
}

@Suite("Bad input gives located errors and leaves the output alone")
struct BuildErrorTests {
    @Test(arguments: try BuildErrorCase.all())
    func reportsTheError(_ errorCase: BuildErrorCase) throws {
        try errorCase.check(on: "basic")
    }
}
