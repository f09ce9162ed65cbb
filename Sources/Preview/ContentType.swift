/// The `Content-Type` a preview response carries, chosen from the file extension.
///
/// Text types always name `charset=utf-8`: the build writes UTF-8, and without the charset a browser
/// falls back to a locale-dependent guess that garbles Chinese titles in CSS `content:` or JSON.
enum ContentType {
    /// The type for an output path such as `timeline/x/index.html` or `fonts/a.woff2`.
    static func forPath(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: ".") else { return fallback }
        let ext = name[name.index(after: dot)...].lowercased()
        return types[ext] ?? fallback
    }

    /// Whether the live-reload script belongs in a response of this type.
    static func isHTML(_ contentType: String) -> Bool {
        contentType.hasPrefix("text/html")
    }

    static let html = "text/html; charset=utf-8"

    /// Unknown files are offered as bytes; with `nosniff` the browser will not guess further.
    static let fallback = "application/octet-stream"

    private static let utf8 = "; charset=utf-8"
    private static let types: [String: String] = [
        "html": "text/html" + utf8, "htm": "text/html" + utf8,
        "css": "text/css" + utf8,
        "js": "text/javascript" + utf8, "mjs": "text/javascript" + utf8,
        "json": "application/json" + utf8, "map": "application/json" + utf8,
        "webmanifest": "application/manifest+json" + utf8,
        "xml": "application/xml" + utf8, "xsl": "application/xml" + utf8,
        "atom": "application/atom+xml" + utf8, "rss": "application/rss+xml" + utf8,
        "svg": "image/svg+xml" + utf8,
        "txt": "text/plain" + utf8, "md": "text/markdown" + utf8, "csv": "text/csv" + utf8,
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
        "webp": "image/webp", "avif": "image/avif", "ico": "image/x-icon",
        "woff2": "font/woff2", "woff": "font/woff", "ttf": "font/ttf", "otf": "font/otf",
        "pdf": "application/pdf", "wasm": "application/wasm",
        "mp4": "video/mp4", "webm": "video/webm", "mp3": "audio/mpeg",
    ]
}
