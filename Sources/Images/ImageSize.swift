/// An image's intrinsic size in CSS pixels, read from its header: what `width` and `height` on `<img>` need
/// so that the page does not shift while the image loads.
public struct ImageSize: Sendable, Equatable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    public var description: String { "\(width)×\(height)" }

    /// The size of a PNG, JPEG, GIF, WebP or SVG file; nil when the format is unknown or its header is cut
    /// short or says nothing (an SVG with neither `width`/`height` nor a `viewBox`).
    public static func read(_ bytes: [UInt8], format: ImageFormat) -> ImageSize? {
        let size: ImageSize? = switch format {
        case .png: png(bytes)
        case .gif: gif(bytes)
        case .jpeg: jpeg(bytes)
        case .webp: webp(bytes)
        case .svg: SVGSize.read(bytes)
        }
        guard let size, size.width > 0, size.height > 0 else { return nil }
        return size
    }

    private static func bigEndian(_ bytes: [UInt8], _ offset: Int, _ count: Int) -> Int? {
        guard offset >= 0, bytes.count >= offset + count else { return nil }
        return bytes[offset..<offset + count].reduce(0) { $0 << 8 | Int($1) }
    }

    private static func littleEndian(_ bytes: [UInt8], _ offset: Int, _ count: Int) -> Int? {
        guard offset >= 0, bytes.count >= offset + count else { return nil }
        return bytes[offset..<offset + count].reversed().reduce(0) { $0 << 8 | Int($1) }
    }

    /// The IHDR chunk comes first: width and height at bytes 16 and 20.
    private static func png(_ bytes: [UInt8]) -> ImageSize? {
        guard let width = bigEndian(bytes, 16, 4), let height = bigEndian(bytes, 20, 4) else { return nil }
        return ImageSize(width: width, height: height)
    }

    /// The logical screen size, little-endian, at bytes 6 and 8.
    private static func gif(_ bytes: [UInt8]) -> ImageSize? {
        guard let width = littleEndian(bytes, 6, 2), let height = littleEndian(bytes, 8, 2) else { return nil }
        return ImageSize(width: width, height: height)
    }

    /// Walks the markers to the first start-of-frame (SOF0–SOF15 but DHT, JPG and DAC), which holds height
    /// then width. EXIF orientation is not applied: browsers lay out by the stored size unless told otherwise.
    private static func jpeg(_ bytes: [UInt8]) -> ImageSize? {
        var offset = 2
        while offset + 4 <= bytes.count {
            guard bytes[offset] == 0xFF else { return nil }
            let marker = bytes[offset + 1]
            if marker == 0xFF { offset += 1; continue }  // fill byte
            if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) { offset += 2; continue }
            guard let length = bigEndian(bytes, offset + 2, 2), length >= 2 else { return nil }
            if (0xC0...0xCF).contains(marker) && marker != 0xC4 && marker != 0xC8 && marker != 0xCC {
                guard let height = bigEndian(bytes, offset + 5, 2), let width = bigEndian(bytes, offset + 7, 2) else { return nil }
                return ImageSize(width: width, height: height)
            }
            offset += 2 + length
        }
        return nil
    }

    /// The first chunk says which kind of WebP it is: lossy (`VP8 `), lossless (`VP8L`) or extended (`VP8X`).
    private static func webp(_ bytes: [UInt8]) -> ImageSize? {
        guard bytes.count >= 30 else { return nil }
        switch String(decoding: bytes[12..<16], as: UTF8.self) {
        case "VP8 ":
            guard let width = littleEndian(bytes, 26, 2), let height = littleEndian(bytes, 28, 2) else { return nil }
            return ImageSize(width: width & 0x3FFF, height: height & 0x3FFF)
        case "VP8L":
            guard let bits = littleEndian(bytes, 21, 4) else { return nil }
            return ImageSize(width: (bits & 0x3FFF) + 1, height: (bits >> 14 & 0x3FFF) + 1)
        case "VP8X":
            guard let width = littleEndian(bytes, 24, 3), let height = littleEndian(bytes, 27, 3) else { return nil }
            return ImageSize(width: width + 1, height: height + 1)
        default:
            return nil
        }
    }
}
