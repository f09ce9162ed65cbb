import Foundation

/// Resized images kept between builds, by content: a file's copies are made once, and a later build that
/// meets the same bytes (under any name) reads them back instead of running libvips again.
///
/// The cache is a folder of its own outside the output (`.build-site-cache/images/` under the site's root by
/// default): it is never published, and deleting it only costs the next build the time to make the copies
/// again. An entry's name holds everything its bytes depend on: a 64-bit FNV-1a hash of the source bytes and
/// their length, the width, the format, and the libvips version and encoder settings (`settingsVersion`).
/// Entries are written under a temporary name and renamed, so a killed build never leaves half of one.
public struct ImageCache: Sendable {
    /// Bumped whenever `CVipsLoader/VipsLoader.c` changes an encoder setting, so that old entries are no longer found.
    static let settingsVersion = "s1"

    /// Where entries live; nil keeps nothing between builds.
    public let folder: URL?

    public init(folder: URL?) {
        self.folder = folder
    }

    /// Why no copy can be made, when libvips cannot be loaded; nil when it is ready. The first call loads it.
    public static var unavailable: ImageError? {
        do throws(ImageError) {
            _ = try VipsResizer.version()
            return nil
        } catch {
            return error
        }
    }

    /// What one call did, for tests and `--verbose`.
    public enum Outcome: Sendable, Equatable { case made, reused }

    /// `source` scaled to `width` pixels wide in `format`: read from the cache, or made by libvips and stored.
    /// libvips is loaded by the first call (its version is part of every entry's name), not before.
    /// - Throws: `ImageError` when libvips fails or is not installed; a cache folder that cannot be written is not an error (the
    ///   copy is made again next time).
    public func variant(of source: [UInt8], width: Int, format: ImageFormat) throws(ImageError) -> (bytes: [UInt8], outcome: Outcome) {
        let version = try VipsResizer.version()
        let entry = folder?.appendingPathComponent(Self.entryName(of: source, width: width, format: format, version: version))
        if let entry, let data = FileManager.default.contents(atPath: entry.path) {
            return ([UInt8](data), .reused)
        }
        let bytes = try VipsResizer.resize(source, toWidth: width, as: format)
        if let entry, let folder {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? Data(bytes).write(to: entry, options: .atomic)
        }
        return (bytes, .made)
    }

    /// `9f86d081884c7d65-1a2b-960.webp`: hash, source length (hex), width, format; then the settings.
    static func entryName(of source: [UInt8], width: Int, format: ImageFormat, version: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in source {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        let padded = String(repeating: "0", count: 16 - hex.count) + hex
        return "\(padded)-\(String(source.count, radix: 16))-\(width)-\(version)-\(settingsVersion).\(format.fileExtension)"
    }
}
