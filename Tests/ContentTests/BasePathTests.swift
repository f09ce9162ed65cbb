import Testing
import Content

/// `SiteConfig.basePath`: where the site sits on its host, from `base_url`.
@Suite struct BasePathTests {
    @Test(arguments: [
        ("https://example.org/mentor-to-rival/", "/mentor-to-rival/"),
        ("https://example.org/", "/"),
        ("https://example.org", "/"),
        ("http://localhost:8080/a/b", "/a/b/"),
        ("https://example.org/a%20b/", "/a%20b/"),
        ("https://example.org/docs/?v=1#top", "/docs/"),
        ("https://example.org?v=1", "/"),
        ("https://example.org#a/b", "/"),
        ("//cdn.example/site/", "/site/"),
        ("/", "/"),
        ("/sub", "/sub/"),
    ])
    func isThePathOfTheBaseURL(baseURL: String, path: String) {
        #expect(SiteConfig(baseURL: baseURL).basePath == path)
    }
}
