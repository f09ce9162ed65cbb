import Foundation
import Images
import Testing
@testable import Site

/// Site paths in Markdown (`/img/plan.svg`, `/timeline/first/`), image sizes, `loading`, and responsive copies.
@Suite("Assets and images from Markdown")
struct AssetLinkTests {
    /// The basic fixture with the images of `Fixtures/images/` in `static/img/`, and `about.md`'s body replaced.
    func site(body: String, settings: String? = nil) throws -> FixtureSite {
        let fixture = try FixtureSite()
        let images = try #require(Bundle.module.url(forResource: "Fixtures/images", withExtension: nil))
        try FileManager.default.createDirectory(at: fixture.root.appendingPathComponent("static"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: images, to: fixture.root.appendingPathComponent("static/img"))
        try fixture.write("static/files/report.pdf", "%PDF-1.7\n")
        try fixture.replace(in: "content/about.md", "## Method\n\nBack [home](index.md).", with: body)
        if let settings { try fixture.write("site.yml", try fixture.read("site.yml") + settings) }
        return fixture
    }

    /// The `<img …>` and `<picture>…</picture>` elements of a page's body, in order.
    func images(_ html: String) -> [String] {
        var found: [String] = []
        var rest = Substring(html)
        while let start = [rest.range(of: "<picture>"), rest.range(of: "<img ")].compactMap({ $0 }).min(by: { $0.lowerBound < $1.lowerBound }) {
            let close = rest[start.lowerBound...].hasPrefix("<picture>") ? "</picture>" : "/>"
            guard let end = rest[start.lowerBound...].range(of: close) else { break }
            found.append(String(rest[start.lowerBound..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return found
    }

    @Test func sitePathsBecomeRelativeLinksFromAnyPage() throws {
        let fixture = try site(body: """
            ![Plan](/img/viewbox.svg) and [the PDF](/files/report.pdf "Report"), [the first event](/timeline/first/),
            [its feed](/timeline/atom.xml), [home](/) and [a portrait](/people/tiny.gif?v=2); still [a file](people/ada.md).
            """)
        defer { fixture.remove() }
        try FileManager.default.copyItem(at: fixture.root.appendingPathComponent("static/img/tiny.gif"),
                                         to: fixture.root.appendingPathComponent("content/people/tiny.gif"))
        let page = try #require(try fixture.build().text("about/index.html"))
        #expect(page.contains(#"<img src="../img/viewbox.svg" alt="Plan""#))
        #expect(page.contains(#"<a href="../files/report.pdf" title="Report">the PDF</a>"#))
        #expect(page.contains(#"<a href="../timeline/first/">the first event</a>"#))
        #expect(page.contains(#"<a href="../timeline/atom.xml">its feed</a>"#))
        #expect(page.contains(#"<a href="../">home</a>"#))
        #expect(page.contains(#"<a href="../people/tiny.gif?v=2">a portrait</a>"#))
        #expect(page.contains(#"<a href="../people/ada/">a file</a>"#))
    }

    @Test func aSitePathThatNamesNothingIsAnErrorAtItsLineAndColumn() throws {
        let fixture = try site(body: "Intro.\n\nSee the ![plan](/img/viewbx.svg) and [that page](/timeline/frist/).")
        defer { fixture.remove() }
        let before = FixtureSite.snapshot(fixture.root)
        do {
            _ = try fixture.build()
            Issue.record("the build should have failed")
        } catch {
            // about.md's front matter is four lines, so the body's third line is the file's seventh.
            #expect(error.diagnostics.map(\.description) == [
                "content/about.md:7:9: error: link to '/img/viewbx.svg': no page, and no file in static/ or content/, "
                    + "has this site path — did you mean '/img/viewbox.svg'?",
            ])
        }
        #expect(FixtureSite.snapshot(fixture.root) == before)
        // The first broken link of a page is reported; fixed, the next one is.
        try fixture.replace(in: "content/about.md", "viewbx", with: "viewbox")
        do {
            _ = try fixture.build()
            Issue.record("the build should have failed")
        } catch {
            #expect(error.diagnostics.first?.description.hasPrefix("content/about.md:7:39: error: link to '/timeline/frist/'") == true)
            #expect(error.diagnostics.first?.message.hasSuffix("did you mean '/timeline/first/'?") == true)
        }
    }

    @Test func imagesGetTheirSizeAndAllButTheFirstLoadLazily() throws {
        let fixture = try site(body: """
            ![A PNG](/img/picture.png)

            ![A JPEG](/img/picture.jpg) ![A WebP](/img/picture.webp "Title") ![A GIF](/img/tiny.gif)

            ![An SVG](/img/viewbox.svg) ![Elsewhere](https://example.org/x.png)
            """)
        defer { fixture.remove() }
        let page = try #require(try fixture.build().text("about/index.html"))
        #expect(images(page) == [
            #"<img src="../img/picture.png" alt="A PNG" width="640" height="400" />"#,
            #"<img src="../img/picture.jpg" alt="A JPEG" width="640" height="400" loading="lazy" />"#,
            #"<img src="../img/picture.webp" alt="A WebP" title="Title" width="640" height="400" loading="lazy" />"#,
            #"<img src="../img/tiny.gif" alt="A GIF" width="3" height="2" loading="lazy" />"#,
            #"<img src="../img/viewbox.svg" alt="An SVG" width="300" height="150" loading="lazy" />"#,
            #"<img src="https://example.org/x.png" alt="Elsewhere" loading="lazy" />"#,
        ])
    }

    @Test func largeImagesAreWrittenInSeveralWidthsAndInWebP() throws {
        let fixture = try site(body: "![A \"quoted\" & more](/img/picture.png) ![Small](/img/tiny.gif) ![JPEG](/img/picture.jpg)",
                               settings: "images:\n  widths: [320, 160, 1000]\n  sizes: \"(min-width: 40rem) 40rem, 100vw\"\n")
        defer { fixture.remove() }
        let built = try fixture.build()
        let page = try #require(built.text("about/index.html"))
        let sizes = #"sizes="(min-width: 40rem) 40rem, 100vw""#
        #expect(images(page) == [
            #"<picture><source type="image/webp" srcset="../img/picture-160w.png.webp 160w, ../img/picture-320w.png.webp 320w, ../img/picture-640w.png.webp 640w" "#
                + sizes + #" /><img src="../img/picture.png" alt="A &#34;quoted&#34; &amp; more" srcset="../img/picture-160w.png 160w, ../img/picture-320w.png 320w, ../img/picture.png 640w" "#
                + sizes + #" width="640" height="400" /></picture>"#,
            #"<img src="../img/tiny.gif" alt="Small" width="3" height="2" loading="lazy" />"#,
            #"<picture><source type="image/webp" srcset="../img/picture-160w.jpg.webp 160w, ../img/picture-320w.jpg.webp 320w, ../img/picture-640w.jpg.webp 640w" "#
                + sizes + #" /><img src="../img/picture.jpg" alt="JPEG" srcset="../img/picture-160w.jpg 160w, ../img/picture-320w.jpg 320w, ../img/picture.jpg 640w" "#
                + sizes + #" width="640" height="400" loading="lazy" /></picture>"#,
        ])
        for (path, format, width) in [("img/picture-160w.png", ImageFormat.png, 160), ("img/picture-320w.png", .png, 320),
                                      ("img/picture-160w.jpg", .jpeg, 160), ("img/picture-160w.png.webp", .webp, 160),
                                      ("img/picture-640w.jpg.webp", .webp, 640)] {
            let bytes = [UInt8](try #require(built.files[path], "missing \(path)"))
            #expect(ImageFormat.sniff(bytes) == format, "\(path)")
            #expect(ImageSize.read(bytes, format: format)?.width == width, "\(path)")
        }
        #expect(built.files["img/picture-1000w.png"] == nil, "never wider than the original")
        #expect(built.imagesResized == 10 && built.imagesReused == 0)
    }

