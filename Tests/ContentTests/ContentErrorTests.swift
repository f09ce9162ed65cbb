import Testing
@testable import Content

@Suite struct ContentErrorTests {
    @Test func printsLikeACompiler() {
        let error = ContentError(.relation, file: "content/timeline/x.md", line: 4, column: 7, message: "no page 'x'",
                                 notes: ["did you mean 'y'?"])
        #expect(error.description == "content/timeline/x.md:4:7: error: no page 'x'\nnote: did you mean 'y'?")
        #expect(ContentError(.emptyFile, file: "content/x.md", message: "file is empty").description
            == "content/x.md: error: file is empty")
        #expect(ContentError(.config, file: nil, message: "m").description == "error: m")
    }

    @Test func controlCharactersAreEscaped() {
        let error = ContentError(.path, file: "content/a\u{1B}[31m.md", line: 1, column: 1, message: "m")
        #expect(error.description == "content/a\\u{1b}[31m.md:1:1: error: m")
    }

    @Test func errorsAreSortedByLocation() {
        let errors = ContentErrors([
            ContentError(.type, file: "content/b.md", line: 2, column: 1, message: "b"),
            ContentError(.type, file: "content/a.md", line: 10, column: 1, message: "a10"),
            ContentError(.type, file: "content/a.md", line: 9, column: 4, message: "a9"),
        ])
        #expect(errors.errors.map(\.message) == ["a9", "a10", "b"])
    }
}
