import Testing
@testable import Site

/// `JSONText.quoted` escapes on UTF-8 bytes; written scalar by scalar (`quotedByScalars`) it must say the same for
/// any text: controls, the escaped ASCII, U+2028/U+2029 and their neighbours, other three-byte scalars that start
/// with E2 80, CJK, emoji and combining marks.
struct JSONTextTests {
    static let pieces = ["a", "Z", " ", "\"", "\\", "\n", "\r", "\r\n", "\t", "<", ">", "&", "/", "\u{0}", "\u{1}", "\u{1F}", "\u{7F}",
                         "\u{2027}", "\u{2028}", "\u{2029}", "\u{202A}", "\u{2014}", "“", "”", "…", "马斯克", "é", "e\u{301}",
                         "😀", "\u{FEFF}", "\u{E2}\u{80}", "ａ"]

    @Test func matchesTheScalarVersionOnRandomText() {
        var random = SplitMix64(seed: 2028)
        for _ in 0..<3000 {
            let text = (0..<Int(random.next() % 16)).map { _ in Self.pieces[Int(random.next() % UInt64(Self.pieces.count))] }.joined()
            #expect(JSONText.quoted(text) == JSONText.quotedByScalars(text), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func escapesWhatAScriptElementCannotHold() {
        #expect(JSONText.quoted("a</script>\u{2028}\u{2029}\u{1}\"\\") == #""a\u003c/script\u003e\u2028\u2029\u0001\"\\""#)
        #expect(JSONText.quoted("—马斯克") == "\"—马斯克\"")
    }

    @Test func appendsAfterWhatIsThere() {
        var bytes = Array("x:".utf8)
        JSONText.append("<", to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == #"x:"\u003c""#)
    }
}
