import Foundation
import Testing
@testable import Site

/// The claims ledger on a translation in the source's own language (`SourceLanguageQuotations`): the `ledger`
/// fixture with a Chinese edition, whose quotations must be the source text's own words, character for character.
@Suite("Claims ledger on a translation in the source's language")
struct LedgerTranslationTests {
    /// The `ledger` fixture in English and Chinese, with a Chinese translation of `timeline/reply.md`.
    private func fixture(translation: String) throws -> FixtureSite {
        let fixture = try FixtureSite("ledger")
        try fixture.replace(in: "site.yml", "language: en\n",
                            with: "language: en\nlanguages:\n  en: {title: English}\n  zh: {title: 中文}\ntranslations: {missing: ignore}\n")
        try fixture.write("content/timeline/reply.zh.md", translation)
        return fixture
    }

    private func failures(_ fixture: FixtureSite) -> [Diagnostic] {
        do {
            _ = try fixture.build()
            return []
        } catch {
            return error.diagnostics
        }
    }

    private func diagnostics(_ fixture: FixtureSite) -> [String] {
        failures(fixture).map(\.description)
    }

    @Test func theSourcesOwnWordsPass() throws {
        let fixture = try fixture(translation: "---\ntitle: 回复\nsummary: \"他说这是“最后一根稻草”。\"\n---\n他回复说:<q data-source=\"x\">这就是最后一根稻草了。</q>\n")
        defer { fixture.remove() }
        let site = try fixture.build()
        #expect(site.text("zh/timeline/reply/index.html")?.contains("这就是最后一根稻草了。") == true)
    }

    @Test func aQuotationInOtherWordsIsReportedAtItsPlace() throws {
        let fixture = try fixture(translation: "---\ntitle: 回复\n---\n几小时后,\n他回复说:“这是最后一根稻草了。”\n")
        defer { fixture.remove() }
        let found = failures(fixture)
        #expect(found.count == 1)
        #expect(found.first?.description.hasPrefix("content/timeline/reply.zh.md:5:6: error: the quotation \"这是最后一根稻草了。\" is not in ledger/source.txt word for word") == true,
                "got: \(found.map(\.description))")
        #expect(found.first?.notes == ["the text has the first 1 characters (line 4), then \"就是最后一根\" where the quotation has \"是最后一根稻\""],
                "got: \(found.map(\.notes))")
    }

    @Test func aQuotationElementAndAFrontMatterStringAreCheckedToo() throws {
        let fixture = try fixture(translation: "---\ntitle: 回复\nsummary: \"他说这是“最后的稻草”。\"\n---\n他回复说:<q data-source=\"x\">这是稻草。</q>\n")
        defer { fixture.remove() }
        let found = diagnostics(fixture)
        #expect(found.contains { $0.hasPrefix("content/timeline/reply.zh.md:3:10: error: the quotation \"最后的稻草\"") }, "got: \(found)")
        #expect(found.contains { $0.hasPrefix("content/timeline/reply.zh.md:5:6: error: the quotation \"这是稻草。\"") }, "got: \(found)")
    }

    /// Only a translation in the ledger's language quotes the source itself; the English original's quotations
    /// are still checked against its passages' `shown` wordings, not the Chinese text.
    @Test func theOriginalIsStillCheckedAgainstItsPassages() throws {
        let fixture = try fixture(translation: "---\ntitle: 回复\n---\n他回复说:“这就是最后一根稻草了。”\n")
        defer { fixture.remove() }
        _ = try fixture.build()
        try fixture.replace(in: "content/timeline/reply.md", "He replied: \"This is the final straw.\"", with: "He replied: \"This is the last straw.\"")
        #expect(diagnostics(fixture).first?.hasPrefix("content/timeline/reply.md:10:13: error: the quotation \"This is the last straw.\" is not in this page's ledger") == true)
    }
}
