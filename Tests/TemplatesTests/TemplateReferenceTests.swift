import Foundation
@testable import Templates
import Testing

/// The template reference (`docs/content/reference/templates.md`) is tested: every example renders to its
/// `output` block, the shared ones render the same with Jinja2, every filter, test, tag and global has an
/// example, and the numbers it gives for the Jinja2 port are the port's.
@Suite struct TemplateReferenceTests {
    @Test func examplesRenderAsDocumented() throws {
        let examples = try ReferenceExample.all()
        #expect(examples.count > 20)
        for example in examples {
            let output: String
            do {
                output = try TemplateEnvironment(templates: example.templates).render("main.html", context: [:])
            } catch {
                Issue.record("example at line \(example.line) failed: \(error)")
                continue
            }
            #expect(output == example.output, "example at line \(example.line)")
        }
    }

    @Test(.enabled(if: Jinja.hasRecordedVersions || Jinja.isCI, "needs python3 with jinja2 3.1.6 and markupsafe 3.0"))
    func sharedExamplesRenderTheSameWithJinja2() throws {
        try #require(Jinja.hasRecordedVersions, "CI=true but python3 does not have jinja2 3.1.6 and markupsafe 3.0")
        let shared = try ReferenceExample.all().filter(\.isShared)
        let fixtures = shared.map { example in
            var text = "{}\n---\n" + example.templates["main.html", default: ""]
            for (name, source) in example.templates where name != "main.html" { text += "\n--- \(name)\n" + source }
            return Fixture(name: "line \(example.line)", text: text + "\n", expected: example.output)
        }
        let rendered = try Jinja.render(fixtures, falsyUndefined: true)
        for fixture in fixtures {
            #expect(rendered[fixture.name] == fixture.expected, "example at \(fixture.name): Jinja2 prints something else")
        }
    }

    @Test func everyFilterTestTagAndGlobalHasAnExample() throws {
        let templates = try ReferenceExample.all().flatMap { $0.templates.values }.joined(separator: "\n")
        func appears(_ patterns: [String]) -> Bool { patterns.contains { templates.contains($0) } }
        for filter in BuiltinFilters.table.keys.sorted() {
            #expect(appears(["|\(filter) ", "|\(filter)(", "|\(filter) }}", "|\(filter)|", "|\(filter) %}", "map('\(filter)'"]),
                    "filter '\(filter)' has no example")
        }
        for test in BuiltinTests.table.keys.sorted() {
            #expect(appears(["is \(test) ", "is \(test) }}", "is not \(test) ", "select('\(test)'", ", '\(test)'"]), "test '\(test)' has no example")
        }
        for tag in Parser.knownTags {
            #expect(appears(["{% \(tag) ", "{%- \(tag) "]), "tag '\(tag)' has no example")
        }
        for global in ["range(", "dict(", "namespace(", "cycler(", "joiner(", "loop.", "caller(", "super()", "self.", "varargs", "kwargs"] {
            #expect(appears([global]), "'\(global)' has no example")
        }
    }

    @Test func portNumbersAreThePorts() throws {
        let cases = JinjaCase.all
        let missing = cases.filter { $0.difference == "missing" }.count
        let intentional = cases.filter { $0.difference != nil && $0.difference != "missing" }.count
        let identical = cases.count - missing - intentional
        let share = Double(identical) / Double(identical + missing) * 100
        let text = try ReferenceExample.text()
        #expect(text.contains("**\(cases.count) cases ported, \(identical) identical, \(intentional) intentionally different, \(missing) not supported yet.**"))
        #expect(text.contains("Of the \(identical + missing) cases\nthat are not intentional differences, \(String(format: "%.1f", share))% are byte-identical."))
        #expect(share >= 95)
    }
}

/// One example of the reference: its templates (the main one as "main.html") and the output it must print.
struct ReferenceExample {
    var templates: [String: String]
    var output: String
    /// False for `jinja+ours` examples, which Jinja2 does not render the same way.
    var isShared: Bool
    /// The line of the `output` block, for messages.
    var line: Int

    static func text(filePath: String = #filePath) throws -> String {
        let url = URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/content/reference/templates.md")
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// The examples: fenced `jinja NAME` blocks (other templates), a `jinja` or `jinja+ours` block (the main
    /// template), then an `output` block.
    static func all() throws -> [ReferenceExample] {
        let lines = try text().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var examples: [ReferenceExample] = []
        var templates: [String: String] = [:]
        var isShared = true
        var index = 0
        while index < lines.count {
            let line = lines[index]
            index += 1
            guard line.hasPrefix("```"), line.count > 3 else { continue }
            let info = line.dropFirst(3).split(separator: " ").map(String.init)
            var body: [String] = []
            while index < lines.count, lines[index] != "```" {
                body.append(lines[index])
                index += 1
            }
            index += 1
            let content = body.joined(separator: "\n")
            switch info.first {
            case "jinja" where info.count > 1:
                templates[info[1]] = content
            case "jinja", "jinja+ours":
                templates["main.html"] = content
                isShared = info.first == "jinja"
            case "output":
                examples.append(ReferenceExample(templates: templates, output: content, isShared: isShared, line: index - body.count - 1))
                templates = [:]
            default:
                break
            }
        }
        return examples
    }
}
