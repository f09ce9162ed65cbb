import Foundation
import Testing

/// The `build-site serve` binary itself: prints the URL it listens on, serves, and exits 0 on SIGTERM/SIGINT.
@Suite struct ServeCommandTests {
    /// `swift test` builds the executable next to the test bundle.
    static let binary = Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("build-site")

    /// Starts `build-site serve` on an ephemeral port and returns it with the port it printed.
    private func start(_ site: TemporarySite) async throws -> (Process, UInt16, String) {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["serve", "--root", site.root.path, "--port", "0"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let line = await offThread { () -> String in
            var text = ""
            while !text.contains("\n") {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                text += String(decoding: chunk, as: UTF8.self)
            }
            return text
        }
        let url = URL(string: line.replacingOccurrences(of: "Serving at ", with: "").trimmingCharacters(in: .whitespacesAndNewlines))
        guard let port = url?.port.flatMap({ UInt16(exactly: $0) }) else {
            process.terminate()
            process.waitUntilExit()
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "no URL in \(line)"])
        }
        return (process, port, line)
    }

    /// Sends `signal` and waits for the process to end; returns its exit status.
    private func stop(_ process: Process, with signal: Int32) async -> Int32 {
        kill(process.processIdentifier, signal)
        return await offThread { () -> Int32 in
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary.path)), arguments: [SIGTERM, SIGINT])
    func servesAndStopsCleanly(signal: Int32) async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let (process, port, line) = try await start(site)
        #expect(line.hasPrefix("Serving at http://127.0.0.1:"))
        let home = await RawResponse.fetch(port: port, "/")
        #expect(home?.status == 200)
        let status = await stop(process, with: signal)
        #expect(status == 0)
        #expect(process.terminationReason == .exit)
        #expect(!site.hasSiteFolder)
    }

    /// The fixture's base_url has a sub path (/preview/), but the preview serves at `/`: the 404 page it sends for a
    /// deep missing path must link to files it serves.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary.path)))
    func theNotFoundPageForADeepPathLinksToServedFiles() async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let (process, port, _) = try await start(site)
        let path = "/timeline/nope/deeper/"
        let page = await RawResponse.fetch(port: port, path)
        let stylesheet = page?.linkValues.first { $0.hasSuffix("style.css") }
        let target = stylesheet.flatMap { RawResponse.resolve($0, from: path, port: port) }
        var css: RawResponse?
        if let target { css = await RawResponse.fetch(port: port, target) }
        _ = await stop(process, with: SIGTERM)
        #expect(page?.status == 404)
        #expect(stylesheet == "/style.css")
        #expect(css?.status == 200 && css?.headers["content-type"] == "text/css; charset=utf-8")
    }
}
