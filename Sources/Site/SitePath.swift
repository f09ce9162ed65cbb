/// Path arithmetic on site URLs (`/timeline/openai-founded/`), kept apart from `Foundation.URL`,
/// whose resolution rules are for absolute URLs and would need a fake host.
///
/// Every link the site emits is relative, so that `site/` works unchanged under any sub-path of any host.
enum SitePath {
    /// The link from the page at `page` (a site path such as `/people/sam-altman/` or `/404.html`) to `target`
    /// (a site path, optionally with `?query` or `#fragment`). Both are absolute within the site.
    static func relative(from page: String, to target: String) -> String {
        var path = target
        var suffix = ""
        if let index = path.firstIndex(where: { $0 == "#" || $0 == "?" }) {
            suffix = String(path[index...])
            path = String(path[..<index])
        }
        if path.isEmpty { return suffix.isEmpty ? "./" : suffix }
        let base = directorySegments(of: page)
        var targetSegments = path.split(separator: "/").map(String.init)
        let targetIsDirectory = path.hasSuffix("/")
        let fileName = targetIsDirectory ? nil : targetSegments.popLast()
        var common = 0
        while common < base.count, common < targetSegments.count, base[common] == targetSegments[common] {
            common += 1
        }
        let ups = Array(repeating: "..", count: base.count - common)
        let downs = targetSegments[common...].map(percentEncode)
        var parts = ups + downs
        if let fileName { parts.append(percentEncode(fileName)) }
        var result = parts.joined(separator: "/")
        if targetIsDirectory && !parts.isEmpty { result += "/" }
        if result.isEmpty { result = "./" }
        return result + suffix
    }

    /// The folder segments a page lives in: `/a/b/` → [a, b]; `/a/x.html` → [a]; `/` → [].
    static func directorySegments(of page: String) -> [String] {
        var segments = page.split(separator: "/").map(String.init)
        if !page.hasSuffix("/") { _ = segments.popLast() }
        return segments
    }

    /// The output file a site path is served from: `/a/` → `a/index.html`, `/a.xml` → `a.xml`.
    static func outputFile(for sitePath: String) -> String {
        let trimmed = sitePath.hasPrefix("/") ? String(sitePath.dropFirst()) : sitePath
        if trimmed.isEmpty || trimmed.hasSuffix("/") { return trimmed + "index.html" }
        return trimmed
    }

    /// The site path of an output file: `a/index.html` → `/a/`, `404.html` → `/404.html`.
    static func sitePath(forOutputFile file: String) -> String {
        if file == "index.html" { return "/" }
        if file.hasSuffix("/index.html") { return "/" + file.dropLast("index.html".count) }
        return "/" + file
    }

    /// Percent-encodes one path segment: unreserved ASCII stays, everything else (spaces, CJK, emoji) is encoded.
    static func percentEncode(_ segment: String) -> String {
        var out = ""
        for byte in segment.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + hexDigit(byte >> 4) + hexDigit(byte & 0xF)
            }
        }
        return out
    }

    /// Decodes `%XX` escapes; returns nil for malformed escapes or bytes that are not UTF-8.
    static func percentDecode(_ text: String) -> String? {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
                bytes.append(high << 4 | low)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexDigit(_ value: UInt8) -> String {
        String(UnicodeScalar(value < 10 ? 48 + value : 55 + value))
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - 48
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - 87
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - 55
        default: nil
        }
    }
}
