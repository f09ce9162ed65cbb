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
    private let source: SourceText
    private var currentBlock: Int?
    private var cursor = 0
    private var lastLocation: SourceText.Location?

    init(source: SourceText) {
        self.source = source
    }

    mutating func locate(_ site: LinkSite) -> (line: Int, column: Int) {
        if currentBlock != site.blockKey {
            currentBlock = site.blockKey
            cursor = source.offset(line: site.blockLine, byteColumn: site.blockColumn) ?? 0
        }
        let patterns = openings(of: site)
        var found: Int?
        if site.line > 0, let range = source.lineRange(site.line) {
            found = nearest(in: range, to: range.lowerBound + site.column - 1, patterns: patterns)
        }
        if found == nil, isAutolink(site), let end = source.lineRange(site.blockEndLine)?.upperBound {
            found = first(of: Array(site.text.utf8), from: cursor, before: end)
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

    private func openings(of site: LinkSite) -> [[UInt8]] {
        switch site.kind {
        case .image:
            return [Array("![".utf8)]
        case .link:
            var patterns = [[UInt8(ascii: "[")], [UInt8(ascii: "<")]]
            if isAutolink(site) { patterns.append(Array(site.text.utf8)) }
            return patterns
        }
    }

    /// A link whose visible text is its destination: what the GFM autolink extension creates.
    private func isAutolink(_ site: LinkSite) -> Bool {
        !site.text.isEmpty && (site.destination == site.text || site.destination == "http://" + site.text
            || site.destination == "mailto:" + site.text)
    }

    /// The match closest to `target` within `range`; on a tie the later one, since the usual error
    /// (ignored indentation) reports columns too early.
    private func nearest(in range: Range<Int>, to target: Int, patterns: [[UInt8]]) -> Int? {
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

    private func first(of pattern: [UInt8], from start: Int, before end: Int) -> Int? {
        var offset = start
        while offset + pattern.count <= end {
            if source.matches(pattern, at: offset) { return offset }
            offset += 1
        }
        return nil
    }
}
