import Foundation
import Markdown
import Testing

@Suite struct ConcurrencyTests {
    /// Strikethrough and autolinks are the canaries: cmark-gfm keeps their trigger characters in
    /// process-wide state, so unsynchronised parsing would drop them at random.
    static let document = """
        # Title

        Text ~~struck~~ and www.example.com and https://example.org, a [link](a.md).

        | a | b |
        |---|---|
        | ~~x~~ | www.y.example |

        - [x] task[^n]

        [^n]: note
        """

    @Test func manyTasksRenderIdentically() async throws {
        let expected = try MarkdownRenderer.render(Self.document)
        #expect(expected.html.contains("<del>struck</del>"))
        #expect(expected.html.contains("<a href=\"http://www.example.com\">"))
        let results = try await withThrowingTaskGroup(of: [RenderedMarkdown].self) { group in
            for _ in 0..<16 {
                group.addTask {
                    try (0..<250).map { _ in try MarkdownRenderer.render(Self.document) }
                }
            }
            var all: [RenderedMarkdown] = []
            for try await batch in group { all += batch }
            return all
        }
        #expect(results.count == 4_000)
        #expect(results.allSatisfy { $0 == expected })
    }

    @Test func distinctDocumentsConcurrently() async throws {
        let inputs = (0..<200).map { "# Doc \($0)\n\n~~\($0)~~ www.site\($0).example [l](\($0).md)\n" }
        let serial = try inputs.map { try MarkdownRenderer.render($0) }
        let parallel = try await withThrowingTaskGroup(of: (Int, RenderedMarkdown).self) { group in
            for (index, input) in inputs.enumerated() {
                group.addTask { (index, try MarkdownRenderer.render(input)) }
            }
            var results = [RenderedMarkdown?](repeating: nil, count: inputs.count)
            for try await (index, result) in group { results[index] = result }
            return results
        }
        #expect(parallel == serial.map { Optional($0) })
    }
}
