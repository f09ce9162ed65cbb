import Testing
@testable import Site

/// The scanner on random text made of the characters that matter to it: it never crashes, every call it
/// accepts becomes exactly one placeholder, and its line map has one entry per line of what it wrote.
@Suite("Component scanner on random text")
struct ComponentScannerTests {
    static let library = ComponentLibrary([
        ComponentDeclaration(name: "box", arguments: [("kind", false)], hasBody: true),
        ComponentDeclaration(name: "tag", arguments: [("text", true)], hasBody: false),
    ])
    static let pieces = ["{{<", ">}}", "{{< box >}}", "{{< /box >}}", "{{< tag text=\"x\" >}}", "{{< tag", " text='y'",
                         "`", "``", "```\n", "\n", "\n\n", "    ", "\\", "\"", "a", "é", "/", "=", " kind=\"k\"", "<", ">", "{", "}"]

    /// A small deterministic generator (SplitMix64), so a failure can be replayed from its seed.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test func randomTextNeverCrashesTheScanner() {
        var generator = Generator(state: 20)
        var accepted = 0
        for _ in 0..<3_000 {
            let count = Int.random(in: 1...24, using: &generator)
            let text = (0..<count).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            guard let scanned = try? ComponentScanner(library: Self.library).scan(text) else { continue }
            accepted += 1
            let placeholders = scanned.markdown.components(separatedBy: "](component:").count - 1
            #expect(placeholders == scanned.calls.count, "\(text.debugDescription)")
            let lines = scanned.markdown.split(separator: "\n", omittingEmptySubsequences: false).count
            #expect(scanned.lineMap.count == lines, "\(text.debugDescription)")
            let inputLines = text.split(separator: "\n", omittingEmptySubsequences: false).count
            #expect(scanned.lineMap.allSatisfy { $0 >= 1 && $0 <= inputLines }, "\(text.debugDescription)")
        }
        #expect(accepted > 300, "the pieces should make many valid texts too")
    }
}
