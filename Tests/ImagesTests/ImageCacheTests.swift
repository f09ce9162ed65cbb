import Foundation
import Testing
@testable import Images

@Suite("Resized copies through libvips and the image cache")
struct ImageCacheTests {
    func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("build-site-images-\(UUID().uuidString)")
    }

    @Test(arguments: [("picture.png", ImageFormat.png), ("picture.jpg", .jpeg), ("picture.png", .webp), ("picture.webp", .webp)])
    func aCopyHasTheAskedWidthAndFormat(name: String, format: ImageFormat) throws {
        let source = try ImageSizeTests.fixture(name)
        let copy = try ImageCache(folder: nil).variant(of: source, width: 160, format: format)
        #expect(copy.outcome == .made)
        #expect(ImageFormat.sniff(copy.bytes) == format)
        #expect(ImageSize.read(copy.bytes, format: format) == ImageSize(width: 160, height: 100))
    }

    @Test func theSameInputGivesTheSameBytes() throws {
        let source = try ImageSizeTests.fixture("picture.jpg")
        for format in [ImageFormat.jpeg, .webp, .png] {
            let first = try ImageCache(folder: nil).variant(of: source, width: 320, format: format).bytes
            let second = try ImageCache(folder: nil).variant(of: source, width: 320, format: format).bytes
            #expect(first == second, "\(format)")
        }
    }

    @Test func aCachedCopyIsReadBackNotMadeAgain() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = ImageCache(folder: folder)
        let source = try ImageSizeTests.fixture("picture.png")
        let first = try cache.variant(of: source, width: 320, format: .webp)
        let second = try cache.variant(of: source, width: 320, format: .webp)
        #expect(first.outcome == .made && second.outcome == .reused)
        #expect(first.bytes == second.bytes)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 1)
        // Other bytes, another width, another format or another libvips are other entries.
        var changed = source
        changed[changed.count - 20] ^= 1
        let name = { (bytes: [UInt8], width: Int, format: ImageFormat, version: String) in
            ImageCache.entryName(of: bytes, width: width, format: format, version: version)
        }
        #expect(name(changed, 320, .webp, "8.14.1") != name(source, 320, .webp, "8.14.1"))
        #expect(name(source, 160, .webp, "8.14.1") != name(source, 320, .webp, "8.14.1"))
        #expect(name(source, 320, .png, "8.14.1") != name(source, 320, .webp, "8.14.1"))
        #expect(name(source, 320, .webp, "8.16.1") != name(source, 320, .webp, "8.14.1"))
    }

    @Test func aBrokenImageIsAnError() throws {
        var source = try ImageSizeTests.fixture("picture.png")
        source.removeLast(source.count / 2)
        #expect(throws: ImageError.self) { try ImageCache(folder: nil).variant(of: source, width: 160, format: .png) }
    }
}
