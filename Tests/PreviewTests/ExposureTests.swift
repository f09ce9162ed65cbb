import Foundation
import Testing
@testable import Preview
import Site

/// Preview server exposure (issue 19, item 6): DNS rebinding, a preview visible to the network, clients that
/// went away, and saves made in two writes. The Host check and the warning run the real `build-site serve`.
@Suite struct ExposureTests {
    static let binary = ServeCommandTests.binary

    /// `build-site serve` on a temporary site; returns its port, and its stderr once it has stopped.
    private func serve(_ arguments: [String], _ body: (UInt16) async throws -> Void) async throws -> String {
        let site = try TemporarySite()
        defer { site.remove() }
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["serve", "--root", site.root.path, "--port", "0"] + arguments
        let (output, errors) = (Pipe(), Pipe())
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read on a thread of its own (`offThread`), never on the small cooperative pool, which a blocking
        // read would starve.
        async let errorText = offThread { String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) }
        let line = await offThread { () -> String in
            var text = ""
            while !text.contains("\n") {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                text += String(decoding: chunk, as: UTF8.self)
            }
            return text
        }
        defer {
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
        }
        let url = try #require(URL(string: line.replacingOccurrences(of: "Serving at ", with: "").trimmingCharacters(in: .whitespacesAndNewlines)))
        let port = try #require(url.port.flatMap { UInt16(exactly: $0) })
        try await body(port)
        kill(process.processIdentifier, SIGTERM)
        return await errorText
    }

    private func status(_ port: UInt16, host: String?) async -> Int? {
        let field = host.map { "Host: \($0)\r\n" } ?? ""
        return await RawResponse.exchange(port: port, "GET / HTTP/1.1\r\n\(field)Connection: close\r\n\r\n")?.status
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary.path)))
    func onlyTheServedAddressIsAnswered() async throws {
        let stderr = try await serve([]) { port in
            for host in ["127.0.0.1:\(port)", "localhost:\(port)", "LOCALHOST:\(port)", "[::1]:\(port)"] {
                #expect(await status(port, host: host) == 200, "\(host)")
            }
            for host in ["evil.example:\(port)", "evil.example", "127.0.0.1", "127.0.0.1:\(port == 1 ? 2 : 1)",
                         "localhost.evil.example:\(port)", "127.0.0.1:\(port)@evil.example", ""] {
                let response = await RawResponse.exchange(port: port, "GET / HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n")
                #expect(response?.status == 403, "\(host)")
                #expect(response?.text.contains("answers only to its own address") == true, "\(host)")
            }
            #expect(await status(port, host: nil) == 403, "HTTP/1.1 without a Host")
            let old = await RawResponse.exchange(port: port, "GET / HTTP/1.0\r\n\r\n")
            #expect(old?.status == 200, "HTTP/1.0 without a Host")
        }
        #expect(!stderr.contains("warning:"), "\(stderr)")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary.path)))
    func aNetworkAddressIsAnnouncedWithAWarning() async throws {
        let addresses = HostCheck.interfaceAddresses().filter { !$0.hasPrefix("127.") && $0 != "[::1]" && !$0.hasPrefix("[") }
        var bound: UInt16 = 0
        let stderr = try await serve(["--host", "0.0.0.0"]) { port in
            bound = port
            #expect(await status(port, host: "127.0.0.1:\(port)") == 200)
            #expect(await status(port, host: "evil.example:\(port)") == 403)
            // Listening on every interface: the machine's own addresses name it too.
            for address in addresses {
                #expect(await status(port, host: "\(address):\(port)") == 200, "\(address)")
            }
        }
        #expect(stderr.contains("Listening on 0.0.0.0:\(bound): "), "\(stderr)")
        #expect(stderr.contains("warning: the preview, drafts included, is visible to every machine that can reach this address; "
            + "use --host 127.0.0.1 to keep it on this one"), "\(stderr)")
        for address in addresses {
            #expect(stderr.contains("http://\(address):\(bound)/"), "\(stderr)")
        }
    }

    /// The heartbeat that used to notice a closed tab comes every 15 s; the stream must go within a second or two.
    @Test func anEventStreamWhoseClientLeftIsClosedPromptly() async throws {
        let fake = FakeBuild()
        try await withServer(build: fake.build) { server, port in
            let connection = await offThread { () -> LoopbackConnection? in
                let connection = LoopbackConnection(port: port, timeout: 2)
                connection?.send("GET /__build-site/events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n")
                _ = connection?.receive()
                return connection
            }
            #expect(connection != nil)
            #expect(await eventually { server.liveReloadClients == 1 })
            withExtendedLifetime(connection) {}
            // The last reference goes: the socket is closed, as when a tab is closed.
            _ = consume connection
            #expect(await eventually(timeout: .seconds(3)) { server.liveReloadClients == 0 && server.openConnections == 0 })
        }
    }

    /// An editor that truncates a file and writes it again 40 ms later: the half-saved file fails to build,
    /// but that failure is never shown; the page reloads once, with the new text.
    @Test func aSaveInTwoWritesShowsNoTransientError() async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let lines = Gathered()
        let options = BuildOptions(root: site.root, includeDrafts: false)
        let server = try PreviewServer(configuration: PreviewConfiguration(port: 0, root: site.root),
                                       build: { () throws(BuildFailure) in try SiteBuilder.build(options) },
                                       log: { lines.append($0) })
        let url = try await server.start()
        let port = try #require(url.port.flatMap { UInt16(exactly: $0) })
        defer { Task { await server.stop() } }
        for round in 0..<3 {
            let events = try #require(await EventStreamClient.open(port: port))
            let text = "---\ntitle: First event\ndate: 2015-12-11\n---\nSaved in two writes, round \(round).\n"
            await offThread {
                _ = try? site.write("content/timeline/first.md", "")
                usleep(40_000)
                _ = try? site.write("content/timeline/first.md", text)
            }
            #expect(await events.next("pages") != nil)
            let page = try #require(await RawResponse.fetch(port: port, "/timeline/first/"))
            #expect(page.status == 200 && page.text.contains("Saved in two writes, round \(round)."))
        }
        try await Task.sleep(for: .milliseconds(500))
        let published = lines.values.filter { $0.contains(" failed in ") }
        #expect(published.isEmpty, "a failure was shown: \(published)")
        await server.stop()
    }
}

/// Log lines collected from the server's threads.
private final class Gathered: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    var values: [String] { lock.withLock { lines } }
    func append(_ line: String) { lock.withLock { lines.append(line) } }
}
