import Content
import DidYouMean

/// `images:` in `site.yml`: which widths a large raster image is also written in, and the `sizes` attribute
/// that tells the browser how wide it will be shown.
///
/// ```yaml
/// images:
///   widths: [480, 960]              # copies for PNG, JPEG and WebP images wider than the smallest
///   sizes: "(min-width: 50rem) 46rem, 100vw"
///   webp: true                      # also a WebP of each width (the default)
/// ```
/// Without the key, or with no widths, images keep their one file (still with `width`, `height` and `loading`).
struct ImageSettings: Sendable, Equatable {
    var widths: [Int] = []
    var sizes = "100vw"
    var webp = true

    static let keys = ["widths", "sizes", "webp"]

    /// Reads `images:` from the site's configuration; every mistake is a diagnostic at its value in `site.yml`.
    static func load(_ config: SiteConfig) throws(BuildFailure) -> ImageSettings {
        var settings = ImageSettings()
        guard let node = config.extra.first(where: { $0.key == "images" })?.value else { return settings }
        var problems: [Diagnostic] = []
        func problem(_ node: Node, _ message: String) {
            problems.append(Diagnostic(file: "site.yml", line: node.line, column: node.column, message: message))
        }
        guard case .mapping(let pairs) = node.value else {
            problem(node, "images: expected a mapping (widths, sizes, webp), found \(node.value.typeName)")
            throw BuildFailure(diagnostics: problems)
        }
        for (key, value) in pairs {
            switch (key, value.value) {
            case ("widths", .list(let items)):
                for item in items {
                    if case .int(let width) = item.value, (16...8192).contains(width) {
                        settings.widths.append(width)
                    } else {
                        problem(item, "images.widths: expected a width in pixels from 16 to 8192, found \(item.value.typeName)")
                    }
                }
            case ("widths", _): problem(value, "images.widths: expected a list of widths in pixels, found \(value.value.typeName)")
            case ("sizes", .string(let sizes)): settings.sizes = sizes
            case ("sizes", _): problem(value, "images.sizes: expected a string such as \"100vw\", found \(value.value.typeName)")
            case ("webp", .bool(let webp)): settings.webp = webp
            case ("webp", _): problem(value, "images.webp: expected true or false, found \(value.value.typeName)")
            default:
                var message = "images: unknown setting '\(key)'"
                if let near = Suggestion.closest(to: key, in: keys) { message += " — did you mean '\(near)'?" }
                problems.append(Diagnostic(file: "site.yml", line: value.keyLine ?? value.line,
                                           column: value.keyColumn ?? value.column, message: message))
            }
        }
        if !problems.isEmpty { throw BuildFailure(diagnostics: problems) }
        settings.widths = Array(Set(settings.widths)).sorted()
        return settings
    }
}
