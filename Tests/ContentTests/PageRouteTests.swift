import Testing
@testable import Content

@Suite struct PageRouteTests {
    @Test(arguments: [
        (["index.md"], nil as String?, "", false, "/"),
        (["about.md"], nil, "about", false, "/about/"),
        (["timeline", "_index.md"], "timeline", "", true, "/timeline/"),
        (["timeline", "openai-founded.md"], "timeline", "openai-founded", false, "/timeline/openai-founded/"),
        (["people", "马斯克.md"], "people", "马斯克", false, "/people/马斯克/"),
    ])
    func routesFollowThePath(components: [String], collection: String?, slug: String, isList: Bool, url: String) throws {
        let route = try #require(PageRoute.fromPath(components))
        #expect(route.collection == collection)
        #expect(route.slug == slug)
        #expect(route.isListPage == isList)
        #expect(route.url == url)
    }

    @Test func topLevelListPageHasNoRoute() {
        #expect(PageRoute.fromPath(["_index.md"]) == nil)
    }

    @Test(arguments: [
        ("/about-us/", "/about-us/"), ("about-us", "/about-us/"), ("/a/b", "/a/b/"), ("/feed.json", "/feed.json"),
        ("/", "/"), ("/v1.0/", "/v1.0/"), ("/%E4%B8%AD/", "/中/"), ("/etc/passwd/", "/etc/passwd/"),
    ])
    func safePermalinksAreNormalized(permalink: String, url: String) throws {
        #expect(try PageRoute.normalize(permalink: permalink).get() == url)
    }

    @Test(arguments: ["/../x/", "/a/./b/", "..", "/%2e%2e/", "/%252e%252e/", "a\\b", "//host/x", "http://x/",
                      "/a//b/", "/a%00b/", "/a%2fb%2f..%2f..%2fc/", "C:/x", "/%zz/"])
    func unsafePermalinksAreRefused(_ permalink: String) {
        #expect(throws: PageRoute.Unsafe.self) { try PageRoute.normalize(permalink: permalink).get() }
    }

    @Test(arguments: ["..", ".", "", "a/b", "a\\b", "a\u{0}b", "%2e%2e", "%2E%2e", "a%2fb", "%252e%252e"])
    func unsafeSlugSegmentsAreRefused(_ slug: String) {
        #expect(PageRoute.problem(inSegment: slug) != nil)
    }

    @Test(arguments: ["sam-altman", "v1.0", "马斯克", "🚀-launch", "100%-growth", "...x"])
    func ordinarySlugsAreAccepted(_ slug: String) {
        #expect(PageRoute.problem(inSegment: slug) == nil)
    }

    @Test func outputPaths() {
        #expect(PageRoute.outputPath(for: "/") == "index.html")
        #expect(PageRoute.outputPath(for: "/a/b/") == "a/b/index.html")
        #expect(PageRoute.outputPath(for: "/feed.json") == "feed.json")
    }
}
