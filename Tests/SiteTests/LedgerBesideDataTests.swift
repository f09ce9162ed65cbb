import Testing
@testable import Site

/// data/, i18n/ and templates/ load beside the content (`SharedInputs`), and the ledger is checked after it, beside
/// the Markdown (`SiteBuilder.checkLedger(_:root:log:beside:)`): a build with mistakes in several reports the
/// content's alone, else the ledger's, then the data's, then the templates', then the Markdown's, as when each ran
/// after the last, and each on its own as before.
struct LedgerBesideDataTests {
    private func failure(_ edits: (FixtureSite) throws -> Void) throws -> [String] {
        let fixture = try FixtureSite("ledger")
        defer { fixture.remove() }
        try edits(fixture)
        return fixture.failedBuildDiagnostics()
    }

    private func breakLedger(_ fixture: FixtureSite) throws {
        try fixture.replace(in: "content/timeline/dinners.md", "每周三见面", with: "每周四见面")
    }

    private func breakData(_ fixture: FixtureSite) throws {
        try fixture.write("data/broken.json", "{\"a\": ")
    }

    private func breakTemplate(_ fixture: FixtureSite) throws {
        try fixture.write("templates/broken.html", "{% if %}")
    }

    @Test func theLedgersErrorsComeFirst() throws {
        let ledger = try failure(breakLedger)
        let data = try failure(breakData)
        #expect(ledger.count == 1 && ledger[0].hasPrefix("content/timeline/dinners.md:6:12: error: "), "\(ledger)")
        #expect(data.count == 1 && data[0].hasPrefix("data/broken.json"), "\(data)")
        for _ in 0..<10 {
            #expect(try failure { try breakLedger($0); try breakData($0) } == ledger)
        }
    }

    @Test func thenTheDatasThenTheTemplates() throws {
        let template = try failure(breakTemplate)
        #expect(template.count == 1 && template[0].hasPrefix("templates/broken.html:1:"), "\(template)")
        let data = try failure(breakData)
        for _ in 0..<5 {
            #expect(try failure { try breakLedger($0); try breakTemplate($0) } == (try failure(breakLedger)))
            #expect(try failure { try breakData($0); try breakTemplate($0) } == data)
        }
    }

    private func breakMarkdown(_ fixture: FixtureSite) throws {
        try fixture.replace(in: "content/timeline/dinners.md", "every Wednesday.\n", with: "every Wednesday. [More](missing.md)\n")
    }

    /// The Markdown renders while the ledger is checked: its errors show only when the ledger's and the
    /// shared inputs' do not.
    @Test func theMarkdownsErrorsComeLast() throws {
        let markdown = try failure(breakMarkdown)
        #expect(markdown.count == 1 && markdown[0].hasPrefix("content/timeline/dinners.md:9:") && markdown[0].contains("missing.md"),
                "\(markdown)")
        let ledger = try failure(breakLedger)
        let template = try failure(breakTemplate)
        for _ in 0..<10 {
            #expect(try failure { try breakLedger($0); try breakMarkdown($0) } == ledger)
            #expect(try failure { try breakTemplate($0); try breakMarkdown($0) } == template)
        }
    }

    private func breakContent(_ fixture: FixtureSite) throws {
        try fixture.write("content/timeline/broken.md", "---\ntitle: [unclosed\n---\nBody.\n")
    }

    /// The shared inputs load while the content does: when the content fails, their mistakes are not reported.
    @Test func theContentsErrorsAloneWhenTheContentFails() throws {
        let content = try failure(breakContent)
        #expect(!content.isEmpty && content.allSatisfy { $0.hasPrefix("content/timeline/broken.md") }, "\(content)")
        for _ in 0..<10 {
            #expect(try failure { try breakContent($0); try breakData($0) } == content)
            #expect(try failure { try breakContent($0); try breakTemplate($0) } == content)
            #expect(try failure { try breakContent($0); try breakLedger($0); try breakTemplate($0) } == content)
        }
    }
}
