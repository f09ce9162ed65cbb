/// The image formats whose size build-site reads from the file, by the bytes they start with.
public enum ImageFormat: String, Sendable, CaseIterable {
    case png, jpeg, gif, webp, svg

    /// The format of a file, from its first bytes (not its name); nil when it is none of these.
    public static func sniff(_ bytes: [UInt8]) -> ImageFormat? {
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + prefix.count && Array(bytes[offset..<offset + prefix.count]) == prefix
        }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return .gif }
        if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) { return .webp }
        if SVGSize.looksLikeSVG(bytes) { return .svg }
        return nil
    }

    /// Whether libvips resizes it into several widths: photographs and drawings in pixels. A GIF may be
    /// animated and an SVG scales by itself, so both are left as they are.
    public var isResizable: Bool { self == .png || self == .jpeg || self == .webp }

    /// The file extension its resized copies get.
    public var fileExtension: String { self == .jpeg ? "jpg" : rawValue }

    /// The MIME type, for `<source type>`.
    public var mimeType: String { self == .svg ? "image/svg+xml" : "image/" + rawValue }
}
