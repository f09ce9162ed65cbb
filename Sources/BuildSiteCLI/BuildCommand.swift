import ArgumentParser

/// `build-site build`: renders the site and syncs it into the output folder. (Skeleton.)
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Build the site into site/ (the default).")
    func run() async throws {}
}
