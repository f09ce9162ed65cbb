import Templates
import Images

/// The HTML written for an image in Markdown: `<img>` with its `width`, `height` and `loading`, and for an
/// image with resized copies a `<picture>` with `srcset` and `sizes` (a WebP `<source>` first).
enum ImageMarkup {
    /// One way an image is offered: a set of files of one type, with their widths.
    struct Candidate {
        var url: String
        var width: Int
    }

    struct Image {
        var src: String
        var alt: String
        var title: String
        var size: ImageSize?
        var lazy: Bool
        /// Resized copies in the image's own format (the original last), with `sizes`; empty for none.
        var srcset: [Candidate] = []
        /// The same widths in WebP, for a `<source type="image/webp">`; empty for none.
        var webp: [Candidate] = []
        var sizes = ""
    }

    static func html(_ image: Image) -> String {
        var img = "<img src=\"\(escape(image.src))\" alt=\"\(escape(image.alt))\""
        if !image.title.isEmpty { img += " title=\"\(escape(image.title))\"" }
        if !image.srcset.isEmpty {
            img += " srcset=\"\(escape(srcset(image.srcset)))\" sizes=\"\(escape(image.sizes))\""
        }
        if let size = image.size { img += " width=\"\(size.width)\" height=\"\(size.height)\"" }
        if image.lazy { img += " loading=\"lazy\"" }
        img += " />"
        guard !image.webp.isEmpty else { return img }
        return "<picture><source type=\"image/webp\" srcset=\"\(escape(srcset(image.webp)))\" sizes=\"\(escape(image.sizes))\" />"
            + img + "</picture>"
    }

    private static func srcset(_ candidates: [Candidate]) -> String {
        candidates.map { "\($0.url) \($0.width)w" }.joined(separator: ", ")
    }

    /// Escapes an attribute value exactly as the template engine does (MarkupSafe's five characters).
    static func escape(_ text: String) -> String { HTMLEscaper.escape(text) }
}
