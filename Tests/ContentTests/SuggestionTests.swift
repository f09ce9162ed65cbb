import Testing
@testable import Content

@Suite struct SuggestionTests {
    @Test(arguments: [
        ("sam-altmann", "sam-altman" as String?), ("elon-musc", "elon-musk"), ("sortby", "sort_by"),
        ("zzzzzz", nil), ("x", nil),
    ])
    func suggestsCloseCandidatesOnly(word: String, expected: String?) {
        #expect(Suggestion.closest(to: word, in: ["sam-altman", "elon-musk", "sort_by", "title", "y"]) == expected)
    }

    @Test func tiesGoToTheFirstInOrder() {
        #expect(Suggestion.closest(to: "cat", in: ["hat", "bat"]) == "bat")
    }
}
