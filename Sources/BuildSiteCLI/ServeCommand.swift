import ArgumentParser
import Foundation
import Preview
import Site

/// `build-site serve`: builds into memory and serves with live reload; never writes `site/`.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site in a browser with live reload.",
        discussion: """
        Builds the site into memory (never into site/), serves it on loopback, and rebuilds when \
        content/, templates/, static/ or site.yml change. Build errors show in the browser. Ctrl-C stops.
        """
    )

    @Option(help: "The site folder (holding content/, templates/, static/, site.yml).")
    var root: String = "."

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port: UInt16 = 8000

    @Option(help: "The IP address to listen on. Anything but loopback exposes the preview to the network.")
    var host: String = "127.0.0.1"

    @Flag(help: "Include pages marked draft: true.")
    var drafts = false

    @Flag(help: "Open the preview in the default browser.")
    var open = false

    @Flag(help: "Rebuild everything on every change, instead of only what the change affects.")
    var noIncremental = false

    @Flag(help: "Print each rebuild's steps with their wall and CPU times.")
    var verbose = false

    func run() async throws {
        signal(SIGPIPE, SIG_IGN)
        let termination = TerminationSignal.install()
        let rootURL = URL(fileURLWithPath: root).standardizedFileURL
        if let problem = RootFolder.problem(rootURL, argument: root) {
            DiagnosticPrinter(root: rootURL).print([problem])
            throw ExitCode.failure
        }
        // One session for every rebuild: it keeps the last good build and redoes only what a change affects
        // (`BuildSession`), or everything with --no-incremental (still reusing the parsed templates).
        let options = BuildOptions(root: rootURL, includeDrafts: drafts, cache: BuildCache())
        let session = BuildSession(incremental: !noIncremental)
        let verbose = verbose
        let configuration = PreviewConfiguration(host: host, port: port, root: rootURL)
        do {
            let server = try PreviewServer(configuration: configuration,
                                           build: { () throws(BuildFailure) in
                                               let site = try session.build(options)
                                               if let summary = site.incremental { printError(summary.description) }
                                               if verbose {
                                                   for timing in site.timings {
                                                       printError("  \(timing.step.padding(toLength: 24, withPad: " ", startingAt: 0)) "
                                                           + "\(BuildCommand.milliseconds(timing.wall)) ms (cpu \(BuildCommand.milliseconds(timing.cpu)) ms)")
                                                   }
                                               }
                                               return site
                                           },
                                           log: { printError($0) },
                                           // What the watcher saw written: the session checks only those files.
                                           changedPaths: { session.expect(changedPaths: $0) })
            let url = try await server.start()
            FileHandle.standardOutput.write(Data("Serving at \(url.absoluteString)\n".utf8))
            for line in server.exposureNotice { printError(line) }
            if open { openInBrowser(url) }
            _ = await termination.wait()
            await server.stop()
            printError("stopped")
        } catch {
            printError(error.description)
            throw ExitCode.failure
        }
    }

    /// Best effort: a missing `xdg-open` (a headless machine) only means the user opens the URL themselves.
    private func openInBrowser(_ url: URL) {
        let process = Process()
        #if os(macOS)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/open")
        process.arguments = [url.absoluteString]
        #else
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open", url.absoluteString]
        #endif
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try? process.run()
    }
}

/// Progress and errors go to stderr so stdout carries only the `Serving at` line scripts wait for.
private func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
