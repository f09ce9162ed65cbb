import Foundation
import Testing
@testable import Preview

/// The injected script itself, run by Node against stand-ins for the few browser APIs it touches.
/// Skipped where Node is not installed; everything else about live reload is tested over HTTP.
@Suite struct LiveReloadBrowserTests {
    static let node = ["/usr/bin/node", "/usr/local/bin/node", "/opt/homebrew/bin/node"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    private struct Results: Decodable, Equatable {
        var eventURL: String
        var reloadsAfterCurrentHello: Int
        var addedStylesheets: [String]
        var oldStylesheetRemoved: Bool
        var crossOriginStylesheetKept: Bool
        var reloadsAfterHelloWithSwappedVersion: Int
        var reloadsAfterStaleHello: Int
        var reloadsAfterReloadEvent: Int
    }

    @Test(.enabled(if: node != nil))
    func reloadsOnlyWhenItShouldAndSwapsSameOriginStylesheets() async throws {
        let node = try #require(Self.node)
        let harness = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
            .appendingPathComponent("live-reload-harness.js")
        let tag = LiveReloadScript.tag(version: "abc-3")
        let script = tag.replacingOccurrences(of: "<script data-build-site-live-reload>", with: "")
            .replacingOccurrences(of: "</script>", with: "")
        let output = await offThread { () -> Data in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: node)
            process.arguments = [harness.path, "abc-3"]
            let input = Pipe()
            let output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            do { try process.run() } catch { return Data() }
            input.fileHandleForWriting.write(Data(script.utf8))
            try? input.fileHandleForWriting.close()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return data
        }
        let results = try JSONDecoder().decode(Results.self, from: output)
        #expect(results == Results(
            eventURL: "/__build-site/events",
            reloadsAfterCurrentHello: 0,
            addedStylesheets: ["http://127.0.0.1:8000/style.css?v=1&__build_site=next"],
            oldStylesheetRemoved: true,
            crossOriginStylesheetKept: true,
            reloadsAfterHelloWithSwappedVersion: 0,
            reloadsAfterStaleHello: 1,
            reloadsAfterReloadEvent: 2
        ))
    }

    private struct PageResults: Decodable, Equatable {
        struct Unlisted: Decodable, Equatable { var reloads: Int; var fetches: Int; var main: String }
        struct Swapped: Decodable, Equatable {
            var reloads: Int; var fetches: [[String]]; var main: String; var imported: Bool; var scrolledTo: [String]
        }
        var unlisted: Unlisted
        var swapped: Swapped
        var reloadsWhenListed: Int
        var reloadsWhenAnAssetItLoadedChanged: Int
        var reloadsWhenTheNewPageHasNoMain: Int
    }

    /// The `pages` event: a page it does not name takes the version and does nothing; the page it names to
    /// swap fetches itself once and replaces its `<main>`, keeping the scroll position; a page named to
    /// reload, one that loaded a changed file, and one whose new version has no `<main>` reload.
    @Test(.enabled(if: node != nil))
    func pagesEventSwapsMainOnlyInTheNamedPage() async throws {
        let node = try #require(Self.node)
        let harness = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
            .appendingPathComponent("live-reload-pages-harness.js")
        let tag = LiveReloadScript.tag(version: "v-1", page: "timeline/a/index.html", root: "/sub/")
        let script = tag.replacingOccurrences(of: "<script data-build-site-live-reload>", with: "")
            .replacingOccurrences(of: "</script>", with: "")
        let output = await offThread { () -> Data in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: node)
            process.arguments = [harness.path]
            let input = Pipe()
            let output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            do { try process.run() } catch { return Data() }
            input.fileHandleForWriting.write(Data(script.utf8))
            try? input.fileHandleForWriting.close()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return data
        }
        let results = try JSONDecoder().decode(PageResults.self, from: output)
        #expect(results == PageResults(
            unlisted: .init(reloads: 0, fetches: 0, main: "old body"),
            swapped: .init(reloads: 0, fetches: [["http://127.0.0.1:8000/sub/timeline/a/#notes", "no-store"]], main: "new body",
                           imported: true, scrolledTo: ["0", "1200", "instant"]),
            reloadsWhenListed: 1,
            reloadsWhenAnAssetItLoadedChanged: 2,
            reloadsWhenTheNewPageHasNoMain: 3
        ))
    }
}