    @Test func resizedCopiesComeFromTheCacheTheSecondTime() throws {
        let fixture = try site(body: "![A PNG](/img/picture.png)", settings: "images:\n  widths: [160, 320]\n")
        defer { fixture.remove() }
        let first = try fixture.build()
        let second = try fixture.build()
        #expect(first.imagesResized == 5 && first.imagesReused == 0)
        #expect(second.imagesResized == 0 && second.imagesReused == 5)
        #expect(first.files == second.files)
        #expect(!first.files.keys.contains { $0.contains("build-site-cache") }, "the cache is never published")
        // Deleting the cache only costs the time to make the copies again, and they come out the same.
        try FileManager.default.removeItem(at: fixture.root.appendingPathComponent(".build-site-cache"))
        let third = try fixture.build()
        #expect(third.imagesResized == 5 && third.files == first.files)
    }

    @Test func imageSettingsAreChecked() throws {
        let fixture = try site(body: "x", settings: "images:\n  widths: [160, big]\n  size: 50vw\n")
        defer { fixture.remove() }
        do {
            _ = try fixture.build()
            Issue.record("the build should have failed")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "site.yml:18:17: error: images.widths: expected a width in pixels from 16 to 8192, found a string",
                "site.yml:19:3: error: images: unknown setting 'size' — did you mean 'sizes'?",
            ])
        }
    }
}
