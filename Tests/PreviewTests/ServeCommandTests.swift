import Foundation
import Testing

/// The `build-site serve` binary itself: prints the URL it listens on, serves, and exits 0 on SIGTERM/SIGINT.
@Suite struct ServeCommandTests {
    /// `swift test` builds the executable next to the test bundle.
    static let binary = Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("build-site")

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary.path)), arguments: [SIGTERM, SIGINT])
    func servesAndStopsCleanly(signal: Int32) async throws {
        let site = try TemporarySite()
        defer { site.remove() }
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
        let url = try #require(URL(string: line.replacingOccurrences(of: "Serving at ", with: "").trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(line.hasPrefix("Serving at http://127.0.0.1:"))
        let port = try #require(url.port.flatMap { UInt16(exactly: $0) })
        let home = await RawResponse.fetch(port: port, "/")
        #expect(home?.status == 200)
        kill(process.processIdentifier, signal)
        let status = await offThread { () -> Int32 in
            process.waitUntilExit()
            return process.terminationStatus
        }
        #expect(status == 0)
        #expect(process.terminationReason == .exit)
        #expect(!site.hasSiteFolder)
    }
}
