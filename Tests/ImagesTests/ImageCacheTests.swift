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
        // Other bytes, another width or another format are other entries.
        var changed = source
        changed[changed.count - 20] ^= 1
        #expect(ImageCache.entryName(of: changed, width: 320, format: .webp) != ImageCache.entryName(of: source, width: 320, format: .webp))
        #expect(ImageCache.entryName(of: source, width: 160, format: .webp) != ImageCache.entryName(of: source, width: 320, format: .webp))
        #expect(ImageCache.entryName(of: source, width: 320, format: .png) != ImageCache.entryName(of: source, width: 320, format: .webp))
    }

    @Test func aBrokenImageIsAnError() throws {
        var source = try ImageSizeTests.fixture("picture.png")
        source.removeLast(source.count / 2)
        #expect(throws: ImageError.self) { try ImageCache(folder: nil).variant(of: source, width: 160, format: .png) }
    }
}
