import Foundation
import Testing
@testable import Site
import Templates

/// `data/*.yml`, `*.yaml`, `*.json` and `*.csv` as the template global `data`.
@Suite struct DataFilesTests {
    /// Writes `files`, prints `expression` on the home page (as JSON) and returns what it printed.
    private func render(_ expression: String, files: [String: String]) throws -> String {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        for (path, text) in files { try fixture.write(path, text) }
        try fixture.replace(in: "templates/index.html", "<h1>{{ site.title }}</h1>",
                            with: "<h1>{{ site.title }}</h1><pre id=\"data\">{{ \(expression) | json }}</pre>")
        let site = try fixture.build()
        let html = try #require(site.text("index.html"))
        let start = try #require(html.range(of: "<pre id=\"data\">"))
        let end = try #require(html.range(of: "</pre>", range: start.upperBound..<html.endIndex))
        return String(html[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&#34;", with: "\"")
            .replacingOccurrences(of: "&quot;", with: "\"")
    }

    @Test func everyFormatBySubfolderAndName() throws {
        let printed = try render("data", files: [
            "data/figures.yml": "- label: Votes\n  value: 7\n- label: Share\n  value: 0.5\n",
            "data/money/rounds.csv": "year,amount,note,code\n2015,1000000000,\"pledged, not paid\",007\n2019,1.5,,12\n",
            "data/places.json": #"{"zeta": 1, "alpha": [true, null, "é\u00e9"], "nested": {"x": -2.5e1}}"#,
            "data/team.yaml": "lead: Ada\n",
        ])
        #expect(printed == #"{"figures": [{"label": "Votes", "value": 7}, {"label": "Share", "value": 0.5}], "#
            + #""money": {"rounds": [{"year": 2015, "amount": 1000000000, "note": "pledged, not paid", "code": "007"}, "#
            + #"{"year": 2019, "amount": 1.5, "note": "", "code": 12}]}, "#
            + #""places": {"zeta": 1, "alpha": [true, null, "\u00e9\u00e9"], "nested": {"x": -25.0}}, "team": {"lead": "Ada"}}"#)
    }

    @Test func noDataFolderGivesAnEmptyMapping() throws {
        #expect(try render("data", files: [:]) == "{}")
    }

    @Test func csvQuotedLineBreaksAndCRLF() throws {
        let printed = try render("data.rows", files: ["data/rows.csv": "a,b\r\n\"one\r\ntwo\",\"say \"\"hi\"\"\"\r\n\r\n3,-4\r\n"])
        #expect(printed == #"[{"a": "one\r\ntwo", "b": "say \"hi\""}, {"a": 3, "b": -4}]"#)
    }

    @Test(arguments: [
        ("data/bad.json", "{\n  \"a\": 1,\n  \"b\": tru\n}\n", "data/bad.json:3:8: error: invalid JSON: expected 'true'"),
        ("data/bad.json", "{\"a\": 1, \"a\": 2}", "data/bad.json:1:10: error: invalid JSON: the key \"a\" is repeated in this object"),
        ("data/bad.json", "[1, 2,\n", "data/bad.json:2:1: error: invalid JSON: the file ends where a value was expected"),
        ("data/bad.csv", "a,b\n1,2\n3\n", "data/bad.csv:3: error: this row has 1 field, the header 2"),
        ("data/bad.csv", "a,b\n\"open,2\n", "data/bad.csv:2: error: a quoted field is never closed"),
        ("data/bad.csv", "a,a\n1,2\n", "data/bad.csv:1: error: the column name 'a' is repeated in the header row"),
        ("data/bad.yml", "items:\n  - one\n - two\n", "data/bad.yml:3"),
        ("data/notes.txt", "hello", "data/notes.txt: error: not a data file"),
    ])
    func badFilesAreLocated(_ path: String, _ text: String, _ expected: String) throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        try fixture.write(path, text)
        do {
            _ = try fixture.build()
            Issue.record("the build should have failed")
        } catch {
            let descriptions = error.diagnostics.map(\.description)
            #expect(descriptions.contains { $0.hasPrefix(expected) }, "got: \(descriptions)")
        }
    }

    @Test func twoFilesForOneKeyIsAnError() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        try fixture.write("data/figures.yml", "a: 1\n")
        try fixture.write("data/figures.json", "{}")
        do {
            _ = try fixture.build()
            Issue.record("the build should have failed")
        } catch {
            #expect(error.diagnostics.map(\.description) == ["data/figures.yml: error: data.figures is already given by data/figures.json"])
        }
    }

    @Test func csvTyping() {
        #expect(CSVDataReader.typed("42") == .int(42))
        #expect(CSVDataReader.typed("-7") == .int(-7))
        #expect(CSVDataReader.typed("3.25") == .double(3.25))
        #expect(CSVDataReader.typed("1e3") == .double(1000))
        #expect(CSVDataReader.typed("0") == .int(0))
        #expect(CSVDataReader.typed("0.5") == .double(0.5))
        for text in ["007", "", "12a", "1.", ".5", "1e", "-", "1,000", " 1"] {
            #expect(CSVDataReader.typed(text) == .string(text), "\(text)")
        }
    }
}

/// The microsite's money figures live in `data/money.yml`; the chart and table on "By the numbers" draw them.
@Suite struct MicrositeDataTests {
    @Test func theNumbersPageDrawsEveryFigureOfTheDataFile() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let site = try SiteBuilder.build(BuildOptions(root: root))
        let page = try #require(site.text("numbers/index.html"))
        let figures = try String(contentsOf: root.appendingPathComponent("data/money.yml"), encoding: .utf8)
        let labels = figures.split(separator: "\n").filter { $0.hasPrefix("  label: ") || $0.hasPrefix("- label: ") }
            .map { $0.dropFirst("  label: ".count).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        #expect(labels.count == 11)  // "The report mentions eleven sums of money" (content/numbers.md)
        for label in labels {
            #expect(page.contains("<td class=\"num\">\(label)"), "\(label) is not in the table")
        }
        // Each figure's events are linked from its row, by slug.
        #expect(page.contains(#"<a href="../timeline/stargate-announced/">"#))
    }
}
