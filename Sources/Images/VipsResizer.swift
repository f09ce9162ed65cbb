import CVips
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one place that talks to libvips's C API.
///
/// Every image made here is unreferenced in the scope that made it, and every buffer libvips returns is copied
/// into a Swift array and freed there too (`defer`), also on failure. Encoder settings live in `CVips/shim.h`.
enum VipsResizer {
    /// `vips_init` once per process, on first use, under Swift's lazy-global lock; nil when it failed.
    private static let started: String? = {
        build_site_vips_quiet()
        guard vips_init("build-site") == 0 else { return lastError() }
        // Nothing to gain from libvips's operation cache in a build that resizes each image once; a preview
        // server would otherwise keep decoded images alive between rebuilds.
        vips_cache_set_max(0)
        return nil
    }()

    /// libvips's version, `8.16.1`: part of a cache entry's name, since another version may write other bytes.
    static var version: String {
        "\(vips_version(0)).\(vips_version(1)).\(vips_version(2))"
    }

    /// `source` (a PNG, JPEG or WebP file's bytes) scaled down to `width` pixels wide and encoded as `format`.
    /// - Throws: `ImageError` with libvips's own message when it cannot decode, scale or encode.
    static func resize(_ source: [UInt8], toWidth width: Int, as format: ImageFormat) throws(ImageError) -> [UInt8] {
        if let failure = started { throw ImageError("libvips could not start: \(failure)") }
        var image: UnsafeMutablePointer<VipsImage>?
        let status = source.withUnsafeBytes { buffer in
            build_site_vips_thumbnail(buffer.baseAddress, buffer.count, Int32(width), &image)
        }
        guard status == 0, let image else { throw ImageError("libvips could not read the image: \(lastError())") }
        defer { build_site_vips_unref(image) }

        var data: UnsafeMutableRawPointer?
        var length = 0
        let saved: Int32 = switch format {
        case .png: build_site_vips_save_png(image, &data, &length)
        case .jpeg: build_site_vips_save_jpeg(image, &data, &length)
        case .webp: build_site_vips_save_webp(image, &data, &length)
        case .gif, .svg: -1
        }
        defer { if let data { g_free(data) } }
        guard saved == 0, let data else { throw ImageError("libvips could not write \(format.rawValue): \(lastError())") }
        return Array(UnsafeRawBufferPointer(start: data, count: length))
    }

    /// libvips's error text for this thread's last failure, cleared after reading.
    private static func lastError() -> String {
        defer { vips_error_clear() }
        guard let text = vips_error_buffer() else { return "unknown error" }
        let message = String(cString: text).split(separator: "\n").first.map(String.init) ?? ""
        return message.isEmpty ? "unknown error" : message
    }
}
