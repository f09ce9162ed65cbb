import Foundation
import Testing
@testable import Site

/// The claims ledger (`Sources/Site/Ledger`) on the `Fixtures/ledger` site: a page's passages checked word for word
/// against `ledger/source.txt`, every required page with one, every quotation shown accounted for.
@Suite("Claims ledger")
struct LedgerTests {
    @Test func rendersEachPassageInItsLanguage() throws {
        let fixture = try FixtureSite("ledger")
        defer { fixture.remove() }
        let site = try fixture.build()
        let page = try #require(site.text("timeline/reply/index.html"))
        #expect(page.contains("<blockquote lang=\"zh\">他回复说:“这就是最后一根稻草了。”</blockquote><p>He replied that this was the final straw.</p>"))
    }

    @Test(arguments: try BuildErrorCase.all("ledger-errors.json"))
    func reportsTheError(_ errorCase: BuildErrorCase) throws {
        try errorCase.check(on: "ledger")
    }

    @Test func saysWhereAPassageStopsMatching() throws {
        let fixture = try FixtureSite("ledger")
        defer { fixture.remove() }
        try fixture.replace(in: "content/timeline/dinners.md", "每周三见面", with: "每周四见面")
        #expect {
            _ = try fixture.build()
        } throws: { error in
            guard let failure = error as? BuildFailure, let diagnostic = failure.diagnostics.first else { return false }
            return diagnostic.notes == ["the text has the first 13 characters (line 3), then \"三见面吃晚饭\" where the passage has \"四见面吃晚饭\""]
        }
    }

    @Test func everyProblemIsReportedInOneRun() throws {
        let fixture = try FixtureSite("ledger")
        defer { fixture.remove() }
        try fixture.replace(in: "content/timeline/dinners.md", "每周三见面", with: "每周四见面")
        try fixture.replace(in: "content/timeline/reply.md", "He replied: \"This is the final straw.\"", with: "He said \"no\".")
        do {
            _ = try fixture.build()
            Issue.record("the build should have failed")
        } catch {
            #expect(error.diagnostics.map(\.file) == ["content/timeline/dinners.md", "content/timeline/reply.md"])
        }
    }

    @Test func withoutLedgerSettingsPassagesAreOrdinaryFrontMatter() throws {
        let fixture = try FixtureSite("ledger")
        defer { fixture.remove() }
        try fixture.replace(in: "site.yml", "ledger:\n  text: ledger/source.txt\n  language: zh\n  required: [timeline]\n", with: "")
        try fixture.replace(in: "content/timeline/dinners.md", "每周三见面", with: "每周四见面")
        try fixture.replace(in: "content/timeline/reply.md", "He replied: \"This is the final straw.\"", with: "He said \"no\".")
        _ = try fixture.build()
    }

    @Test func aLinkOutOfTheSiteFolderIsNotRead() throws {
        let fixture = try FixtureSite("ledger")
        defer { fixture.remove() }
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-outside-\(UUID().uuidString).txt")
        try Data("2015年初,他们开始每周三见面吃晚饭。\n".utf8).write(to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createSymbolicLink(at: fixture.root.appendingPathComponent("ledger/link.txt"), withDestinationURL: outside)
        try fixture.replace(in: "site.yml", "text: ledger/source.txt", with: "text: ledger/link.txt")
        do {
            _ = try fixture.build()
            Issue.record("the build should have failed")
        } catch {
            #expect(error.diagnostics.map(\.description) == ["site.yml:5:9: error: ledger text 'ledger/link.txt' is outside the site folder; the build reads only inside it"])
        }
    }
}

@Suite("Quotations a page shows")
struct QuotationScannerTests {
    private func texts(_ markdown: String) -> [String] {
        QuotationScanner.quotations(in: markdown).map(\.text)
    }

    @Test func findsStraightAndCurlyQuotationsWithTheirPositions() {
        let found = QuotationScanner.quotations(in: "He said \"yes\".\nShe said “no” twice.")
        #expect(found == [
            QuotationScanner.Quotation(text: "yes", line: 1, column: 9),
            QuotationScanner.Quotation(text: "no", line: 2, column: 10),
        ])
    }

    @Test func aQuotationRunsOnAcrossLinesButNotPastAParagraph() {
        #expect(texts("\"one\ntwo\"") == ["one two"])
        #expect(texts("\"open\n\nnever closed") == [])
        #expect(texts("> \"a quoted\n> blockquote\"") == ["a quoted blockquote"])
    }

    @Test func skipsCodeTagsAndEscapedMarks() {
        #expect(texts("`\"code\"` and <span class=\"x\">text</span>") == [])
        #expect(texts("```\n\"fenced\"\n```\n\"after\"") == ["after"])
        #expect(texts("a \\\"b\\\" c") == [])
        #expect(texts("1 < 2 and \"q\"") == ["q"])
    }

    @Test func findsQuotationElements() {
        let found = QuotationScanner.quotations(in: "他说:<q data-source=\"x\">最后一根稻草</q>。\n<Q>b</Q> <q>open\n\nnever closed")
        #expect(found == [
            QuotationScanner.Quotation(text: "最后一根稻草", line: 1, column: 4),
            QuotationScanner.Quotation(text: "b", line: 2, column: 1),
        ])
        // Other tags that start with q are not quotations.
        #expect(texts("<quote>x</quote> <qux>y</qux>") == [])
    }

    @Test func matchesWholeWordsOnly() {
        #expect(LedgerCheck.containsWords("final straw", in: "this is the final straw"))
        #expect(!LedgerCheck.containsWords("straw", in: "strawberries"))
        #expect(LedgerCheck.normalized("  The Final\nStraw. ") == "the final straw")
        #expect(LedgerCheck.normalized("Trump’s son") == "trump's son")
    }
}

/// A component call's arguments are settings, not quotations; the text between its tags still is.
@Suite struct QuotationScannerComponentTests {
    @Test func componentArgumentsAreNotQuotations() {
        let text = #"{{< quote translated="from the Chinese edition" >}}"#
            + "\n\"No thanks.\"\n{{< /quote >}}\nHe said \"yes\" {{< aside kind=\"note\" >}}."
        #expect(QuotationScanner.quotations(in: text).map(\.text) == ["No thanks.", "yes"])
    }
}
