/// The byte-level check that passes the common, fine link without making a `String` of it.
///
/// `problem(with:on:)` works on `Character`s, whose rules differ from bytes in corners (a combining mark
/// glued to a `/`, `String` equality up to canonical equivalence). This path therefore only handles links
/// whose every relevant byte is ASCII, where the two agree, and for anything it cannot prove fine it answers
/// "not fine" and lets `problem(with:on:)` decide. Target files are looked up by bytes in `table` when every
/// file name is ASCII (the same answers as `String` equality, see `LinkTargetTable`), else in `targets`.
extension LinkChecker {
    /// What the byte check needs about the page holding the links, computed once per page.
    struct PageContext {
        let page: String
        let index: Int
        /// The page's folder segments joined by "/" (`timeline/x`), or nil when the page's name is not
        /// split into segments the same way by bytes and by `Character`s (then every link takes the reference path).
        let folder: [UInt8]?
        /// Where each folder segment starts in `folder` (at its "/" separator, or 0 for the first).
        let segmentStarts: [Int]

        init(page: String, index: Int) {
            self.page = page
            self.index = index
            var segments = page.utf8.split(separator: UInt8(ascii: "/"))
            _ = segments.popLast()
            var folder: [UInt8] = []
            var starts: [Int] = []
            for segment in segments {
                starts.append(folder.count)
                if !folder.isEmpty { folder.append(UInt8(ascii: "/")) }
                folder.append(contentsOf: segment)
            }
            self.segmentStarts = starts
            if page.utf8.allSatisfy({ $0 < 0x80 }) {
                self.folder = folder
            } else {
                // A grapheme can swallow a "/" (a combining mark after it): compare with the reference's split.
                var characterSegments = page.split(separator: "/").map { Array($0.utf8) }
                _ = characterSegments.popLast()
                self.folder = characterSegments == segments.map(Array.init) ? folder : nil
            }
        }
    }

    /// Buffers reused from link to link on one page, so resolving a link allocates nothing but its target's name.
    struct ResolveScratch {
        var joined: [UInt8] = []
        var starts: [Int] = []
        var decoded: [UInt8] = []
    }

    /// True only when `href` is certainly fine: what `problem(with:on:)` would return nil for.
    func isFine(_ href: UnsafeBufferPointer<UInt8>, _ context: PageContext, _ scratch: inout ResolveScratch) -> Bool {
        guard let first = href.first else { return true }
        guard let folder = context.folder else { return false }
        // One pass for what the reference looks up one search at a time. A byte 0x80 or above anywhere
        // would need Unicode rules (is this whitespace? where are the graphemes?): the reference decides.
        var colon = -1, mark = -1, query = -1
        var hasPercent = false
        for index in 0..<href.count {
            switch href[index] {
            case 0x80...: return false
            case UInt8(ascii: ":"): if colon < 0 { colon = index }
            case UInt8(ascii: "#"): if mark < 0 { mark = index }
            case UInt8(ascii: "?"): if query < 0 && mark < 0 { query = index }
            case UInt8(ascii: "%"): if query < 0 && mark < 0 { hasPercent = true }
            default: break
            }
        }
        let slash = UInt8(ascii: "/"), hash = UInt8(ascii: "#"), dot = UInt8(ascii: ".")
        if href.count >= 2, first == slash, href[1] == slash { return true }
        if first != dot, first != hash, first != slash, colon >= 0 {
            if let fine = Self.schemeIsAllowed(href, colon: colon) { return fine }
        }
        let fragment = mark >= 0 ? (mark + 1)..<href.count : nil
        let pathEnd = query >= 0 ? query : mark >= 0 ? mark : href.count
        if pathEnd > 0, first == slash { return false }
        let path = UnsafeBufferPointer(rebasing: href[..<pathEnd])
        if hasPercent {
            guard Self.percentDecodeASCII(path, into: &scratch.decoded) else { return false }
            let decoded = scratch.decoded
            return decoded.withUnsafeBufferPointer { decoded in
                resolvesFine(path: decoded, fragment: fragment.map { UnsafeBufferPointer(rebasing: href[$0]) },
                                    folder: folder, context, &scratch.joined, &scratch.starts)
            }
        }
        return resolvesFine(path: path, fragment: fragment.map { UnsafeBufferPointer(rebasing: href[$0]) },
                            folder: folder, context, &scratch.joined, &scratch.starts)
    }

    /// For an ASCII link with a ":" and no leading "./#", what the reference does with its scheme:
    /// true when the scheme is allowed, false when it is reported, nil when the text before ":" is no scheme
    /// (then the link is a relative path such as `a/b:c`).
    private static func schemeIsAllowed(_ href: UnsafeBufferPointer<UInt8>, colon: Int) -> Bool? {
        // The reference drops leading whitespace and control characters: in ASCII, every byte up to 0x20.
        var start = 0
        while start < colon, href[start] <= 0x20 { start += 1 }
        guard start < colon, isASCIILetter(href[start]) else { return nil }
        for byte in href[start..<colon] where !(isASCIILetter(byte) || (byte >= 0x30 && byte <= 0x39)
                                                 || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")) {
            return nil
        }
        let scheme = UnsafeBufferPointer(rebasing: href[start..<colon])
        for allowed: StaticString in ["http", "https", "mailto", "tel", "data"] where equalsIgnoringASCIICase(scheme, allowed) {
            return true
        }
        return false
    }

