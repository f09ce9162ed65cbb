import ArgumentParser
import Foundation

/// The `build-site` command: `build` is the default subcommand, `serve` previews.
public struct BuildSiteCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "build-site",
        abstract: "Build a static site from content/ and templates/, or preview it.",
        subcommands: [BuildCommand.self, ServeCommand.self],
        defaultSubcommand: BuildCommand.self
    )
    public init() {}

    /// Runs with this process's arguments; refuses to run at all when the platform cannot give them
    /// (see `ProcessArguments`), instead of building the current folder.
    public static func mainWithProcessArguments() async {
        guard let arguments = ProcessArguments.current() else {
            FileHandle.standardError.write(Data((ProcessArguments.unavailable + "\n").utf8))
            Foundation.exit(1)
        }
        await main(arguments)
    }
}
