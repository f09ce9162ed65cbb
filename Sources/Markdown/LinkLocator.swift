/// Turns cmark-gfm's inline positions into the exact line and column of each link.
///
/// cmark-gfm's inline positions have three known gaps, all handled here by looking at the source:
/// - on a paragraph's continuation lines, columns ignore that line's own indentation (they are
///   counted from the paragraph's first-line indent), so an indented or lazy line is off by a few;
/// - bare `www.` autolinks are reported one column early;
/// - bare `https://` and e-mail autolinks have no position at all.
/// The reported line is right whenever it is given, so the fix searches that line for the
/// construct's opening (`[`, `![`, `<`, or the autolink's text) nearest the reported column.
/// Links without a position are searched forward from the previous link of the same block.
struct LinkLocator {
    private let markdown: String
    /// Built on the first link, so a document without links never pays for the line index.
    private lazy var source = SourceText(markdown)
    private var currentBlock: Int?
    private var cursor = 0
    private var lastLocation: SourceText.Location?

    init(markdown: String) {
        self.markdown = markdown
    }

    mutating func locate(_ site: LinkSite) -> (line: Int, column: Int) {
        let source = self.source
        if currentBlock != site.blockKey {
            currentBlock = site.blockKey
            cursor = source.offset(line: site.blockLine, byteColumn: site.blockColumn) ?? 0
        }
        let autolink = Self.isAutolink(site)
        let patterns = Self.openings(of: site, autolink: autolink)
        var found: Int?
        if site.line > 0, let range = source.lineRange(site.line) {
            found = Self.nearest(in: range, to: range.lowerBound + site.column - 1, patterns: patterns, source: source)
        }
        if found == nil, autolink, let end = source.lineRange(site.blockEndLine)?.upperBound {
            found = Self.first(of: Array(site.text.utf8), from: cursor, before: end, source: source)
        }
        guard let offset = found else {
            // cmark-gfm's own position, re-counted the way locations are reported (lines end at `\n`).
            let line = site.line > 0 ? site.line : max(site.blockLine, 1)
            let column = site.line > 0 ? max(site.column, 1) : max(site.blockColumn, 1)
            if let position = source.offset(line: line, byteColumn: column) {
                let location = source.location(of: position)
                return (location.line, location.column)
            }
            return (line, column)
        }
        cursor = offset + 1
        let location = source.location(of: offset, after: lastLocation)
        lastLocation = location
        return (location.line, location.column)
    }

    private static let imageOpenings = [Array("![".utf8)]
    private static let linkOpenings = [[UInt8(ascii: "[")], [UInt8(ascii: "<")]]

    private static func openings(of site: LinkSite, autolink: Bool) -> [[UInt8]] {
        switch site.kind {
        case .image:
            return imageOpenings
        case .link:
            return autolink ? linkOpenings + [Array(site.text.utf8)] : linkOpenings
        }
    }

    /// A link whose visible text is its destination: what the GFM autolink extension creates.
    ///
    /// `String` equality is canonical equivalence, so in general the comparison needs the joined
    /// strings; two ASCII strings are equal exactly when their bytes are, which spares the copies.
    private static func isAutolink(_ site: LinkSite) -> Bool {
        let text = site.text.utf8
        let destination = site.destination.utf8
        guard !text.isEmpty else { return false }
        guard site.text.isAllASCII && site.destination.isAllASCII else {
            return site.destination == site.text || site.destination == "http://" + site.text
                || site.destination == "mailto:" + site.text
        }
        func isPrefixed(by prefix: String) -> Bool {
            destination.count == prefix.utf8.count + text.count && destination.starts(with: prefix.utf8)
                && destination.dropFirst(prefix.utf8.count).elementsEqual(text)
        }
        return destination.elementsEqual(text) || isPrefixed(by: "http://") || isPrefixed(by: "mailto:")
    }

    /// The match closest to `target` within `range`; on a tie the later one, since the usual error
    /// (ignored indentation) reports columns too early.
    private static func nearest(in range: Range<Int>, to target: Int, patterns: [[UInt8]], source: SourceText) -> Int? {
        let target = min(max(target, range.lowerBound), range.upperBound)
        let reach = max(target - range.lowerBound, range.upperBound - target)
        for distance in 0...reach {
            let later = target + distance
            if range.contains(later) && patterns.contains(where: { source.matches($0, at: later) }) { return later }
            let earlier = target - distance
            if range.contains(earlier) && patterns.contains(where: { source.matches($0, at: earlier) }) { return earlier }
        }
        return nil
    }

    private static func first(of pattern: [UInt8], from start: Int, before end: Int, source: SourceText) -> Int? {
        var offset = start
        while offset + pattern.count <= end {
            if source.matches(pattern, at: offset) { return offset }
            offset += 1
        }
        return nil
    }
}
