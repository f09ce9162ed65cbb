import Foundation
import Testing
@testable import Preview
import Site

/// The preview as users meet it: the real `SiteBuilder` on a temporary copy of the fixture site,
/// a real watcher, and HTTP over loopback.
@Suite struct EndToEndTests {
    private func serve(_ site: TemporarySite, _ body: (PreviewServer, UInt16) async throws -> Void) async throws {
        let options = BuildOptions(root: site.root, includeDrafts: false)
        try await withServer(build: { () throws(BuildFailure) in try SiteBuilder.build(options) }, root: site.root, body)
    }

    @Test func servesTheFixtureSiteWithTheRightTypes() async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try await serve(site) { _, port in
            let expectations: [(String, Int, String, String?)] = [
                ("/", 200, "text/html; charset=utf-8", "Welcome to the preview fixture"),
                ("/timeline/", 200, "text/html; charset=utf-8", "First event"),
                ("/timeline/first/", 200, "text/html; charset=utf-8", "The original text of the first event."),
                ("/style.css", 200, "text/css; charset=utf-8", "system-ui"),
                ("/app.js", 200, "text/javascript; charset=utf-8", "dataset.js"),
                ("/logo.svg", 200, "image/svg+xml; charset=utf-8", "<svg"),
                ("/data.json", 200, "application/json; charset=utf-8", "events"),
                ("/notes.txt", 200, "text/plain; charset=utf-8", "Plain notes"),
                ("/sitemap.xml", 200, "application/xml; charset=utf-8", "/timeline/first/"),
                ("/img/dot.png", 200, "image/png", nil),
                ("/favicon.ico", 200, "image/x-icon", nil),
                ("/fonts/test.woff2", 200, "font/woff2", nil),
                ("/no/such/page/", 404, "text/html; charset=utf-8", "Nothing here, sorry."),
            ]
            for (path, status, type, text) in expectations {
                let response = try #require(await RawResponse.fetch(port: port, path), "\(path)")
                #expect(response.status == status, "\(path)")
                #expect(response.headers["content-type"] == type, "\(path)")
                if let text { #expect(response.text.contains(text), "\(path)") }
            }
            let folder = try #require(await RawResponse.fetch(port: port, "/timeline"))
            #expect(folder.status == 301 && folder.headers["location"] == "/timeline/")
            let png = try #require(await RawResponse.fetch(port: port, "/img/dot.png"))
            #expect(png.body == (try Data(contentsOf: site.url("static/img/dot.png"))))
        }
        #expect(!site.hasSiteFolder)
    }

    @Test func nothingOutsideTheBuildIsReachable() async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("secret.txt", "TOP SECRET")
        try FileManager.default.createSymbolicLink(at: site.url("static/escape"), withDestinationURL: site.root)
        try await serve(site) { _, port in
            for target in ["/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/timeline/..%2f..%2fsecret.txt",
                           "/%2e%2e/%2e%2e/etc/passwd", "//etc/passwd", "/..\\secret.txt", "/secret.txt",
                           "/content/timeline/first.md", "/site.yml", "/templates/base.html"] {
                let response = try #require(await RawResponse.fetch(port: port, target), "\(target)")
                // static/escape leads to the root, so static/ holds itself: the build refuses the loop (SiteInputs),
                // and an address the server accepts gets the error page, which names it.
                #expect(response.status == 404 || response.status == 500, "\(target)")
                if response.status == 500 { #expect(response.text.contains("symbolic link loop"), "\(target)") }
                #expect(!response.text.contains("TOP SECRET"), "\(target)")
            }
        }
    }

    @Test func editingContentReloadsTheBrowserWithTheNewText() async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try await serve(site) { _, port in
            let events = try #require(await EventStreamClient.open(port: port))
            #expect(await events.next("hello") != nil)
            let path = "content/timeline/first.md"
            try site.write(path, try site.read(path).replacingOccurrences(of: "The original text", with: "The edited text"))
            #expect(await events.next("pages") != nil)
            #expect(await eventually {
                await RawResponse.fetch(port: port, "/timeline/first/")?.text.contains("The edited text of the first event.") == true
            })
        }
        #expect(!site.hasSiteFolder)
    }

    @Test func editingOnlyCSSSwapsStylesheets() async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try await serve(site) { _, port in
            let events = try #require(await EventStreamClient.open(port: port))
            #expect(await events.next("hello") != nil)
            try site.write("static/style.css", "body { color: rebeccapurple; }\n")
            #expect(await events.next("css") != nil)
            #expect(await RawResponse.fetch(port: port, "/style.css")?.text == "body { color: rebeccapurple; }\n")
        }
    }

    @Test func aBrokenTemplateShowsTheErrorPageAndFixingItRestoresTheSite() async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try await serve(site) { _, port in
            let original = try site.read("templates/page.html")
            try site.write("templates/page.html", original.replacingOccurrences(of: "{{ page.title }}", with: "{{ page.title | no_such_filter }}"))
            #expect(await eventually { await RawResponse.fetch(port: port, "/timeline/first/")?.status == 500 })
            let page = try #require(await RawResponse.fetch(port: port, "/timeline/first/"))
            #expect(page.text.contains("templates/page.html:"))
            #expect(page.text.contains("error:"))
            #expect(page.text.contains("no_such_filter"))
            #expect(page.text.contains("data-build-site-live-reload"))
            try site.write("templates/page.html", original)
            #expect(await eventually { await RawResponse.fetch(port: port, "/timeline/first/")?.status == 200 })
            #expect(await RawResponse.fetch(port: port, "/timeline/first/")?.text.contains("First event") == true)
        }
        #expect(!site.hasSiteFolder)
    }

    @Test func aBurstOfSavesRebuildsOnlyAFewTimes() async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try await serve(site) { server, port in
            let before = server.buildCount
            let path = "content/timeline/first.md"
            try await site.saveBurst([path]) { text, index in
                text.replacingOccurrences(of: "The original text", with: "Save \(index) of the text")
            }
            #expect(await eventually {
                await RawResponse.fetch(port: port, "/timeline/first/")?.text.contains("Save 9 of the text") == true
            })
            try await Task.sleep(for: .seconds(1))
            let rebuilds = server.buildCount - before
            #expect(rebuilds >= 1 && rebuilds <= 3, "\(rebuilds) rebuilds for one burst")
        }
    }
}
