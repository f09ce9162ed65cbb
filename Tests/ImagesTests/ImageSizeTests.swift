import Foundation
import Testing
@testable import Images

/// The fixtures were made with the `vips` command (see `Fixtures/README.md`): a 640×400 picture in PNG, JPEG
/// and WebP (lossy and lossless), a 3×2 GIF, and SVG files that state their size in each way SVG can.
@Suite("Image sizes from file headers")
struct ImageSizeTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
        return [UInt8](try Data(contentsOf: url))
    }

    @Test(arguments: [
        ("picture.png", ImageFormat.png, 640, 400),
        ("picture.jpg", .jpeg, 640, 400),
        ("picture.webp", .webp, 640, 400),
        ("picture-lossless.webp", .webp, 640, 400),
        ("tiny.gif", .gif, 3, 2),
        ("sized.svg", .svg, 120, 80),
        ("viewbox.svg", .svg, 300, 150),
        ("width-and-viewbox.svg", .svg, 600, 300),
        ("percent-and-viewbox.svg", .svg, 40, 30),
    ])
    func readsTheSizeOfEachFormat(name: String, format: ImageFormat, width: Int, height: Int) throws {
        let bytes = try Self.fixture(name)
        #expect(ImageFormat.sniff(bytes) == format)
        #expect(ImageSize.read(bytes, format: format) == ImageSize(width: width, height: height))
    }

    @Test func aCutHeaderHasNoSize() throws {
        for name in ["picture.png", "picture.jpg", "picture.webp", "tiny.gif"] {
            let bytes = try Self.fixture(name)
            let format = try #require(ImageFormat.sniff(bytes))
            #expect(ImageSize.read(Array(bytes.prefix(8)), format: format) == nil, "\(name)")
        }
    }

    @Test func anSVGWithoutASizeHasNone() {
        let bytes = Array(#"<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>"#.utf8)
        #expect(ImageFormat.sniff(bytes) == .svg)
        #expect(ImageSize.read(bytes, format: .svg) == nil)
    }

    @Test func otherFilesAreNoImage() {
        #expect(ImageFormat.sniff(Array("%PDF-1.7\n".utf8)) == nil)
        #expect(ImageFormat.sniff(Array("<svgfoo>".utf8)) == nil)
        #expect(ImageFormat.sniff([]) == nil)
    }
}
