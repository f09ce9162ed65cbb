import ArgumentParser
import Testing
@testable import BuildSiteCLI

/// A plain build's arguments are read without ArgumentParser (`QuickBuildArguments`); whatever that reader
/// accepts must give the very command ArgumentParser gives, and whatever else must go to ArgumentParser.
struct QuickBuildArgumentsTests {
    /// The fields of a build command, to compare two of them.
    private func fields(_ command: BuildCommand) -> [String] {
        [command.root, command.output ?? "<nil>", "\(command.drafts)", "\(command.force)", "\(command.noFragmentCache)",
         "\(command.templateMetrics)", "\(command.incremental)", "\(command.quiet)", "\(command.verbose)"]
    }

    private func parsedByArgumentParser(_ arguments: [String]) throws -> BuildCommand? {
        try BuildSiteCommand.parseAsRoot(arguments) as? BuildCommand
    }

    static let pieces: [[String]] = [
        ["build"], ["--root", "demo"], ["--root=demo"], ["--output", "/tmp/out"], ["--output=out dir"], ["--drafts"], ["--force"],
        ["--no-fragment-cache"], ["--template-metrics"], ["--incremental"], ["--no-incremental"], ["-q"], ["--quiet"],
        ["-v"], ["--verbose"],
    ]

    @Test func everyFormItAcceptsParsesAsArgumentParserParsesIt() throws {
        var random = SeededNumbers(seed: 97)
        var accepted = 0
        for _ in 0..<2000 {
            var arguments = random.next() % 2 == 0 ? ["build"] : []
            for _ in 0..<Int(random.next() % 6) {
                let piece = Self.pieces[Int(random.next() % UInt64(Self.pieces.count))]
                if piece != ["build"] { arguments += piece }
            }
            guard let quick = QuickBuildArguments.command(arguments) else { continue }
            accepted += 1
            let parsed = try #require(try parsedByArgumentParser(arguments), "\(arguments)")
            #expect(fields(quick) == fields(parsed), "\(arguments)")
        }
        #expect(accepted > 500)
    }

    @Test func theDefaultsAreArgumentParsers() throws {
        let quick = try #require(QuickBuildArguments.command([]))
        #expect(fields(quick) == fields(try #require(try parsedByArgumentParser([]))))
        #expect(fields(quick) == [".", "<nil>", "false", "false", "false", "false", "false", "false", "false"])
    }

    @Test func leavesEverythingElseToArgumentParser() {
        for arguments in [["--help"], ["-h"], ["--version"], ["serve"], ["init", "x"], ["new", "timeline", "x"], ["build", "build"],
                          ["-qv"], ["-q", "-q"], ["--quiet", "-q"], ["--root", "a", "--root", "b"], ["--root"], ["--root", "-q"],
                          ["--root="], ["--incremental", "--no-incremental"], ["--", "x"], ["--roots", "x"], ["x"],
                          ["--generate-completion-script", "bash"], ["build", "--help"]] {
            #expect(QuickBuildArguments.command(arguments) == nil, "\(arguments)")
        }
    }
}

/// Numbers from a seed (a linear congruential generator, high bits), the same on every run.
private struct SeededNumbers {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 29
    }
}
