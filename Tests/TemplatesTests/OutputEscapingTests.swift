import Foundation
import Testing
@testable import Templates

/// `{{ … }}` in the three escaping modes: HTML (also for XML), JSON string contents, and plain text.
struct OutputEscapingTests {
    private let context: [String: Value] = [
        "title": .string("Musk & \"Altman\" <x>\n\u{1}'"),
        "html": .safe("<p>Safe & sound</p>"),
        "count": .int(3),
        "items": .array([.string("a\"b"), .int(1), .none]),
    ]

    private func render(_ template: String, _ escaping: OutputEscaping) throws -> String {
        let environment = try TemplateEnvironment(templates: ["t": template])
        return String(decoding: try environment.renderUTF8("t", context: context, escaping: escaping), as: UTF8.self)
    }

    @Test func modeFollowsTheTemplatesExtension() {
        #expect(OutputEscaping.forTemplate(named: "timeline/list.json") == .json)
        #expect(OutputEscaping.forTemplate(named: "robots.txt") == .text)
        #expect(OutputEscaping.forTemplate(named: "atom.xml") == .html)
        #expect(OutputEscaping.forTemplate(named: "page.html") == .html)
    }

    @Test func htmlIsTheDefaultAndUnchanged() throws {
        let environment = try TemplateEnvironment(templates: ["t": "{{ title }}|{{ html }}"])
        #expect(try environment.render("t", context: context) == "Musk &amp; &#34;Altman&#34; &lt;x&gt;\n\u{1}&#39;|<p>Safe & sound</p>")
    }

    @Test func jsonEscapesEveryValueAsTheInsideOfAString() throws {
        let output = try render(#"{"t": "{{ title }}", "h": "{{ html }}", "n": {{ count }}, "l": {{ items | json }}, "x": {{ title | tojson }}}"#, .json)
        #expect(output == #"{"t": "Musk \u0026 \"Altman\" \u003cx\u003e\n\u0001\u0027", "h": "\u003cp\u003eSafe \u0026 sound\u003c/p\u003e", "n": 3, "l": ["a\"b", 1, null], "x": "Musk \u0026 \"Altman\" \u003cx\u003e\n\u0001\u0027"}"#)
        let parsed = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
        #expect(parsed?["t"] as? String == "Musk & \"Altman\" <x>\n\u{1}'")
        #expect(parsed?["h"] as? String == "<p>Safe & sound</p>", "a safe value is text like any other in JSON")
    }

    @Test func textWritesValuesAsTheyAre() throws {
        #expect(try render("{{ title }}|{{ html }}|{{ count }}", .text) == "Musk & \"Altman\" <x>\n\u{1}'|<p>Safe & sound</p>|3")
    }
}
