/// Why an image could not be resized or cached; Site places it at the Markdown that names the image.
public struct ImageError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// What to do about it, one line each.
    public var notes: [String] = []

    public init(_ message: String) {
        self.message = message
    }

    /// libvips could not be opened: `library` is the file the loader looked for, `reason` the dynamic loader's words.
    static func libraryMissing(library: String, reason: String) -> ImageError {
        var error = ImageError("resizing needs libvips, which this machine does not have (\(reason))")
        error.notes = [
            "install it: libvips-dev on Debian or Ubuntu, or only the library (libvips42 on Debian 12); "
                + "build-site loads \(library) only when a site has images to resize",
            "or publish images at their own size only: remove `widths` from `images:` in site.yml",
        ]
        return error
    }

    public var description: String { message }
}
