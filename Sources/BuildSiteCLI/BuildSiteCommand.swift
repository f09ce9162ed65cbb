import ArgumentParser

/// The `build-site` command: building is the default subcommand. (Skeleton.)
public struct BuildSiteCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "build-site")
    public init() {}
    public func run() throws {}
}
