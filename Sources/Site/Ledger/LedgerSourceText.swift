import Content
import Foundation
import SiteInputs

/// The source text the ledger's passages are checked against: the one place the ledger reads a file.
///
/// The path comes from `site.yml` and must stay inside the site folder: not absolute, no `..`, and not a
/// symbolic link (or a folder on the way) that leads out of it.
struct LedgerSourceText: Sendable {
    /// Root-relative path, as `site.yml` gives it.
    let path: String
    let text: String
    /// The text's bytes, searched for each quotation.
    let bytes: [UInt8]

    /// Reads `path` under `root` through `SiteInputs` (recorded in `log`), or says why not (`node` locates the
    /// `text:` setting in site.yml). A symbolic link on the way that leads out of the root is refused.
    static func read(_ path: String, root: URL, log: ReadLog? = nil, at node: Node?) -> Result<LedgerSourceText, LedgerError> {
        let components = path.split(separator: "/", omittingEmptySubsequences: true)
        let error = { (kind: LedgerError.Kind) in
            LedgerError(kind: kind, file: "site.yml", line: node?.line, column: node?.column)
        }
        if path.hasPrefix("/") || path.hasPrefix("~") || components.contains("..") || components.isEmpty {
            return .failure(error(.textOutsideRoot(path: path)))
        }
        let data: Data
        do {
            data = Data(try SiteInputs(root: root, log: log).read(components.filter { $0 != "." }.joined(separator: "/")))
        } catch let failure {
            if failure.kind == .outsideRoot { return .failure(error(.textOutsideRoot(path: path))) }
            return .failure(error(.textUnreadable(path: path, reason: "no such file, or not readable")))
        }
        switch SourceText.decode(data, file: path) {
        case .success(let text):
            return .success(LedgerSourceText(path: path, text: text, bytes: Array(text.utf8)))
        case .failure(let problem):
            return .failure(error(.textUnreadable(path: path, reason: problem.message)))
        }
    }

    /// True when `quote` occurs in the text byte for byte.
    func contains(_ quote: String) -> Bool {
        firstOffset(of: Array(quote.utf8)) != nil
    }

    /// Where `quote` stops matching: the longest start of it the text contains, and what follows on each side.
    func divergence(of quote: String) -> LedgerError.Divergence? {
        let characters = Array(quote)
        var matched = 0
        var offset = 0
        // A start that is absent has no longer start present, so the first miss ends the search.
        while matched < characters.count, let found = firstOffset(of: Array(String(characters[...matched]).utf8)) {
            matched += 1
            offset = found
        }
        guard matched > 0 else { return nil }
        let prefix = String(characters[..<matched])
        let after = offset + prefix.utf8.count
        let textNext = String(decoding: bytes[after..<min(bytes.count, after + 24)], as: UTF8.self)
        let line = 1 + bytes[..<offset].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        return LedgerError.Divergence(matched: prefix, line: line,
                                      textNext: String(textNext.prefix(6)).replacingOccurrences(of: "\n", with: "⏎"),
                                      quoteNext: String(characters[matched...].prefix(6)))
    }

    private func firstOffset(of needle: [UInt8]) -> Int? {
        guard !needle.isEmpty, needle.count <= bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { text in
            needle.withUnsafeBufferPointer { needle in
                guard let base = text.baseAddress, let wanted = needle.baseAddress else { return nil }
                let first = Int32(wanted[0])
                var start = 0
                let last = text.count - needle.count
                while start <= last {
                    // The next place the needle's first byte is, then the rest compared at once.
                    guard let found = memchr(base + start, first, last - start + 1) else { return nil }
                    let candidate = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + candidate, wanted, needle.count) == 0 { return candidate }
                    start = candidate + 1
                }
                return nil
            }
        }
    }
}
