import Foundation
import Testing

/// The manual's tutorial (docs/content/guide/tutorial.md), followed literally: every ```sh block, in order, run by
/// bash in an empty folder with the real `build-site` on the PATH. (```console blocks show output or need root,
/// and are not run.)
@Suite struct TutorialTests {
    static let tutorial = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/content/guide/tutorial.md")

    /// The `sh` blocks of a Markdown text, in order.
    static func shellBlocks(_ markdown: String) -> [String] {
        var blocks: [String] = []
        var current: [Substring]?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line == "```sh" {
                current = []
            } else if current != nil, line == "```" {
                blocks.append(current!.joined(separator: "\n"))
                current = nil
            } else if current != nil {
                current!.append(line)
            }
        }
        return blocks
    }

    /// Runs `blocks` in order as one bash script (`set -euo pipefail`) in `folder`, with the real `build-site`
    /// first on the PATH: its exit status and what it wrote to standard error.
    static func run(_ blocks: [String], in folder: URL, binary: BuildSiteBinary) throws -> (status: Int32, stderr: String) {
        let script = "set -euo pipefail\nexport PATH=\"\(binary.url.deletingLastPathComponent().path):$PATH\"\n"
            + blocks.joined(separator: "\n")
        let bash = Process()
        bash.executableURL = URL(fileURLWithPath: "/bin/bash")
        bash.arguments = ["-c", script]
        bash.currentDirectoryURL = folder
        let errors = Pipe()
        bash.standardError = errors
        bash.standardOutput = FileHandle.nullDevice
        try bash.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        bash.waitUntilExit()
        return (bash.terminationStatus, stderr)
    }

    @Test func theTutorialWorksAsWritten() throws {
        let binary = try BuildSiteBinary.locate()
        let blocks = Self.shellBlocks(try String(contentsOf: Self.tutorial, encoding: .utf8))
        #expect(blocks.count >= 3, "the tutorial lost its commands")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tutorial-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (status, stderr) = try Self.run(blocks, in: folder, binary: binary)
        #expect(status == 0, "the tutorial's commands failed:\n\(stderr)")
        let site = folder.appendingPathComponent("my-explainer")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("site/index.html").path))
        #expect(FileManager.default.fileExists(
            atPath: site.appendingPathComponent("content/timeline/the-first-public-demonstration.md").path))
    }
}
