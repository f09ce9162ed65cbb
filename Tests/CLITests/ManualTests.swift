import Foundation
import Testing

/// The manual in docs/ against the real program: every option `--help` prints is in the command-line reference,
/// and the manual itself builds with no error (its links and anchors checked like any site's).
@Suite struct ManualTests {
    static let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs")

    /// The subcommands `build-site --help` lists.
    static func subcommands(_ binary: BuildSiteBinary) throws -> [String] {
        let help = try binary.run(["--help"]).stdout
        guard let start = help.range(of: "SUBCOMMANDS:") else { return [] }
        return help[start.upperBound...].split(separator: "\n").compactMap { line in
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let word = line.split(separator: " ").first else { return nil }
            return String(word)
        }.filter { $0 != "See" }
    }

    /// The long options a `--help` text names, `--help` itself left out.
    static func options(in help: String) -> Set<String> {
        var found: Set<String> = []
        let pattern = try! Regex(#"--[a-z][a-z0-9-]*"#)
        for match in help.matches(of: pattern) { found.insert(String(help[match.range])) }
        return found.subtracting(["--help"])
    }

    @Test func everyOptionIsInTheCommandLineReference() throws {
        let binary = try BuildSiteBinary.locate()
        let reference = try String(contentsOf: Self.docs.appendingPathComponent("content/reference/cli.md"), encoding: .utf8)
        let commands = try Self.subcommands(binary)
        #expect(commands.contains("build") && commands.contains("serve"), "read no subcommand from --help: \(commands)")
        for command in commands {
            #expect(reference.contains("## `build-site \(command)`"), "the reference has no section for \(command)")
            let help = try binary.run(["help", command]).stdout
            let options = Self.options(in: help)
            #expect(!options.isEmpty || command == "help", "read no option from 'help \(command)'")
            for option in options.sorted() {
                #expect(reference.contains("`\(option)"), "'build-site \(command) \(option)' is not in docs/content/reference/cli.md")
            }
        }
        for option in Self.options(in: try binary.run(["--help"]).stdout).sorted() {
            #expect(reference.contains("`\(option)"), "'build-site \(option)' is not in docs/content/reference/cli.md")
        }
    }

    @Test func theManualBuildsWithNoError() throws {
        let binary = try BuildSiteBinary.locate()
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("manual-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let outcome = try binary.run(["build", "--root", Self.docs.path, "--output", output.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("reference/context/index.html").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("guide/tutorial/index.html").path))
    }
}
