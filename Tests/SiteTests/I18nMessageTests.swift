import Foundation
import Testing
import Templates
@testable import Site

/// The `t` filter fills a UI string from its parts, split once when the strings are loaded (`UIMessage`); the
/// rule is Foundation's replacement of each `{name}` in turn (`UIStrings.fill`). These hold the two to the same
/// text on strings and arguments made of every piece where they could part: stray and nested braces, values
/// holding braces or placeholders, repeated names, combining and prepended marks beside a placeholder, a name
/// canonically equal to another (the Kelvin sign and K), and plural forms.
@Suite struct I18nMessageTests {
    static let textPieces = ["{count}", "{name}", "{K}", "{", "}", "{na{me}", "{}", "x", " ", "年", "“", "\u{301}", "\u{600}",
                             "\u{200D}", "é", "e\u{301}", "{\u{212A}}", "{naïve}", ""]
    static let names = ["count", "name", "K", "\u{212A}", "naïve", "other"]
    static let values: [Value] = ["", "Musk", "{name}", "{", "}", "\u{301}a", "a\u{600}", "年", "“引”", 3, 1.5, true, .none, .safe("<b>")]

    @Test(arguments: 1...6)
    func fillingByPartsAgreesWithTheRule(seed: Int) {
        var random = SplitMix64(seed: UInt64(seed))
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0..<6, using: &random)).map { _ in
                Self.textPieces[Int.random(in: 0..<Self.textPieces.count, using: &random)]
            }.joined()
            let arguments = (0..<Int.random(in: 0..<4, using: &random)).map { _ in
                (Self.names[Int.random(in: 0..<Self.names.count, using: &random)],
                 Self.values[Int.random(in: 0..<Self.values.count, using: &random)])
            }
            #expect(UIMessage(text).filled(arguments) == UIStrings.fill(text, arguments),
                    "\(text.debugDescription) with \(arguments)")
        }
    }

    @Test func regularStringsAreFilledFromTheirParts() {
        let message = UIMessage("{count} events in {place}")
        #expect(message.isRegular)
        #expect(message.filled([("count", 3), ("place", "Paris")]) == "3 events in Paris")
        // The first argument of a name fills it; a placeholder no argument names stays as written.
        #expect(message.filled([("count", 1), ("count", 2)]) == "1 events in {place}")
        #expect(!UIMessage("a } b {x}").isRegular)
        #expect(!UIMessage("{x}\u{301}").isRegular)
    }

    @Test func textComesInTheLanguageAskedWithItsPluralForm() throws {
        var strings = UIStrings()
        strings.set(["events": .plural(["one": "{count} event", "other": "{count} events"]), "hello": .text("Hello, {name}")], for: "en")
        strings.set(["events": .plural(["other": "{count} 个事件"]), "hello": .text("你好，{name}")], for: "zh")
        #expect(try strings.text("events", language: "en", arguments: [("count", 1)]) == "1 event")
        #expect(try strings.text("events", language: "en", arguments: [("count", 2)]) == "2 events")
        #expect(try strings.text("events", language: "zh", arguments: [("count", 1)]) == "1 个事件")
        #expect(try strings.text("hello", language: "zh", arguments: [("name", "{name}")]) == "你好，{name}")
        #expect(throws: (any Error).self) { try strings.text("hello", language: "fr", arguments: []) }
        #expect(throws: (any Error).self) { try strings.text("helo", language: "en", arguments: []) }
        #expect(throws: (any Error).self) { try strings.text("events", language: "en", arguments: []) }
    }
}
