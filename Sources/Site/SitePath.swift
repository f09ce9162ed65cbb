import Foundation

/// Path arithmetic on site URLs (`/timeline/openai-founded/`), kept apart from `Foundation.URL`,
/// whose resolution rules are for absolute URLs and would need a fake host.
///
/// Every link the site emits is relative, so that `site/` works unchanged under any sub-path of any host.
enum SitePath {
    /// The link from the page at `page` (a site path such as `/people/sam-altman/` or `/404.html`) to `target`
    /// (a site path, optionally with `?query` or `#fragment`). Both are absolute within the site.
    static func relative(from page: String, to target: String) -> String {
        // Byte-level on purpose: this runs for every link of every page (the `relative_url` filter), so it
        // works on the strings' own UTF-8 storage, with no arrays made from them.
        var target = target
        var page = page
        return target.withUTF8 { targetBytes in
            page.withUTF8 { pageBytes in relative(from: pageBytes, to: targetBytes) }
        }
    }

    private static func relative(from pageBytes: UnsafeBufferPointer<UInt8>, to targetBytes: UnsafeBufferPointer<UInt8>) -> String {
        let pathEnd = pathEnd(of: targetBytes)
        let suffixBytes = targetBytes[pathEnd...]
        if pathEnd == 0 { return suffixBytes.isEmpty ? "./" : String(decoding: suffixBytes, as: UTF8.self) }
        let path = targetBytes[..<pathEnd]
        // The page's folder: everything up to and including its last "/".
        let pageFolderEnd = (pageBytes.lastIndex(of: UInt8(ascii: "/")) ?? -1) + 1
        let targetFolderEnd = (path.lastIndex(of: UInt8(ascii: "/")) ?? -1) + 1
        // Longest common folder prefix, ending on a "/".
        var common = 0
        var index = 0
        while index < pageFolderEnd, index < targetFolderEnd, pageBytes[index] == path[index] {
            if pageBytes[index] == UInt8(ascii: "/") { common = index + 1 }
            index += 1
        }
        var ups = 0
        for byte in pageBytes[common..<pageFolderEnd] where byte == UInt8(ascii: "/") { ups += 1 }
        let rest = path[common...]
        if rest.allSatisfy(isUnreserved) {
            // The common case, written straight into the string's storage: "../" per level up, the rest, the suffix.
            if ups == 0, rest.isEmpty { return "./" + String(decoding: suffixBytes, as: UTF8.self) }
            let length = ups * 3 + rest.count + suffixBytes.count
            return String(unsafeUninitializedCapacity: length) { buffer in
                var position = 0
                for _ in 0..<ups {
                    buffer[position] = UInt8(ascii: "."); buffer[position + 1] = UInt8(ascii: "."); buffer[position + 2] = UInt8(ascii: "/")
                    position += 3
                }
                for byte in rest { buffer[position] = byte; position += 1 }
                for byte in suffixBytes { buffer[position] = byte; position += 1 }
                return position
            }
        }
        // `rest` holds a byte that needs encoding, so the result is never empty here.
        let result = String(repeating: "../", count: ups) + encodePath(ArraySlice(rest))
        let suffix = String(decoding: suffixBytes, as: UTF8.self)
        return suffix.isEmpty ? result : result + suffix
    }

    /// Where a site path's path ends and its `?query` or `#fragment` begins (the end when it has neither).
    private static func pathEnd<Bytes: Collection<UInt8>>(of bytes: Bytes) -> Bytes.Index {
        bytes.firstIndex(where: { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") }) ?? bytes.endIndex
    }

    /// Percent-encodes a path, keeping its "/" separators.
    static func encodePath(_ bytes: ArraySlice<UInt8>) -> String {
        if bytes.allSatisfy(isUnreserved) { return String(decoding: bytes, as: UTF8.self) }
        return bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
            .map { percentEncode(String(decoding: $0, as: UTF8.self)) }.joined(separator: "/")
    }

    /// Percent-encodes a path, keeping its "/" separators; a path that needs none (slugs and folder names,
    /// the common case) comes back as it is, without a copy of its bytes.
    static func encodePath(_ path: String) -> String {
        path.utf8.allSatisfy(isUnreserved) ? path : encodePath(Array(path.utf8)[...])
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"), UInt8(ascii: "/"):
            return true
        default:
            return false
        }
    }

    /// The folder holding the page's own folder: `/timeline/x/` → `/timeline/`, `/about/` → `/`, and for a page
    /// in the root folder (`/`, `/404.html`) the empty string.
    ///
    /// Pages with the same parent folder get the same `relative(from:to:)` for every target whose folder is not
    /// below that parent folder (`isBelow(_:parentFolder:)`): they differ only in their last folder, which
    /// such a target never enters. So the fragment cache shares fragments between exactly those pages.
    static func parentFolder(of page: String) -> String {
        let bytes = page.utf8
        guard let folderEnd = bytes.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        guard let parentEnd = bytes[..<folderEnd].lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(page[...parentEnd])
    }

    /// Whether the folder of `target` (a site path, maybe with `?query` or `#fragment`) lies strictly below
    /// `parentFolder`: a link that `relative(from:to:)` may write differently for two pages in that folder.
    static func isBelow(_ target: String, parentFolder: String) -> Bool {
        let bytes = target.utf8
        guard let folderEnd = bytes[..<pathEnd(of: bytes)].lastIndex(of: UInt8(ascii: "/")) else { return false }
        let folderLength = bytes.distance(from: bytes.startIndex, to: folderEnd) + 1
        return folderLength > parentFolder.utf8.count && bytes.starts(with: parentFolder.utf8)
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
        // The byte test first: `contains("%")` goes through Foundation's string search, and this runs for
        // every link the Markdown stage rewrites. Without a "%" byte there can be no match either.
        guard text.utf8.contains(UInt8(ascii: "%")), text.contains("%") else { return text }
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

    /// Whether `bytes` are exactly the UTF-8 of `text`, compared as buffers (not through the generic
    /// `elementsEqual`, which walks a string's UTF-8 view a byte at a time).
    static func sameBytes(_ bytes: UnsafeBufferPointer<UInt8>, _ text: String) -> Bool {
        guard bytes.count == text.utf8.count else { return false }
        if bytes.isEmpty { return true }
        if let same = text.utf8.withContiguousStorageIfAvailable({ memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }) {
            return same
        }
        return bytes.elementsEqual(text.utf8)
    }

    /// The value of a hexadecimal digit (either case), or nil. Also what the link checker decodes `%XX` with.
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - 48
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - 87
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - 55
        default: nil
        }
    }
}
