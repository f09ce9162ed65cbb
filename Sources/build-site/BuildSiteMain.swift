import BuildSiteCLI

/// The executable is only this: all logic lives in the testable BuildSiteCLI library.
@main
enum BuildSiteMain {
    static func main() async {
        await BuildSiteCommand.main()
    }
}
