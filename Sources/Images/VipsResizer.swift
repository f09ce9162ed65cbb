import CVipsLoader

/// The one Swift file that calls libvips, through `CVipsLoader` (whose `VipsLoader.c` is the one file on libvips's
/// own C API).
///
/// libvips is loaded the first time a build asks for a resized copy or for its version, never at start-up: a
/// site without large images never loads it, and a machine without it builds such sites. Every image made here
/// is unreferenced in the scope that made it, and every buffer libvips returns is copied into a Swift array and
/// freed there too (`defer`), also on failure. Encoder settings live in `CVipsLoader/VipsLoader.c`.
enum VipsResizer {
    /// Loads and starts libvips once per process (under Swift's lazy-global lock), or why it could not.
    private static let started: ImageError? = {
        switch build_site_vips_load() {
        case Int32(BUILD_SITE_VIPS_LOADED): return nil
        case Int32(BUILD_SITE_VIPS_NOT_FOUND):
            return .libraryMissing(library: String(cString: build_site_vips_library_name()),
                              reason: String(cString: build_site_vips_load_error()))
        default: return ImageError("libvips could not start: \(String(cString: build_site_vips_load_error()))")
        }
    }()

    /// libvips's version, `8.16.1`: part of a cache entry's name, since another version may write other bytes.
    /// - Throws: `ImageError` when libvips cannot be loaded.
    static func version() throws(ImageError) -> String {
        if let failure = started { throw failure }
        return "\(build_site_vips_version(0)).\(build_site_vips_version(1)).\(build_site_vips_version(2))"
    }

    /// `source` (a PNG, JPEG or WebP file's bytes) scaled down to `width` pixels wide and encoded as `format`.
    /// - Throws: `ImageError` when libvips cannot be loaded, or with libvips's own message when it cannot decode,
    ///   scale or encode.
    static func resize(_ source: [UInt8], toWidth width: Int, as format: ImageFormat) throws(ImageError) -> [UInt8] {
        if let failure = started { throw failure }
        var image: OpaquePointer?
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
        defer { if let data { build_site_vips_free(data) } }
        guard saved == 0, let data else { throw ImageError("libvips could not write \(format.rawValue): \(lastError())") }
        return Array(UnsafeRawBufferPointer(start: data, count: length))
    }

    /// libvips's error text for this thread's last failure, cleared after reading.
    private static func lastError() -> String {
        defer { build_site_vips_error_clear() }
        let message = String(cString: build_site_vips_error_buffer()).split(separator: "\n").first.map(String.init) ?? ""
        return message.isEmpty ? "unknown error" : message
    }
}
