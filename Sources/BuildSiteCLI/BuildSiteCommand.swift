import ArgumentParser

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
}
