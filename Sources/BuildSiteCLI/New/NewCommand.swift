import ArgumentParser
import Foundation
import Site

/// `build-site new <collection> <slug-or-title>`: writes `content/<collection>/<slug>.md` with front matter for
/// every key the collection requires, as a draft. Never overwrites a file.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Add a page to a collection: content/<collection>/<slug>.md, as a draft.",
        discussion: """
        The front matter has a line for every key the collection's required: list names in site.yml \
        (today's date for dates, [] for relations). An existing file is never overwritten.
        """
    )

    @Argument(help: ArgumentHelp("A collection: a folder under content/ or a name under collections: in site.yml."))
    var collection: String

    @Argument(help: ArgumentHelp("The page's slug (opening-day) or its title (\"Opening day\").", valueName: "slug-or-title"))
    var name: String

    @Option(name: .long, help: ArgumentHelp("The site folder, holding site.yml and content/.", valueName: "dir"))
    var root: String = "."

    func run() throws {
        let rootURL = URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL
        let printer = DiagnosticPrinter(root: rootURL)
        do {
            let page = try NewPage.plan(root: rootURL, collection: collection, name: name, today: Self.today())
            try NewPage.write(page, root: rootURL)
            print("Created \(page.path) (a draft: build-site serve --drafts shows it)")
        } catch {
            printer.print([error])
            throw ExitCode.failure
        }
    }

    /// Today in UTC, `YYYY-MM-DD`: a new page's date. (The build itself never reads the clock.)
    static func today() -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        func two(_ number: Int?) -> String { String(format: "%02d", number ?? 1) }
        return "\(parts.year ?? 1970)-\(two(parts.month))-\(two(parts.day))"
    }
}

extension NewPage {
    /// Writes the page, making its collection's folder if needed.
    /// - Throws: a `Diagnostic` when the file exists (it is never replaced) or cannot be written.
    static func write(_ page: NewPage, root: URL) throws(Diagnostic) {
        let url = root.appendingPathComponent(page.path)
        if FileManager.default.fileExists(atPath: url.path) {
            throw Diagnostic(file: page.path, message: "this file already exists; build-site new never overwrites a file",
                             notes: ["choose another slug, or edit the existing page"])
        }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(page.text.utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            throw Diagnostic(file: page.path, message: "cannot write \(page.path): \(error.localizedDescription)")
        }
    }
}
