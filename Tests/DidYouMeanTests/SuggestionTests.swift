import Testing
@testable import DidYouMean

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

/// The rule for a template's names (filters, tests, tags, templates): short names get suggestions too, and one
/// edit more is allowed, as the engine has always suggested them.
@Suite struct NameSuggestionTests {
    @Test func shortNamesGetSuggestions() {
        #expect(Suggestion.closest(to: "ab", among: ["abs", "int", "length"]) == "abs")
        #expect(Suggestion.closest(to: "ab", in: ["abs", "int", "length"]) == nil)
    }

    @Test func oneEditMoreThanForWords() {
        // Three edits in six letters: within a name's reach (3), beyond a word's (2).
        #expect(Suggestion.closest(to: "lnegth", among: ["length", "first", "last"]) == "length")
        #expect(Suggestion.closest(to: "xexgtx", among: ["length", "first"]) == "length")
        #expect(Suggestion.closest(to: "xexgtx", in: ["length", "first"]) == nil)
    }

    @Test func tiesGoToTheFirstInOrderWhateverTheCandidatesOrder() {
        #expect(Suggestion.closest(to: "cat", among: ["hat", "bat"]) == "bat")
        #expect(Suggestion.closest(to: "cat", among: ["bat", "hat"]) == "bat")
    }
}
