import Testing
@testable import Preview

@Suite struct RequestPathTests {
    @Test(arguments: [
        ("/", "index.html", true),
        ("/timeline/", "timeline/index.html", true),
        ("/timeline", "timeline", false),
        ("/style.css", "style.css", false),
        ("/img/a%20b.png", "img/a b.png", false),
        ("/%E4%B8%AD%E6%96%87/", "中文/index.html", true),
        ("/%252e%252e/", "%2e%2e/index.html", true),
        ("/...", "...", false),
        ("/a..b/", "a..b/index.html", true),
    ])
    func resolvesPathsInsideTheSite(raw: String, key: String, isDirectory: Bool) {
        #expect(RequestPath.resolve(raw) == RequestPath.Resolved(key: key, isDirectory: isDirectory))
    }

    @Test(arguments: [
        "", "index.html", "*", "http://example.org/", "/..", "/../", "/../etc/passwd", "/a/../b", "/%2e%2e/", "/%2E%2e/x",
        "/.%2e/x", "/..%2fx", "/a%2F..%2F..%2Fx", "/a%5c..%5cx", "/a\\..\\x", "/.", "/./x", "//x", "/a//b", "/%00",
        "/a%00.html", "/a%0d%0aSet-Cookie:x", "/%zz", "/%", "/a%2", "/%7f",
    ])
    func refusesAnythingThatCouldLeaveTheSite(raw: String) {
        #expect(RequestPath.resolve(raw) == nil)
    }

    @Test func folderURLsArePercentEncoded() {
        #expect(RequestPath.folderURL(for: "timeline") == "/timeline/")
        #expect(RequestPath.folderURL(for: "中文") == "/%E4%B8%AD%E6%96%87/")
    }
}
