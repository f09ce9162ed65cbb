import Foundation
import Testing
@testable import Preview
import Site

/// Starts a preview server on an ephemeral loopback port for the duration of `body`, then stops it.
func withServer(build: @escaping PreviewServer.Build, root: URL? = nil, clientTimeout: Duration = .seconds(30),
                _ body: (PreviewServer, UInt16) async throws -> Void) async throws {
    let configuration = PreviewConfiguration(port: 0, root: root, clientTimeout: clientTimeout)
    let server = try PreviewServer(configuration: configuration, build: build)
    let url = try await server.start()
    let port = try #require(url.port.flatMap { UInt16(exactly: $0) })
    #expect(url.host == "127.0.0.1")
    do {
        try await body(server, port)
    } catch {
        await server.stop()
        throw error
    }
    await server.stop()
}
