import ArgumentParser

/// `build-site serve`: builds into memory and serves with live reload. (Skeleton; the preview helper owns this file.)
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Preview the site in a browser with live reload.")
    func run() async throws {}
}
