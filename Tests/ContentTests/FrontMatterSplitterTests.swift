import Testing
@testable import Content

@Suite struct FrontMatterSplitterTests {
    private func split(_ text: String) throws(ContentError) -> FrontMatterSplitter.Split {
        try FrontMatterSplitter.split(text, file: "content/x.md")
    }

    @Test func splitsYAMLFromBody() throws {
        let result = try split("---\ntitle: A\n---\nBody\n")
        #expect(result.yaml == "title: A\n")
        #expect(result.body == "Body\n")
        #expect(result.bodyStartLine == 4)
    }

    @Test func acceptsCRLFAndTrailingSpacesOnFences() throws {
        let result = try split("---  \r\ntitle: A\r\n--- \r\nBody\r\n")
        #expect(result.yaml == "title: A\r\n")
        #expect(result.body == "Body\r\n")
        #expect(result.bodyStartLine == 4)
    }

    @Test(arguments: ["---\n---", "---\n---\n", "---\r\n---\r\n"])
    func emptyFrontMatterIsAnEmptyBlock(_ text: String) throws {
        let result = try split(text)
        #expect(result.yaml == "")
        #expect(result.body == "")
        #expect(result.bodyStartLine == 3)
    }

    @Test(arguments: ["# Title\n", "", "----\ntitle: x\n---\n", " ---\ntitle: x\n---\n", "\n---\ntitle: x\n---\n"])
    func noOpeningFenceMeansNoFrontMatter(_ text: String) throws {
        let result = try split(text)
        #expect(result.yaml == nil)
        #expect(result.body == text[...])
        #expect(result.bodyStartLine == 1)
    }

    @Test(arguments: ["---\ntitle: x\n", "---", "---\n", "---\ntitle: x\n----\n"])
    func unclosedFrontMatterIsAnErrorAtLineOne(_ text: String) {
        #expect(throws: ContentError(.frontMatter, file: "content/x.md", line: 1, column: 1,
                                     message: "front matter opened here is never closed",
                                     notes: ["end the front matter with a line holding only '---'"])) {
            try split(text)
        }
    }

    @Test func aRuleInTheBodyIsNotAFence() throws {
        let result = try split("---\ntitle: x\n---\nText\n\n---\n\nMore\n")
        #expect(result.body == "Text\n\n---\n\nMore\n")
    }
}
