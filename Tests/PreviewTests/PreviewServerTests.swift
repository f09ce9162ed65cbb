import Foundation
import Testing
@testable import Preview
import Site

/// The server over real HTTP on loopback, fed by a build the test controls.
@Suite struct PreviewServerTests {
    @Test(arguments: [
        ("/", "text/html; charset=utf-8"),
        ("/style.css", "text/css; charset=utf-8"),
        ("/app.js", "text/javascript; charset=utf-8"),
        ("/logo.svg", "image/svg+xml; charset=utf-8"),
        ("/atom.xml", "application/xml; charset=utf-8"),
        ("/data.json", "application/json; charset=utf-8"),
        ("/robots.txt", "text/plain; charset=utf-8"),
        ("/img/dot.png", "image/png"),
        ("/img/photo.jpg", "image/jpeg"),
        ("/img/photo.webp", "image/webp"),
        ("/favicon.ico", "image/x-icon"),
        ("/fonts/a.woff2", "font/woff2"),
        ("/app.js.map", "application/json; charset=utf-8"),
    ])
    func servesEachTypeWithItsContentType(path: String, type: String) async throws {
        let fake = FakeBuild()
        try await withServer(build: fake.build) { _, port in
            let response = try #require(await RawResponse.fetch(port: port, path))
            #expect(response.status == 200)
            #expect(response.headers["content-type"] == type)
            #expect(response.headers["cache-control"] == "no-cache")
            #expect(response.headers["etag"] != nil)
        }
    }

    @Test func servesBuiltBytesAndInjectsTheScriptOnlyIntoHTML() async throws {
        let fake = FakeBuild()
        try await withServer(build: fake.build) { _, port in
            let css = try #require(await RawResponse.fetch(port: port, "/style.css"))
            #expect(css.body == FakeBuild.site()["style.css"])
            let page = try #require(await RawResponse.fetch(port: port, "/timeline/first/"))
            #expect(page.text.contains("<h1>First event</h1>"))
            #expect(page.text.contains("data-build-site-live-reload"))
            let scriptAt = try #require(page.text.range(of: "<script data-build-site-live-reload>"))
            let bodyCloseAt = try #require(page.text.range(of: "</body>"))
            #expect(scriptAt.lowerBound < bodyCloseAt.lowerBound)
            #expect(page.headers["content-length"] == String(page.body.count))
        }
    }

