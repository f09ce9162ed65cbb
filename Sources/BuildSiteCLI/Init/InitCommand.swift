import ArgumentParser
import Foundation
import Site

/// `build-site init [DIR]`: writes a small working example site (a timeline, two profiles, a home page, a data
/// file, templates and a stylesheet) into an empty or new folder.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new example site in an empty folder.",
        discussion: """
        Writes site.yml, content/, data/, templates/ and static/ of a small explainer (invented example text) \
        that builds as it is: build-site --root DIR. Refuses a folder that is not empty.
        """
    )

    @Argument(help: ArgumentHelp("The folder to create the site in; made if absent, refused if not empty.", valueName: "dir"))
    var directory: String = "."

    func run() throws {
        let target = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL
        let printer = DiagnosticPrinter(root: target)
        let count: Int
        do {
            count = try SiteInitializer.write(Starter.load(), into: target, shownAs: directory)
        } catch {
            printer.print([error])
            throw ExitCode.failure
        }
        let root = directory == "." ? "" : " --root \(directory)"
        print("Created a new site in \(directory == "." ? "this folder" : directory) (\(count) files).")
        print("Build it:   build-site\(root)")
        print("Preview it: build-site serve\(root)")
    }
}