    /// Resolves `path` (ASCII, percent-decoded: `isFine` and `percentDecodeASCII` make sure) against the page's folder like `resolve(_:from:)`, and checks
    /// that the target exists and, for a fragment on an HTML page, that the id does.
    private func resolvesFine(path: UnsafeBufferPointer<UInt8>, fragment: UnsafeBufferPointer<UInt8>?, folder: [UInt8],
                              _ context: PageContext, _ joined: inout [UInt8], _ starts: inout [Int]) -> Bool {
        let targetIndex: Int
        let targetIsHTML: Bool
        if path.isEmpty {
            targetIndex = context.index
            targetIsHTML = true
        } else {
            joined.removeAll(keepingCapacity: true)
            joined.append(contentsOf: folder)
            starts.removeAll(keepingCapacity: true)
            starts.append(contentsOf: context.segmentStarts)
            // The components between "/"s, empty ones skipped, without making an array of them.
            var componentStart = 0
            while componentStart < path.count {
                var componentEnd = componentStart
                while componentEnd < path.count, path[componentEnd] != UInt8(ascii: "/") { componentEnd += 1 }
                defer { componentStart = componentEnd + 1 }
                let length = componentEnd - componentStart
                if length == 0 { continue }
                if length <= 2, path[componentStart] == UInt8(ascii: "."), length == 1 || path[componentStart + 1] == UInt8(ascii: ".") {
                    if length == 1 { continue }
                    guard let start = starts.popLast() else { return false }
                    joined.removeLast(joined.count - start)
                    continue
                }
                starts.append(joined.count)
                if !joined.isEmpty { joined.append(UInt8(ascii: "/")) }
                joined.append(contentsOf: UnsafeBufferPointer(rebasing: path[componentStart..<componentEnd]))
            }
            let index: Int?
            if Self.namesAFolder(path) {
                if !joined.isEmpty { joined.append(UInt8(ascii: "/")) }
                joined.append(contentsOf: "index.html".utf8)
                index = target(named: joined)
            } else if let file = target(named: joined) {
                index = file
            } else {
                joined.append(contentsOf: "/index.html".utf8)
                index = target(named: joined)
            }
            guard let index else { return false }
            targetIndex = index
            targetIsHTML = Self.endsInHTML(joined)
        }
        guard let fragment, !fragment.isEmpty, targetIsHTML else { return true }
        // The target's name is ASCII, so "ends in .html" means the same as for the reference; the lookup
        // found it among the files, and it is HTML, so it is one of the pages.
        guard targetIndex >= 0 else { return false }
        var id = String(decoding: fragment, as: UTF8.self)
        if fragment.contains(UInt8(ascii: "%")) { id = SitePath.percentDecode(id) ?? id }
        return scans[targetIndex].hasID(id, in: pageData[targetIndex])
    }

    /// `targets[name]`, by bytes when every file name is ASCII (then it is the same answer).
    private func target(named name: [UInt8]) -> Int? {
        guard let table else { return targets[String(decoding: name, as: UTF8.self)] }
        return name.withUnsafeBufferPointer { table.value(for: $0) }
    }

    /// Whether a target's name ends in ".html", byte by byte (a generic `elementsEqual` against a string's
    /// UTF-8 view cost more than the rest of resolving the link).
    private static func endsInHTML(_ name: [UInt8]) -> Bool {
        let n = name.count
        return n >= 5 && name[n - 5] == UInt8(ascii: ".") && name[n - 4] == UInt8(ascii: "h") && name[n - 3] == UInt8(ascii: "t")
            && name[n - 2] == UInt8(ascii: "m") && name[n - 1] == UInt8(ascii: "l")
    }

    /// The reference's test for a path that names a folder (`x/`, `.`, `..`, `x/.`, `x/..`).
    private static func namesAFolder(_ path: UnsafeBufferPointer<UInt8>) -> Bool {
        let dot = UInt8(ascii: "."), slash = UInt8(ascii: "/")
        let n = path.count
        if path[n - 1] == slash { return true }
        if n == 1, path[0] == dot { return true }
        if n == 2, path[0] == dot, path[1] == dot { return true }
        if n >= 2, path[n - 2] == slash, path[n - 1] == dot { return true }
        return n >= 3 && path[n - 3] == slash && path[n - 2] == dot && path[n - 1] == dot
    }

    /// Decodes `%XX` escapes of an ASCII path into `out`. False when an escape is malformed or the result
    /// is not ASCII: then the reference decides (it reports the first, and splits the second by `Character`s).
    private static func percentDecodeASCII(_ text: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
        out.removeAll(keepingCapacity: true)
        var i = 0
        while i < text.count {
            let byte = text[i]
            guard byte == UInt8(ascii: "%") else {
                out.append(byte)
                i += 1
                continue
            }
            guard i + 2 < text.count, let high = SitePath.hexValue(text[i + 1]), let low = SitePath.hexValue(text[i + 2]) else { return false }
            let decoded = high << 4 | low
            guard decoded < 0x80 else { return false }
            out.append(decoded)
            i += 3
        }
        return true
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private static func equalsIgnoringASCIICase(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard bytes.count == word.utf8CodeUnitCount else { return false }
        let letters = word.utf8Start
        for k in 0..<bytes.count where bytes[k] | 0x20 != letters[k] { return false }
        return true
    }
}
