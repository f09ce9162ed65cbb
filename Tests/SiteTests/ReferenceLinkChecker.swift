import Foundation
@testable import Site

// The link checker as it was before the byte-level fast path (commit 87a706a), kept verbatim apart from
// its names and the 404 page's links from the base path (issue 20, marked below): the differential tests in
// LinkCheckerDifferentialTests hold the current checker to its verdicts.

/// Checks every internal `href` and `src` of every HTML page, and every `#fragment`, against the built files.
///
/// Links are checked on the rendered output rather than in Markdown or templates alone, because that is
/// what the reader clicks: a link from a template, a Markdown body or a `markdown` filter all end up here.
/// The scanner is a small attribute tokenizer, not an HTML parser: the output is our own, well-formed HTML.
struct ReferenceLinkChecker {
    let files: [String: Data]
    /// Issue 20: the base path the 404 page's links start from.
    let basePath: String
    private let pages: [String]
    private let scans: [String: ReferenceHTMLScanner.Result]

    /// Scans every HTML page once, in parallel, for both its links and its ids.
    init(files: [String: Data], basePath: String = "/") {
        self.files = files
        self.basePath = basePath
        let pages = files.keys.filter { $0.hasSuffix(".html") }.sorted()
        let results = pages.concurrentMap { page in ReferenceHTMLScanner.scan(files[page] ?? Data()) }
        self.pages = pages
        self.scans = Dictionary(uniqueKeysWithValues: zip(pages, results))
    }

    /// All broken links, in page order and then document order, for a stable report.
    func check() -> [BrokenLink] {
        let results = pages.concurrentMap { page -> [BrokenLink] in
            guard let scan = scans[page] else { return [] }
            var broken: [BrokenLink] = []
            var seen = Set<String>()
            for href in scan.links where seen.insert(href).inserted {
                if let problem = problem(with: href, on: page) {
                    broken.append(problem)
                }
            }
            return broken
        }
        return results.flatMap { $0 }
    }

    private func problem(with href: String, on page: String) -> BrokenLink? {
        if href.hasPrefix("//") { return nil }
        if let scheme = Self.scheme(of: href) {
            if ["http", "https", "mailto", "tel", "data"].contains(scheme) { return nil }
            guard scheme != "javascript" else {
                return BrokenLink(page: page, href: href, sitePath: href, reason: "javascript: links are not allowed")
            }
            return BrokenLink(page: page, href: href, sitePath: href, reason: "unsupported URL scheme '\(scheme):'")
        }
        var path = href
        var fragment: String?
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[path.index(after: hash)...])
            path = String(path[..<hash])
        }
        if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
        // Issue 20: the 404 page's links start from the base path, and are checked from the root folder.
        if page == "404.html", path.hasPrefix(basePath) {
            path = String(path.dropFirst(basePath.count))
            if path.isEmpty { path = "./" }
        } else if path.hasPrefix("/") {
            return BrokenLink(page: page, href: href, sitePath: href,
                              reason: "root-relative link breaks when the site is served under a sub-path; "
                                  + "write it as a site path through the relative_url filter")
        }
        guard let decoded = ReferenceLinkChecker.percentDecode(path) else {
            return BrokenLink(page: page, href: href, sitePath: href, reason: "malformed percent-encoding")
        }
        guard let target = resolve(decoded, from: page) else {
            return BrokenLink(page: page, href: href, sitePath: href, reason: "leads outside the site")
        }
        // Built only for a broken link: almost every link is fine, and this runs for every link of every page.
        var sitePath: String { SitePath.sitePath(forOutputFile: target.file) + (fragment.map { "#" + $0 } ?? "") }
        guard target.exists else {
            return BrokenLink(page: page, href: href, sitePath: sitePath, reason: "no such page or file in the site")
        }
        if let fragment, !fragment.isEmpty, target.file.hasSuffix(".html") {
            let id = ReferenceLinkChecker.percentDecode(fragment) ?? fragment
            if scans[target.file]?.ids.contains(id) != true {
                return BrokenLink(page: page, href: href, sitePath: sitePath,
                                  reason: "no element with id '\(id)' on \(SitePath.sitePath(forOutputFile: target.file))")
            }
        }
        return nil
    }

    /// The lowercased scheme of an absolute URL (`HTTPS://x` → `https`), or nil for a relative link.
    /// Browsers ignore leading spaces and control characters, so a `javascript:` hidden behind them still counts.
    static func scheme(of href: String) -> String? {
        // Fast path: a link that starts like a path or a fragment has no scheme.
        if let first = href.utf8.first, first == UInt8(ascii: ".") || first == UInt8(ascii: "#") || first == UInt8(ascii: "/") {
            return nil
        }
        guard href.utf8.contains(UInt8(ascii: ":")) else { return nil }
        let trimmed = href.drop { $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 } == true }
        guard let colon = trimmed.firstIndex(of: ":") else { return nil }
        let candidate = trimmed[..<colon]
        guard let first = candidate.first, first.isLetter,
              candidate.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }),
              !candidate.contains("/") else { return nil }
        return candidate.lowercased()
    }

    /// Resolves a relative link against the page's folder to an output file, or nil when it climbs out of the site.
    private func resolve(_ path: String, from page: String) -> (file: String, exists: Bool)? {
        if path.isEmpty { return (page, true) }
        var segments = page.split(separator: "/").map(String.init)
        segments.removeLast()
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..":
                if segments.isEmpty { return nil }
                segments.removeLast()
            default: segments.append(String(component))
            }
        }
        let joined = segments.joined(separator: "/")
        if path.hasSuffix("/") || path == "." || path == ".." || path.hasSuffix("/.") || path.hasSuffix("/..") {
            let file = joined.isEmpty ? "index.html" : joined + "/index.html"
            return (file, files[file] != nil)
        }
        if files[joined] != nil { return (joined, true) }
        let index = joined + "/index.html"
        if files[index] != nil { return (index, true) }
        return (joined, false)
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

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - 48
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - 87
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - 55
        default: nil
        }
    }
}

