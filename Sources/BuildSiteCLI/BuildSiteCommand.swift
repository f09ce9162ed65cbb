import ArgumentParser

/// The `build-site` command: `build` is the default subcommand, `serve` previews.
public struct BuildSiteCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "build-site",
        abstract: "Build a static site from content/ and templates/, or preview it.",
        subcommands: [BuildCommand.self, ServeCommand.self],
        defaultSubcommand: BuildCommand.self
    )
    public init() {}
}
