import ArgumentParser
import Foundation

/// The `build-site` command: `build` is the default subcommand, `serve` previews, `init` starts a site and
/// `new` adds a page. `--version` and `--generate-completion-script` come from ArgumentParser.
public struct BuildSiteCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "build-site",
        abstract: "Build a static site from content/ and templates/, or preview it.",
        version: BuildSiteVersion.current,
        subcommands: [BuildCommand.self, ServeCommand.self, InitCommand.self, NewCommand.self],
        defaultSubcommand: BuildCommand.self
    )
    public init() {}

    /// Runs with this process's arguments; refuses to run at all when the platform cannot give them
    /// (see `ProcessArguments`), instead of building the current folder.
    public static func mainWithProcessArguments() async {
        guard let arguments = ProcessArguments.current() else {
            FileHandle.standardError.write(Data((ProcessArguments.unavailable + "\n").utf8))
            // `_exit`, not `exit`: without /proc, running the exit handlers raced a runtime thread and died of
            // SIGILL about one run in ten; there is nothing to flush or clean up at this point.
            _exit(1)
        }
        // A plain build is read without ArgumentParser's start-up cost (`QuickBuildArguments`).
        if let build = QuickBuildArguments.command(arguments) {
            do {
                try await build.run()
            } catch {
                exit(withError: error)
            }
            return
        }
        await main(arguments)
    }
}