enum ReferenceHTMLScanner {
    /// What one page links to and which ids it defines.
    struct Result: Sendable {
        /// `href` and `src` values, in document order.
        var links: [String] = []
        /// `id` and `name` values.
        var ids: Set<String> = []
    }

    static func scan(_ data: Data) -> Result {
        var result = Result()
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var i = 0
            let n = bytes.count
            while i < n {
                guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
                if i + 3 < n, bytes[i + 1] == UInt8(ascii: "!"), bytes[i + 2] == UInt8(ascii: "-"), bytes[i + 3] == UInt8(ascii: "-") {
                    i = skip(past: "-->", in: bytes, from: i + 4)
                    continue
                }
                var j = i + 1
                let nameStart = j
                while j < n, isNameByte(bytes[j]) { j += 1 }
                if j == nameStart { i += 1; continue }
                let rawText: StaticString? = matches(bytes, nameStart, j, "script") ? "</script"
                    : matches(bytes, nameStart, j, "style") ? "</style" : nil
                while j < n, bytes[j] != UInt8(ascii: ">") {
                    while j < n, isSpace(bytes[j]) || bytes[j] == UInt8(ascii: "/") { j += 1 }
                    let attrStart = j
                    while j < n, !isSpace(bytes[j]), bytes[j] != UInt8(ascii: "="), bytes[j] != UInt8(ascii: ">"),
                          bytes[j] != UInt8(ascii: "/") { j += 1 }
                    let attrEnd = j
                    while j < n, isSpace(bytes[j]) { j += 1 }
                    guard j < n, bytes[j] == UInt8(ascii: "=") else {
                        if j == attrStart { j += 1 }
                        continue
                    }
                    j += 1
                    while j < n, isSpace(bytes[j]) { j += 1 }
                    var valueStart = j
                    var valueEnd = j
                    if j < n, bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") {
                        let quote = bytes[j]
                        valueStart = j + 1
                        j = valueStart
                        while j < n, bytes[j] != quote { j += 1 }
                        valueEnd = j
                        if j < n { j += 1 }
                    } else {
                        while j < n, !isSpace(bytes[j]), bytes[j] != UInt8(ascii: ">") { j += 1 }
                        valueEnd = j
                    }
                    let isLink = matches(bytes, attrStart, attrEnd, "href") || matches(bytes, attrStart, attrEnd, "src")
                    let isID = !isLink && (matches(bytes, attrStart, attrEnd, "id") || matches(bytes, attrStart, attrEnd, "name"))
                    if isLink || isID {
                        let value = decodeReferences(String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<valueEnd]),
                                                            as: UTF8.self))
                        if isLink { result.links.append(value) } else { result.ids.insert(value) }
                    }
                }
                i = j + 1
                if let rawText { i = skip(past: rawText, in: bytes, from: i) }
            }
        }
        return result
    }

    /// Whether `bytes[start..<end]` spells `word`, ignoring ASCII case.
    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ word: StaticString) -> Bool {
        guard end - start == word.utf8CodeUnitCount else { return false }
        let letters = word.utf8Start
        for k in 0..<(end - start) where bytes[start + k] | 0x20 != letters[k] {
            return false
        }
        return true
    }

    private static func skip(past marker: StaticString, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let count = marker.utf8CodeUnitCount
        let letters = marker.utf8Start
        var i = start
        while i + count <= bytes.count {
            var found = true
            for k in 0..<count where bytes[i + k] | (letters[k] >= 0x61 ? 0x20 : 0) != letters[k] {
                found = false
                break
            }
            if found { return i + count }
            i += 1
        }
        return bytes.count
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":")
    }

    /// Decodes the character references our own output uses inside attribute values.
    static func decodeReferences(_ value: String) -> String {
        guard value.utf8.contains(UInt8(ascii: "&")) else { return value }
        var out = ""
        var rest = Substring(value)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[amp...]
            guard let semi = after.firstIndex(of: ";"), after.distance(from: amp, to: semi) <= 10 else {
                out += "&"
                rest = rest[rest.index(after: amp)...]
                continue
            }
            let entity = after[after.index(after: amp)..<semi]
            if let decoded = decodeEntity(entity) {
                out += decoded
            } else {
                out += after[amp...semi]
            }
            rest = rest[rest.index(after: semi)...]
        }
        return out + rest
    }

    private static func decodeEntity(_ entity: Substring) -> String? {
        switch entity {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default: break
        }
        guard entity.hasPrefix("#") else { return nil }
        let digits = entity.dropFirst()
        let value: UInt32?
        if digits.hasPrefix("x") || digits.hasPrefix("X") {
            value = UInt32(digits.dropFirst(), radix: 16)
        } else {
            value = UInt32(digits)
        }
        return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
    }
}
