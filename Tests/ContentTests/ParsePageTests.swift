import Foundation
import Testing
@testable import Content

/// `ContentLoader.parsePage` on its own, and robustness against mangled input.
@Suite struct ParsePageTests {
    @Test func parsesOnePage() throws {
        let page = try ContentLoader.parsePage("---\ntitle: One\ndate: 2015-05\npeople: [a]\n---\nBody\n",
                                               source: "content/timeline/one.md")
        #expect(page.url == "/timeline/one/")
        #expect(page.date?.iso == "2015-05")
        #expect(page.relations.isEmpty)
        #expect(page.bodyStartLine == 6)
    }

    @Test func reportsEveryProblemOfTheFile() {
        #expect(throws: ContentErrors.self) {
            try ContentLoader.parsePage("---\ntitle: [x]\ndate: 2015-02-30\ndraft: maybe\n---\n", source: "content/x.md")
        }
        do {
            _ = try ContentLoader.parsePage("---\ntitle: [x]\ndate: 2015-02-30\ndraft: maybe\n---\n", source: "content/x.md")
        } catch {
            #expect(error.errors.map(\.line) == [2, 3, 4])
        }
    }

    @Test func parsesConfigAlone() throws {
        let config = try ContentLoader.parseConfig("title: T\ncollections:\n  a: {sort_by: date, order: desc}\n")
        #expect(config.title == "T")
        #expect(config.collection(named: "a")?.descending == true)
        #expect(throws: ContentErrors.self) { try ContentLoader.parseConfig("collections: [a]\n") }
    }

    @Test func rejectsPathsThatAreNotPages() {
        #expect(throws: ContentErrors.self) { try ContentLoader.parsePage("---\ntitle: x\n---\n", source: "content/a/b/c.md") }
    }

    /// Cuts, duplicates and byte flips of real fixture files, with a fixed seed: the parser must
    /// return a page or errors, never crash or hang. (The libFuzzer target does the same at scale.)
    @Test func mangledInputNeverCrashes() throws {
        let folder = Fixtures.good("basic").appendingPathComponent("content/timeline")
        let seeds = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map {
            try Data(contentsOf: folder.appendingPathComponent($0))
        }
        var random = SplitMix(seed: 2026)
        var parsed = 0, rejected = 0
        for _ in 0..<3_000 {
            var bytes = [UInt8](seeds[Int(random.next() % UInt64(seeds.count))])
            for _ in 0..<(1 + random.next() % 4) {
                guard !bytes.isEmpty else { break }
                let position = Int(random.next() % UInt64(bytes.count))
                switch random.next() % 4 {
                case 0: bytes[position] = UInt8(truncatingIfNeeded: random.next())
                case 1: bytes.remove(at: position)
                case 2: bytes.insert(contentsOf: bytes[position...].prefix(8), at: position)
                default: bytes.insert([0x2D, 0x2D, 0x2D, 0x0A, 0x5B, 0x3A, 0x26, 0x2A, 0x7B][Int(random.next() % 9)], at: position)
                }
            }
            let text = String(decoding: bytes, as: UTF8.self)
            do {
                _ = try ContentLoader.parsePage(text, source: "content/timeline/fuzz.md")
                parsed += 1
            } catch {
                #expect(!error.errors.isEmpty)
                rejected += 1
            }
        }
        #expect(parsed > 0 && rejected > 0)
    }
}

/// A tiny deterministic generator (SplitMix64), so a failure can be replayed; the target's tests share it.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
