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

@Suite struct SuggestionSimilarityTests {
    @Test func namesThatShareTheirBeginningWin() {
        #expect(Suggestion.closest(to: "upcase", in: ["escape", "upper", "lower"]) == "upper")
    }

    @Test func similarityIsSymmetricAndBounded() {
        for (a, b) in [("upcase", "upper"), ("a-very-long-name", "ab"), ("x", "a-very-long-name"), ("", "a")] {
            let forward = Suggestion.similarity(Array(a.unicodeScalars), Array(b.unicodeScalars))
            let backward = Suggestion.similarity(Array(b.unicodeScalars), Array(a.unicodeScalars))
            #expect(abs(forward - backward) < 1e-9)
            #expect((0...1).contains(forward))
        }
    }
}
