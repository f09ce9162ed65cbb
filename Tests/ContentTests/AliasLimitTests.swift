import Testing
@testable import Content

/// The cap on YAML aliases (`YAMLReader.aliasBeyondLimit`): counted where a node can start, refused past sixteen.
@Suite struct AliasLimitTests {
    /// A page whose front matter reuses one anchored list `count` times.
    private func page(aliases count: Int) -> String {
        var text = "---\ntitle: Aliases\nshared: &s [a, b]\n"
        for index in 0..<count { text += "k\(index): *s\n" }
        return text + "---\nBody\n"
    }

    @Test func sixteenAliasesAreFine() throws {
        let page = try ContentLoader.parsePage(page(aliases: 16), source: "content/x.md")
        #expect(page.title == "Aliases")
    }

    @Test func theSeventeenthIsReportedWhereItStands() {
        do {
            _ = try ContentLoader.parsePage(page(aliases: 17), source: "content/x.md")
            Issue.record("17 aliases should be refused")
        } catch {
            // Front matter starts on line 2: the 17th alias (`k16: *s`) is on line 3 + 17.
            #expect(error.errors.map { "\($0.line ?? 0):\($0.column ?? 0)" } == ["20:6"])
        }
    }

    @Test(arguments: [
        // Not aliases: a star inside a plain scalar, emphasis in quotes, a product, a bare star.
        "summary: This is *important* and **bold**\n",
        "summary: \"**bold** and more\"\n",
        "formula: 5 * 3\n",
        "note: '*'\n",
    ])
    func starsThatAreNotAliasesAreNotCounted(line: String) {
        #expect(YAMLReader.aliasBeyondLimit(in: String(repeating: line, count: 40)) == nil)
    }

    @Test(arguments: ["a: *x\n", "- *x\n", "[*x, *y]\n", "{*x: 1}\n", "? *x\n"])
    func aliasesWhereNodesStartAreCounted(line: String) {
        #expect(YAMLReader.aliasBeyondLimit(in: String(repeating: line, count: 17)) != nil)
    }
}