    /// A page over 64 KB is sent as the head and its pieces (the text before the script, the script, the rest),
    /// each from its own buffer: the bytes that arrive are the page with the script in, and the length is theirs.
    @Test func aLargePageArrivesWholeWithTheScriptIn() async throws {
        let fake = FakeBuild()
        let items = (0..<5_000).map { "<li>Item \($0)</li>" }.joined()
        let html = "<!doctype html><html><head><title>Big</title></head><body><main><ul>\(items)</ul></main></body></html>\n"
        var files = FakeBuild.site()
        files["big/index.html"] = Data(html.utf8)
        fake.set(files)
        try await withServer(build: fake.build) { _, port in
            let page = try #require(await RawResponse.fetch(port: port, "/big/"))
            #expect(page.status == 200)
            #expect(page.body.count > 64 * 1024)
            #expect(page.headers["content-length"] == String(page.body.count))
            #expect(page.body == LiveReloadScript.inject(into: Data(html.utf8), version: try #require(Self.version(in: page.text)),
                                                         page: "big/index.html"))
            let head = try #require(await RawResponse.fetch(port: port, "/big/", method: "HEAD"))
            #expect(head.body.isEmpty && head.headers["content-length"] == String(page.body.count))
        }
    }

    /// The live-reload version the injected script names.
    static func version(in text: String) -> String? {
        guard let range = text.range(of: "data-build-site-live-reload") else { return nil }
        let after = text[range.upperBound...]
        guard let start = after.range(of: "version = \"") ?? after.range(of: "\"v") else { return nil }
        return String(after[start.upperBound...].prefix { $0 != "\"" })
    }

    @Test func directoryURLsServeIndexAndBareFoldersRedirect() async throws {
        let fake = FakeBuild()
        try await withServer(build: fake.build) { _, port in
            let root = try #require(await RawResponse.fetch(port: port, "/"))
            #expect(root.status == 200 && root.text.contains("<h1>Home</h1>"))
            let folder = try #require(await RawResponse.fetch(port: port, "/timeline/"))
            #expect(folder.status == 200 && folder.text.contains("<h1>Timeline</h1>"))
            let bare = try #require(await RawResponse.fetch(port: port, "/timeline"))
            #expect(bare.status == 301)
            #expect(bare.headers["location"] == "/timeline/")
            let chinese = try #require(await RawResponse.fetch(port: port, "/%E4%B8%AD%E6%96%87/"))
            #expect(chinese.status == 200 && chinese.text.contains("中文"))
            let chineseBare = try #require(await RawResponse.fetch(port: port, "/%E4%B8%AD%E6%96%87"))
            #expect(chineseBare.headers["location"] == "/%E4%B8%AD%E6%96%87/")
        }
    }

    @Test func missingPathsGetTheSitesOwn404Page() async throws {
        let fake = FakeBuild()
        try await withServer(build: fake.build) { _, port in
            let response = try #require(await RawResponse.fetch(port: port, "/no/such/page/"))
            #expect(response.status == 404)
            #expect(response.text.contains("Nothing here"))
            #expect(response.text.contains("data-build-site-live-reload"))
            #expect(response.headers["content-type"] == "text/html; charset=utf-8")
        }
    }

    /// A language's own 404 page (`zh/404.html`, from `content/404.zh.md`) answers misses under its folder, the
    /// nearest `404.html` up the tree as Cloudflare Pages picks it; elsewhere the root's.
    @Test func missingPathsUnderALanguageGetItsOwn404Page() async throws {
        let fake = FakeBuild()
        fake.update("zh/404.html", "<!doctype html><html lang=\"zh\"><body><h1>找不到这一页</h1></body></html>")
        try await withServer(build: fake.build) { _, port in
            for target in ["/zh/no/such/page/", "/zh/typo", "/zh/timeline/x.png"] {
                let response = try #require(await RawResponse.fetch(port: port, target))
                #expect(response.status == 404 && response.text.contains("找不到这一页"), "\(target)")
            }
            let english = try #require(await RawResponse.fetch(port: port, "/zhx/no/such/page/"))
            #expect(english.status == 404 && english.text.contains("Nothing here"))
        }
    }

    /// A site published under a sub-path (`base_url: https://example.org/sub/`) is also served there, as its
    /// host will serve it: the 404 page links through `<base href="/sub/">`, since it is served at any depth.
    @Test func theSiteIsAlsoServedUnderItsBasePath() async throws {
        let fake = FakeBuild(basePath: "/sub/")
        try await withServer(build: fake.build) { _, port in
            for path in ["/sub/", "/sub/timeline/first/", "/sub/style.css", "/timeline/first/", "/style.css"] {
                let response = try #require(await RawResponse.fetch(port: port, path))
                #expect(response.status == 200, "\(path)")
            }
            let page = try #require(await RawResponse.fetch(port: port, "/sub/timeline/first/"))
            #expect(page.text.contains("<h1>First event</h1>"))
            let bare = try #require(await RawResponse.fetch(port: port, "/sub"))
            #expect(bare.status == 301 && bare.headers["location"] == "/sub/")
            let bareFolder = try #require(await RawResponse.fetch(port: port, "/sub/timeline"))
            #expect(bareFolder.status == 301 && bareFolder.headers["location"] == "/sub/timeline/")
            let missing = try #require(await RawResponse.fetch(port: port, "/sub/no/such/page/"))
            #expect(missing.status == 404 && missing.text.contains("Nothing here"))
            // Stripping the base path never opens a way out of the site.
            for target in ["/sub/../index.html", "/sub/%2e%2e/index.html", "/sub//etc/passwd", "/sub/..%2findex.html"] {
                let response = try #require(await RawResponse.fetch(port: port, target))
                #expect(response.status == 404, "\(target)")
            }
        }
    }

    /// A file of the site whose path starts like the base path is served as itself.
    @Test func theSitesOwnFilesWinOverTheBasePath() async throws {
        let fake = FakeBuild(basePath: "/timeline/")
        try await withServer(build: fake.build) { _, port in
            let own = try #require(await RawResponse.fetch(port: port, "/timeline/first/"))
            #expect(own.status == 200 && own.text.contains("<h1>First event</h1>"))
            let mounted = try #require(await RawResponse.fetch(port: port, "/timeline/style.css"))
            #expect(mounted.status == 200 && mounted.body == FakeBuild.site()["style.css"])
        }
    }

    @Test(arguments: [
        "/../index.html", "/%2e%2e/index.html", "/%2E%2E/index.html", "/..%2findex.html", "/timeline/..%2f..%2fetc/passwd",
        "/timeline/%2e%2e/%2e%2e/etc/passwd", "/..\\index.html", "/timeline%5c..%5cindex.html", "//etc/passwd",
        "/%2fetc/passwd", "/index.html%00", "/%00/index.html", "/./index.html", "/timeline/./first/", "index.html",
        "http://evil.example/etc/passwd", "/%zz", "/timeline/%2e/",
    ])
    func traversalAttemptsAreNotFound(target: String) async throws {
        let fake = FakeBuild()
        try await withServer(build: fake.build) { _, port in
            let response = try #require(await RawResponse.fetch(port: port, target))
            #expect(response.status == 404)
            #expect(!response.text.contains("<h1>Home</h1>"))
        }
    }

    @Test func headAnswersWithGetsHeadersAndNoBody() async throws {
        let fake = FakeBuild()
        try await withServer(build: fake.build) { _, port in
            let get = try #require(await RawResponse.fetch(port: port, "/style.css"))
            let head = try #require(await RawResponse.fetch(port: port, "/style.css", method: "HEAD"))
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            #expect(head.headers["content-length"] == String(get.body.count))
            #expect(head.headers["etag"] == get.headers["etag"])
            #expect(head.headers["content-type"] == get.headers["content-type"])
        }
    }

    @Test func otherMethodsAreRefused() async throws {
        let fake = FakeBuild()
        try await withServer(build: fake.build) { _, port in
            let response = try #require(await RawResponse.fetch(port: port, "/", method: "DELETE"))
            #expect(response.status == 405)
            #expect(response.headers["allow"] == "GET, HEAD")
        }
    }

    @Test func etagRevalidationAnswers304UntilTheFileChanges() async throws {
        let fake = FakeBuild()
        try await withServer(build: fake.build) { server, port in
            for path in ["/style.css", "/"] {
                let first = try #require(await RawResponse.fetch(port: port, path))
                let etag = try #require(first.headers["etag"])
                let again = try #require(await RawResponse.fetch(port: port, path, headers: ["If-None-Match": etag]))
                #expect(again.status == 304)
                #expect(again.body.isEmpty)
                #expect(again.headers["etag"] == etag)
                let other = try #require(await RawResponse.fetch(port: port, path, headers: ["If-None-Match": "\"nope\""]))
                #expect(other.status == 200)
            }
            let cssTag = try #require(await RawResponse.fetch(port: port, "/style.css")?.headers["etag"])
            fake.update("style.css", "body { color: red; }")
            server.rebuild()
            let changed = try #require(await RawResponse.fetch(port: port, "/style.css", headers: ["If-None-Match": cssTag]))
            #expect(changed.status == 200)
            #expect(changed.text == "body { color: red; }")
        }
    }

    @Test func eventStreamSaysHelloThenReloadOrSwapsStylesheets() async throws {
        let fake = FakeBuild()
        try await withServer(build: fake.build) { server, port in
            let events = try #require(await EventStreamClient.open(port: port))
            let hello = try #require(await events.next("hello"))
            #expect(await eventually { server.liveReloadClients == 1 })

            fake.update("style.css", "body { color: blue; }")
            #expect(server.rebuild() == .stylesheets)
            let css = try #require(await events.next("css"))
            #expect(css != hello)

            fake.update("timeline/first/index.html", "<html><body>Edited</body></html>")
            #expect(server.rebuild() == .pages(PageUpdate(swap: [], reload: ["timeline/first/index.html"])))
            let pages = try #require(await events.next("pages"))
            let update = try JSONDecoder().decode(PageUpdateData.self, from: Data(pages.utf8))
            #expect(update.version != css && update.reload == ["timeline/first/index.html"])
            let page = try #require(await RawResponse.fetch(port: port, "/timeline/first/"))
            #expect(page.text.contains("Edited"))
            #expect(page.text.contains("var version = \"\(update.version)\""))
            #expect(page.text.contains("var page = \"timeline/first/index.html\""))

            fake.update("app.js", "console.log(2);")
            fake.update("atom.xml", "<?xml version=\"1.0\"?><feed><entry/></feed>")
            #expect(server.rebuild() == .pages(PageUpdate(swap: [], reload: [], assets: ["app.js"])))

            fake.update("img/new.png", "new")
            fake.update("style.css", "body { color: green; }")
            #expect(server.rebuild() == .stylesheets)
            fake.update("style.css", "body { color: teal; }")
            fake.update("index.html", "<p>home</p>")
            #expect(server.rebuild() == .everything)
            let reload = try #require(await events.next("reload"))
            #expect(reload != update.version)

            #expect(server.rebuild() == SiteChange.none)
        }
    }

    @Test func aFailedBuildShowsTheErrorPageUntilFixed() async throws {
        let fake = FakeBuild()
        try await withServer(build: fake.build) { server, port in
            let events = try #require(await EventStreamClient.open(port: port))
            _ = await events.next("hello")
            fake.fail([
                Diagnostic(file: "templates/page.html", line: 3, column: 7, message: "unknown filter 'dat' — did you mean 'date'?"),
                Diagnostic(file: "content/timeline/x.md", line: 2, column: 8, message: "title <script>alert(1)</script> is too long"),
            ])
            #expect(server.rebuild() == .everything)
            #expect(await events.next("reload") != nil)

            for path in ["/", "/timeline/first/", "/missing/"] {
                let page = try #require(await RawResponse.fetch(port: port, path))
                #expect(page.status == 500)
                #expect(page.headers["content-type"] == "text/html; charset=utf-8")
                #expect(page.text.contains("templates/page.html:3:7: error: unknown filter &#39;dat&#39; — did you mean &#39;date&#39;?"))
                #expect(page.text.contains("content/timeline/x.md:2:8: error: title &lt;script&gt;alert(1)&lt;/script&gt; is too long"))
                #expect(!page.text.contains("<script>alert(1)"))
                #expect(page.text.contains("data-build-site-live-reload"))
            }
            let css = try #require(await RawResponse.fetch(port: port, "/style.css"))
            #expect(css.status == 200)

            #expect(server.rebuild() == SiteChange.none)
            fake.set(FakeBuild.site())
            #expect(server.rebuild() == .everything)
            #expect(await events.next("reload") != nil)
            let fixed = try #require(await RawResponse.fetch(port: port, "/"))
            #expect(fixed.status == 200 && fixed.text.contains("<h1>Home</h1>"))
        }
    }

    @Test func oversizedRequestsAreRefusedAndTheServerCarriesOn() async throws {
        let fake = FakeBuild()
        try await withServer(build: fake.build) { _, port in
            let longURL = "/" + String(repeating: "a", count: 100_000)
            let tooLong = await RawResponse.fetch(port: port, longURL)
            #expect(tooLong == nil || tooLong?.status == 414)
            let bigHeader = await RawResponse.fetch(port: port, "/", headers: ["X-Big": String(repeating: "b", count: 1_000_000)])
            #expect(bigHeader == nil || bigHeader?.status == 431)
            let manyHeaders = Dictionary(uniqueKeysWithValues: (0..<2_000).map { ("X-H\($0)", String(repeating: "c", count: 40)) })
            let many = await RawResponse.fetch(port: port, "/", headers: manyHeaders)
            #expect(many == nil || many?.status == 431)
            let after = try #require(await RawResponse.fetch(port: port, "/"))
            #expect(after.status == 200)
        }
    }

    @Test(arguments: [
        "garbage\r\n\r\n", "GET\r\n\r\n", "GET /\r\n\r\n", "\r\n\r\n", "GET / HTTP/1.1\r\nNoColonHere\r\n\r\n",
        "GET / HTTP/1.1\r\nContent-Length: -5\r\n\r\n", "GET / HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n",
        "GET /\u{7F}\u{01} HTTP/1.1\r\n\r\n", "\u{0}\u{0}\u{0}\u{0}", "GET / HTTP/1.1\r\nHost: x\r\n",
    ])
    func malformedRequestsDoNotTakeTheServerDown(request: String) async throws {
        let fake = FakeBuild()
        try await withServer(build: fake.build) { _, port in
            _ = await offThread {
                guard let connection = LoopbackConnection(port: port, timeout: 2) else { return Data() }
                connection.send(request)
                connection.send(Data([0xFF, 0xFE, 0x0D, 0x0A, 0x0D, 0x0A]))
                return connection.receiveAll()
            }
            let after = try #require(await RawResponse.fetch(port: port, "/"))
            #expect(after.status == 200)
        }
    }

    @Test func twoHundredConcurrentConnectionsAndABuildDoNotBlockEachOther() async throws {
        let fake = FakeBuild()
        try await withServer(build: fake.build) { server, port in
            // A slow client that never finishes its request line holds a connection open throughout.
            let slow = await offThread { () -> LoopbackConnection? in
                let connection = LoopbackConnection(port: port)
                connection?.send("GET /sl")
                return connection
            }
            #expect(slow != nil)
            let statuses = await withTaskGroup(of: Int?.self) { group in
                for index in 0..<200 {
                    group.addTask {
                        let path = index.isMultiple(of: 2) ? "/" : "/style.css"
                        return await RawResponse.fetch(port: port, path)?.status
                    }
                }
                group.addTask {
                    fake.update("index.html", "<html><body>rebuilt during the storm</body></html>")
                    _ = await offThread { server.rebuild() }
                    return 200
                }
                var statuses: [Int?] = []
                for await status in group { statuses.append(status) }
                return statuses
            }
            #expect(statuses.count == 201)
            #expect(statuses.allSatisfy { $0 == 200 })
            let after = try #require(await RawResponse.fetch(port: port, "/"))
            #expect(after.text.contains("rebuilt during the storm"))
            withExtendedLifetime(slow) {}
        }
    }

    @Test func clientsThatStallAreDisconnected() async throws {
        let fake = FakeBuild()
        try await withServer(build: fake.build, clientTimeout: .seconds(1)) { server, port in
            let closed = await offThread { () -> Bool in
                guard let connection = LoopbackConnection(port: port, timeout: 1) else { return false }
                connection.send("GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Half: of a hea")
                return connection.closesWithin(15)
            }
            #expect(closed)
            #expect(await eventually { server.openConnections == 0 })
            let events = try #require(await EventStreamClient.open(port: port))
            try await Task.sleep(for: .seconds(2))
            #expect(server.liveReloadClients == 1)
            fake.update("index.html", "<html><body>after the stall</body></html>")
            server.rebuild()
            #expect(await events.next("pages") != nil)
        }
    }
}
