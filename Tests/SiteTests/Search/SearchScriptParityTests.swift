import Foundation
import Testing
@testable import Site

/// The search script cuts and folds a query exactly as `SearchText` cut and folded the pages, and hashes a
/// term to the same shard: run under Node against stand-ins for the few browser objects it reads. Skipped
/// where Node is not installed (the browser check, `.ci/check-search.py`, covers the whole script).
struct SearchScriptParityTests {
    static let node = ["/usr/bin/node", "/usr/local/bin/node", "/opt/homebrew/bin/node"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static let samples = [
        "Émile ÉMILE emile", "ΣΟΦΟΣ σοφος", "OpenAI的马斯克与奥特曼", "ﬁle ＡＩ ½ Ⅻ ①", "カタカナ and ひらがな", "Crème brûlée, 2025!",
        "straße İstanbul ǅemal", "Musk's $97.4 billion bid", "ｶﾀｶﾅ", "한국어 텍스트", "x" + String(repeating: "y", count: 45),
    ]

    private struct Result: Decodable, Equatable {
        var terms: [String]
        var shards: [Int]
    }

    private static let harness = """
        globalThis.window = globalThis;
        globalThis.document = { currentScript: { src: "http://127.0.0.1/search/search.js" },
          querySelector: () => null, querySelectorAll: () => [], head: { appendChild() {} }, createElement: () => ({}) };
        let source = "";
        process.stdin.on("data", (chunk) => { source += chunk; });
        process.stdin.on("end", () => {
          (0, eval)(source);
          const internals = window.__buildSiteSearch.internals;
          const samples = JSON.parse(process.argv[1]);
          console.log(JSON.stringify(samples.map((text) => {
            const terms = internals.terms(text).map((t) => t.term);
            return { terms: terms, shards: terms.map((t) => internals.shardOf(t, 97)) };
          })));
        });
        """

    @Test(.enabled(if: node != nil))
    func queriesAreCutFoldedAndShardedLikeThePages() throws {
        let node = try #require(Self.node)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: node)
        process.arguments = ["-e", Self.harness, String(decoding: try JSONEncoder().encode(Self.samples), as: UTF8.self)]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(SearchScript.source.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let fromScript = try JSONDecoder().decode([Result].self, from: data)
        let fromSwift = Self.samples.map { text -> Result in
            var terms: [String] = []
            SearchText.terms(text) { if !terms.contains($0) { terms.append($0) } }
            return Result(terms: terms, shards: terms.map { SearchText.shard(of: $0, count: 97) })
        }
        #expect(fromScript == fromSwift)
        #expect(fromSwift[2].terms.contains("马斯"), "the samples do exercise bigrams")
    }
}
