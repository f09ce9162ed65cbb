import Testing
@testable import Preview

@Suite struct ContentTypeTests {
    @Test(arguments: [
        ("index.html", "text/html; charset=utf-8"), ("a/b/style.CSS", "text/css; charset=utf-8"),
        ("app.js", "text/javascript; charset=utf-8"), ("feed.xml", "application/xml; charset=utf-8"),
        ("logo.svg", "image/svg+xml; charset=utf-8"), ("data.json", "application/json; charset=utf-8"),
        ("robots.txt", "text/plain; charset=utf-8"), ("app.js.map", "application/json; charset=utf-8"),
        ("a.png", "image/png"), ("a.jpg", "image/jpeg"), ("a.jpeg", "image/jpeg"), ("a.webp", "image/webp"),
        ("favicon.ico", "image/x-icon"), ("f.woff2", "font/woff2"), ("f.woff", "font/woff"),
        ("Makefile", "application/octet-stream"), ("archive.unknown", "application/octet-stream"), (".hidden", "application/octet-stream"),
    ])
    func mapsExtensions(path: String, type: String) {
        #expect(ContentType.forPath(path) == type)
    }
}
