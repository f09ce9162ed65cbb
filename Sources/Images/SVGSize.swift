/// The size of an SVG drawing, from the attributes of its `<svg>` element: `width` and `height` when both are
/// plain numbers (or pixels), otherwise the `viewBox`'s width and height, scaled to a given `width` or `height`.
enum SVGSize {
    /// Whether the text opens an `<svg` element within its first kilobytes (after an XML declaration,
    /// comments or a doctype).
    static func looksLikeSVG(_ bytes: [UInt8]) -> Bool {
        openingTag(bytes) != nil
    }

    static func read(_ bytes: [UInt8]) -> ImageSize? {
        guard let tag = openingTag(bytes) else { return nil }
        let width = attribute("width", in: tag).flatMap(pixels)
        let height = attribute("height", in: tag).flatMap(pixels)
        if let width, let height { return ImageSize(width: Int(width.rounded()), height: Int(height.rounded())) }
        guard let box = attribute("viewBox", in: tag) else { return nil }
        let numbers = box.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\n" || $0 == "\t" }).compactMap { Double($0) }
        guard numbers.count == 4, numbers[2] > 0, numbers[3] > 0 else { return nil }
        let (boxWidth, boxHeight) = (numbers[2], numbers[3])
        if let width { return ImageSize(width: Int(width.rounded()), height: Int((width * boxHeight / boxWidth).rounded())) }
        if let height { return ImageSize(width: Int((height * boxWidth / boxHeight).rounded()), height: Int(height.rounded())) }
        return ImageSize(width: Int(boxWidth.rounded()), height: Int(boxHeight.rounded()))
    }

    /// `<svg …>`'s text up to its `>`, searched in the first 64 KB.
    private static func openingTag(_ bytes: [UInt8]) -> String? {
        let text = String(decoding: bytes.prefix(65_536), as: UTF8.self)
        guard let start = text.range(of: "<svg"), let end = text[start.upperBound...].firstIndex(of: ">") else { return nil }
        let next = text[start.upperBound...].first
        guard next == " " || next == "\n" || next == "\t" || next == "\r" || next == ">" || next == "/" else { return nil }
        return String(text[start.upperBound..<end])
    }

    /// The value of `name="…"` or `name='…'` in a tag's text (the name preceded by whitespace).
    private static func attribute(_ name: String, in tag: String) -> String? {
        var rest = Substring(tag)
        while let found = rest.range(of: name + "=") {
            let before = found.lowerBound == tag.startIndex ? " " : rest[..<found.lowerBound].last ?? " "
            let after = rest[found.upperBound...]
            if before.isWhitespace, let quote = after.first, quote == "\"" || quote == "'" {
                let value = after.dropFirst()
                if let close = value.firstIndex(of: quote) { return String(value[..<close]) }
            }
            rest = rest[found.upperBound...]
        }
        return nil
    }

    /// A length in CSS pixels: `640`, `640px`, `640.5`; nil for `100%`, `10em` and other relative units.
    private static func pixels(_ value: String) -> Double? {
        var text = value.trimmingCharacters()
        if text.hasSuffix("px") { text.removeLast(2) }
        guard let number = Double(text), number > 0 else { return nil }
        return number
    }
}

private extension String {
    func trimmingCharacters() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
