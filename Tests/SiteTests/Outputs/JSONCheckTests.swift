import Foundation
import Testing
@testable import Site

/// `JSONCheck` may say a text parses only when `JSONSerialization` (which the outputs step asks otherwise) reads it:
/// compared on random texts made of JSON's pieces, valid and not.
struct JSONCheckTests {
    static let pieces = [
        "{", "}", "[", "]", ",", ":", " ", "\n", "\t", "\"", "\"a\"", "\"key\"", "\"马斯克\"", "\"\\n\"", "\"\\u00e9\"", "\"\\ud83d\"",
        "\"\\u0000\"", "\"\\x\"", "\\", "0", "1", "-", "12", "3.5", "01", "1.", ".5", "1e5", "2E-3", "12345678901234567890", "true",
        "false", "null", "nul", "tru", "\u{1}", "é",
    ]

    private func parsesInFoundation(_ bytes: [UInt8]) -> Bool {
        (try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])) != nil
    }

    @Test func saysTrueOnlyForWhatFoundationReads() {
        var random = SplitMix64(seed: 0x75_0A)
        var sure = 0
        for _ in 0..<30_000 {
            let text = (0..<(1 + Int(random.next() % 10))).map { _ in Self.pieces[Int(random.next() % UInt64(Self.pieces.count))] }.joined()
            let bytes = Array(text.utf8)
            if JSONCheck.parses(bytes) == true {
                #expect(parsesInFoundation(bytes), "\(text.debugDescription)")
                sure += 1
            }
        }
        #expect(sure > 500)
    }

    @Test func readsNestedValuesAndLeavesDoubtfulOnesToFoundation() {
        let good = #" {"title": "Timeline \"x\"", "events": [{"n": -0.5, "ok": true, "none": null}, [], {}], "é": "\u00e9\/"} "#
        #expect(JSONCheck.parses(Array(good.utf8)) == true)
        #expect(parsesInFoundation(Array(good.utf8)))
        for doubtful in ["1e400", "[1E2]", "123456789012345678", "\"\\ud800\"", "\"\\u0000\"", String(repeating: "[", count: 102) + String(repeating: "]", count: 102)] {
            #expect(JSONCheck.parses(Array(doubtful.utf8)) == nil, "\(doubtful)")
        }
        // (Foundation reads some texts RFC 8259 does not, such as `[1,]`: left to it, they are still read.)
        #expect(JSONCheck.parses(Array("[1,]".utf8)) == nil)
        for bad in ["", "{", "{\"a\" 1}", "{1: 2}", "\"a\nb\"", "01", "1.", "-", "nul", "[1] x"] {
            #expect(JSONCheck.parses(Array(bad.utf8)) == nil, "\(bad.debugDescription)")
            #expect(!parsesInFoundation(Array(bad.utf8)), "\(bad.debugDescription)")
        }
    }
}
