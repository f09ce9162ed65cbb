import Testing
@testable import Images

/// The exact bytes libvips writes for each fixture, width and format, recorded with libvips 8.14.1 (Debian 12,
/// as CI runs) when build-site still linked libvips and called it through a shim header. Loading it with
/// `dlopen` and calling it through function pointers (`CVipsLoader`) must not change a byte: the same options,
/// in the same order, with the same values. Another libvips version may encode differently, so the check runs
/// only with the version the bytes were recorded with.
@Suite("Resized bytes, as recorded", .enabled(if: (try? VipsResizer.version()) == "8.14.1"))
struct ResizedBytesTests {
    /// (fixture, width, format, length, FNV-1a 64 of the bytes).
    static let recorded: [(String, Int, ImageFormat, Int, UInt64)] = [
        ("picture.png", 160, .png, 3864, 0x5d7b3b7a91c9b8d8),
        ("picture.png", 160, .jpeg, 1702, 0xf5d6740d84072c80),
        ("picture.png", 160, .webp, 828, 0x07b86ea89650229d),
        ("picture.png", 320, .png, 4761, 0x0ed5f34bfc6e5578),
        ("picture.png", 320, .jpeg, 2965, 0x062f8e5ce71c8b5f),
        ("picture.png", 320, .webp, 1226, 0x1cca6d81e564ec6b),
        ("picture.jpg", 160, .png, 8248, 0x6043e3431cd8e58a),
        ("picture.jpg", 160, .jpeg, 1701, 0xd4b1ec4a65282b24),
        ("picture.jpg", 160, .webp, 810, 0xde539e6db921a2e0),
        ("picture.jpg", 320, .png, 23974, 0xef67cbe0049a3be7),
        ("picture.jpg", 320, .jpeg, 2974, 0x54098a6894b7be4c),
        ("picture.jpg", 320, .webp, 1324, 0x5c89b2ea331ec36e),
        ("picture.webp", 160, .png, 5193, 0x85c46700e2b33718),
        ("picture.webp", 160, .jpeg, 1802, 0xb4faa74e009925b6),
        ("picture.webp", 160, .webp, 910, 0xe0cb888ad3f9c05a),
        ("picture.webp", 320, .png, 6253, 0x34baede0b2fc91ac),
        ("picture.webp", 320, .jpeg, 3141, 0xd0c9ae889d6a7b29),
        ("picture.webp", 320, .webp, 1352, 0xc7c93dcc4c48afae),
        ("picture-lossless.webp", 160, .png, 816, 0xa11e3f33af59f32a),
        ("picture-lossless.webp", 160, .jpeg, 1763, 0xd29e6a892d940d68),
        ("picture-lossless.webp", 160, .webp, 800, 0x87e4d709ee57eb39),
        ("picture-lossless.webp", 320, .png, 1557, 0x9fd378df1f1e1e99),
        ("picture-lossless.webp", 320, .jpeg, 3000, 0x3caf10c5c62ed781),
        ("picture-lossless.webp", 320, .webp, 1282, 0x739a8e0316e48573),
    ]

    static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        bytes.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01b3 }
    }

    @Test func everyCopyIsByteForByteAsRecorded() throws {
        for (name, width, format, length, hash) in Self.recorded {
            let bytes = try VipsResizer.resize(try ImageSizeTests.fixture(name), toWidth: width, as: format)
            #expect(bytes.count == length && Self.fnv1a(bytes) == hash, "\(name) at \(width) as \(format)")
        }
    }

    @Test func aWidthBeyondTheImageIsNotScaledUp() throws {
        let bytes = try VipsResizer.resize(try ImageSizeTests.fixture("picture.png"), toWidth: 4000, as: .png)
        #expect(ImageSize.read(bytes, format: .png) == ImageSize(width: 640, height: 400))
    }
}
