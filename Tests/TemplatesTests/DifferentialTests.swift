import Foundation
import Templates
import Testing

/// Renders the shared-subset fixtures with Python's Jinja2 and with our engine, and requires
/// byte-identical output: Jinja's documentation must be true for our users.
///
/// Without python3/jinja2 the test is skipped locally; with `CI=true` it runs anyway and fails,
/// so CI can never silently skip it.
@Suite struct DifferentialTests {
    @Test(.enabled(if: Jinja.isAvailable || Jinja.isCI, "needs python3 with jinja2 (pip install jinja2)"))
    func sharedFixturesMatchJinja2() throws {
        try #require(Jinja.isAvailable, "CI=true but python3 with jinja2 is not available")
        let fixtures = Fixture.all(in: "success").filter(\.isSharedWithJinja)
        #expect(fixtures.count > 20)
        let expected = try Jinja.render(fixtures)
        for fixture in fixtures {
            let ours: String
            do {
                let environment = try TemplateEnvironment(templates: fixture.templates)
                ours = try environment.render("main.html", context: try fixture.context)
            } catch {
                Issue.record("\(fixture.name): our engine failed: \(error)")
                continue
            }
            #expect(ours == expected[fixture.name], "\(fixture.name) differs from Jinja2")
        }
    }
}

/// Runs Python's Jinja2 on fixtures.
enum Jinja {
    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    static let isAvailable: Bool = (try? run(["-c", "import jinja2"]).status) == 0

    /// Whether python3 has the versions the recordings of `Fixtures/jinja/` were made with, Jinja2 3.1.6 and
    /// MarkupSafe 3.0 (MarkupSafe 2 escapes `Markup.replace`'s arguments differently); `.ci/install-deps.sh`
    /// installs them. Debian's python3-jinja2 is older: the tests that compare with the recordings then skip.
    static let hasRecordedVersions: Bool = {
        let check = "from importlib.metadata import version as v; import sys; sys.exit(0 if v('jinja2') == '3.1.6' and v('markupsafe').startswith('3.0.') else 1)"
        return (try? run(["-c", check]).status) == 0
    }()

    private static let script = """
    import json, sys, jinja2
    class FalsyStrictUndefined(jinja2.StrictUndefined):
        def __bool__(self):
            return False
    cases = json.load(open(sys.argv[1], encoding="utf-8"))
    undefined = FalsyStrictUndefined if sys.argv[2] == "falsy" else jinja2.StrictUndefined
    results = {}
    for case in cases:
        env = jinja2.Environment(loader=jinja2.DictLoader(case["templates"]), autoescape=True,
                                 undefined=undefined)
        context = json.loads(case["context"]) if case["context"].strip() else {}
        try:
            results[case["name"]] = env.get_template("main.html").render(**context)
        except Exception as error:
            results[case["name"]] = "JINJA ERROR: %s: %s" % (type(error).__name__, error)
    sys.stdout.write(json.dumps(results))
    """

    /// Jinja2's output for each fixture, by fixture name (an error becomes a "JINJA ERROR: …" string).
    ///
    /// Undefined values are Jinja's `StrictUndefined`; with `falsyUndefined`, a subclass that is also false in a
    /// test of truth (`{% if page.missing %}`), which is what our engine does: an error only when printed,
    /// compared or iterated.
    static func render(_ fixtures: [Fixture], falsyUndefined: Bool = false) throws -> [String: String] {
        let payload = fixtures.map { ["name": $0.name, "context": $0.contextJSON, "templates": $0.templates] as [String: Any] }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("jinja-cases-\(UUID().uuidString).json")
        try JSONSerialization.data(withJSONObject: payload).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try run(["-c", script, file.path, falsyUndefined ? "falsy" : "strict"])
        try #require(result.status == 0, "python3 failed: \(result.error)")
        let decoded = try JSONSerialization.jsonObject(with: result.output)
        return try #require(decoded as? [String: String])
    }

    private static func run(_ arguments: [String]) throws -> (status: Int32, output: Data, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, data, errorText)
    }
}
