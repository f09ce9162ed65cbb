import ArgumentParser
import Foundation
import Site

/// `build-site build` (the default): renders the whole site in memory, checks it, and only then syncs it
/// into the output folder. Any error leaves the output folder exactly as it was.
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Build the site into site/ (the default command).")

    @Option(name: .long, help: ArgumentHelp("The site folder, holding content/ and templates/.", valueName: "dir"))
    var root: String = "."

    @Option(name: .long, help: ArgumentHelp("Where to write the site (default: <root>/site).", valueName: "dir"))
    var output: String?

    @Flag(name: .long, help: "Include pages marked draft: true.")
    var drafts = false

    @Flag(name: .long, help: ArgumentHelp(
        "Build into a non-empty output folder that build-site did not create.",
        discussion: "Files the build does not produce are left alone; a file it would overwrite stops the build (they are listed) unless it already has exactly the new bytes."))
    var force = false

    @Flag(name: .long, help: ArgumentHelp(
        "Render every {% cache %} block on every page instead of reusing its output.",
        discussion: "Slower; a site whose output changes with this flag has a {% cache %} block whose keys miss something its output depends on."))
    var noFragmentCache = false

    @Flag(name: .long, help: ArgumentHelp(
        "After building, print how often each template, include, macro and {% cache %} tag ran, and how long it took.",
        discussion: "The rows are sorted by total time; a row's time includes the rows it calls. Measuring slows the render a little."))
    var templateMetrics = false

    @Flag(inversion: .prefixedNo, help: ArgumentHelp(
        "Keep the last build in a cache and redo only what changed (off by default).",
        discussion: "The cache (.build-site-cache/incremental/ in the site folder) lets a build after a small change redo only what changed; the output is the same either way, and deleting the cache is always safe. It is off by default because keeping it costs more than it saves on a large site today (README, Performance); `serve` is incremental by default."))
    var incremental = false

    @Flag(name: .shortAndLong, help: "Print errors only.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "List every file written and removed.")
    var verbose = false

    func run() async throws {
        let start = ContinuousClock.now
        // A file-size limit (`ulimit -f`) then fails a write with EFBIG, reported like a full disk, instead of
        // killing the build with SIGXFSZ.
        signal(SIGXFSZ, SIG_IGN)
        let rootURL = URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL
        let outputURL = output.map { URL(fileURLWithPath: $0, isDirectory: true).standardizedFileURL }
            ?? rootURL.appendingPathComponent("site", isDirectory: true)
        let printer = DiagnosticPrinter(root: rootURL)
        if let problem = RootFolder.problem(rootURL, argument: root) {
            printer.print([problem])
            printer.printSummary(failures: 1, output: displayPath(outputURL, root: rootURL))
            throw ExitCode.failure
        }

        if let problem = OutputPlacement.problem(output: outputURL, root: rootURL, explicit: output != nil,
                                                 home: ProcessInfo.processInfo.environment["HOME"]) {
            printer.print([problem])
            throw ExitCode.failure
        }
        // One build at a time per output folder, from before the build to the last rename; and a build killed
        // during its rename pass is completed now, before anything else (even when this build fails).
        let lock: OutputLock?
        do {
            lock = try OutputLock.acquire(outputURL, creating: false)
            if lock != nil { try OutputSync.recover(outputURL) }
        } catch {
            printer.print([error])
            throw ExitCode.failure
        }

        let site: BuiltSite
        // The process exits after this one build: its memory goes back to the system then, all at once.
        let options = BuildOptions(root: rootURL, includeDrafts: drafts, reusesFragments: !noFragmentCache,
                                   measuresTemplates: templateMetrics, freesMemory: false)
        // The last build, from the cache, when it can be trusted (`SessionCache`); measuring templates renders
        // every page, so it builds everything.
        let session = BuildSession(incremental: incremental && !templateMetrics)
        var cacheClock = StepClock()
        let note = session.isIncremental
            ? cacheClock.step("load cache") { SessionCache.restore(session, options: options, output: outputURL, version: BuildSiteVersion.current) }
            : nil
        // Nothing changed, in the sources or in the output: the output folder already holds this build.
        if let upToDate = note?.upToDate {
            if !upToDate.warnings.isEmpty { printer.print(upToDate.warnings) }
            if verbose {
                if let note { print("  \(note)") }
                for timing in cacheClock.timings {
                    print("  \(timing.step.padding(toLength: 24, withPad: " ", startingAt: 0)) "
                        + "\(Self.milliseconds(timing.wall)) ms (cpu \(Self.milliseconds(timing.cpu)) ms)")
                }
            }
            if !quiet {
                let milliseconds = Self.milliseconds(ContinuousClock.now - start)
                print("Built \(upToDate.pageCount) pages (\(upToDate.files) files): 0 written, \(upToDate.files) unchanged, 0 removed "
                    + "in \(milliseconds) ms → \(displayPath(outputURL, root: rootURL))")
            }
            return
        }
        do {
            site = try session.build(options)
        } catch {
            printer.print(error.diagnostics)
            printer.printSummary(failures: error.diagnostics.count, output: displayPath(outputURL, root: rootURL))
            throw ExitCode.failure
        }
        if !site.warnings.isEmpty { printer.print(site.warnings) }
        var clock = StepClock()
        let report: SyncReport
        do {
            report = try clock.step("write output") { () throws(Diagnostic) in
                try OutputSync.write(site, to: outputURL, force: force, lock: lock, unchanged: note?.unchanged ?? OutputSync.Unchanged())
            }
        } catch {
            printer.print([error])
            throw ExitCode.failure
        }
        var saveProblem: String?
        if let note, session.isIncremental, site.incremental?.reusedWholeBuild != true || !note.restored {
            saveProblem = clock.step("save cache") {
                SessionCache.save(session, options: options, output: outputURL, version: BuildSiteVersion.current, note: note)
            }
        }
        if verbose {
            if let note { print("  \(note)") }
            if let summary = site.incremental { print("  \(summary.description)") }
            if let saveProblem { print("  \(saveProblem)") }
            for timing in cacheClock.timings + site.timings + clock.timings {
                print("  \(timing.step.padding(toLength: 24, withPad: " ", startingAt: 0)) "
                    + "\(Self.milliseconds(timing.wall)) ms (cpu \(Self.milliseconds(timing.cpu)) ms)")
            }
            print("  \("  of which rename pass".padding(toLength: 24, withPad: " ", startingAt: 0)) "
                + "\(Self.milliseconds(report.renamePass)) ms (cpu \(Self.milliseconds(report.renamePassCPU)) ms)")
            for path in report.written { print("  wrote   \(path)") }
            for path in report.removed { print("  removed \(path)") }
        }
        // Asked for by name, so printed even with --quiet.
        if templateMetrics {
            for line in TemplateMetricsTable.lines(site.templateMetrics) { print(line) }
            print()
        }
        if !quiet {
            let milliseconds = Self.milliseconds(ContinuousClock.now - start)
            print("Built \(site.pageCount) pages (\(site.files.count) files): \(report.written.count) written, "
                + "\(report.unchanged) unchanged, \(report.removed.count) removed in \(milliseconds) ms → \(displayPath(outputURL, root: rootURL))")
        }
        // Every page's bytes, a few hundred megabytes on a large site, and the session's parsed templates: not
        // freed one by one on the way out.
        BackgroundRelease.keepUntilExit(site)
        BackgroundRelease.keepUntilExit(session)
    }

    static func milliseconds(_ duration: Duration) -> Int {
        Int(duration.components.seconds * 1000) + Int(duration.components.attoseconds / 1_000_000_000_000_000)
    }

    private func displayPath(_ url: URL, root: URL) -> String {
        let path = url.path
        let base = FileManager.default.currentDirectoryPath
        if path.hasPrefix(base + "/") { return String(path.dropFirst(base.count + 1)) + "/" }
        return path + "/"
    }
}
