import Foundation
@testable import Preview
import Site

/// A build the test controls: the server under test calls `build`, the test decides what it returns.
/// This is the seam the server exposes, not a stand-in for what users run; `EndToEndTests` use `SiteBuilder`.
final class FakeBuild: Sendable {
    private let result = Locked<Result<[String: Data], BuildFailure>>(.success(FakeBuild.site()))
    /// The built site's `basePath` (`/` unless a test gives one).
    let basePath: String

    init(basePath: String = "/") { self.basePath = basePath }

    func set(_ files: [String: Data]) { result.withLock { $0 = .success(files) } }
    func fail(_ diagnostics: [Diagnostic]) { result.withLock { $0 = .failure(BuildFailure(diagnostics: diagnostics)) } }
    func update(_ path: String, _ text: String) {
        result.withLock { current in
            guard case .success(var files) = current else { return }
            files[path] = Data(text.utf8)
            current = .success(files)
        }
    }

    var build: @Sendable () throws(BuildFailure) -> BuiltSite {
        { [result, basePath] () throws(BuildFailure) -> BuiltSite in
            switch result.current {
            case .success(let files):
                var site = BuiltSite(files: files, pageCount: files.count)
                site.basePath = basePath
                return site
            case .failure(let failure): throw failure
            }
        }
    }

    /// A hand-made site with one file of each type the preview must label.
    static func site() -> [String: Data] {
        let page = { (title: String) in Data("<!doctype html><html><head><title>\(title)</title><link rel=\"stylesheet\" href=\"/style.css\"></head><body><h1>\(title)</h1></body></html>".utf8) }
        return [
            "index.html": page("Home"),
            "timeline/index.html": page("Timeline"),
            "timeline/first/index.html": page("First event"),
            "404.html": page("Nothing here"),
            "style.css": Data("body { color: #222; }".utf8),
            "app.js": Data("console.log(1);".utf8),
            "logo.svg": Data("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8),
            "atom.xml": Data("<?xml version=\"1.0\"?><feed/>".utf8),
            "sitemap.xml": Data("<?xml version=\"1.0\"?><urlset/>".utf8),
            "data.json": Data("{}".utf8),
            "robots.txt": Data("User-agent: *\n".utf8),
            "img/dot.png": Data([0x89, 0x50, 0x4E, 0x47]),
            "img/photo.jpg": Data([0xFF, 0xD8, 0xFF]),
            "img/photo.webp": Data("RIFF".utf8),
            "favicon.ico": Data([0, 0, 1, 0]),
            "fonts/a.woff2": Data("wOF2".utf8),
            "app.js.map": Data("{\"version\":3}".utf8),
            "中文/index.html": page("中文"),
        ]
    }
}
