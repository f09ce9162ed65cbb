import Foundation

/// Whether an edited page can be brought up to date by swapping its `<main>` element in place.
///
/// The bytes before the first `<main` and after the last `</main>` must be identical in both versions, so
/// the head (title, stylesheets, metadata), header and footer are as the browser already has them; and the
/// page must run no script (JSON-LD data blocks aside), since a script may hold on to the old `<main>`'s
/// elements (the timeline's filter does) and swapped-in `<script>` elements would not run. Anything else is
/// reloaded. Tags are matched as written in lower or upper case (templates write them in lower case);
/// searches are `memchr` and `memcmp` over the bytes, so a template edit that changes every page of a large site costs
/// a few microseconds a page.
enum MainRegion {
    static func swappable(old: Data, new: Data) -> Bool {
        old.withUnsafeBytes { oldBytes in
            new.withUnsafeBytes { newBytes in swappable(old: oldBytes, new: newBytes) }
        }
    }

    static func swappable(old: UnsafeRawBufferPointer, new: UnsafeRawBufferPointer) -> Bool {
        guard let oldRange = range(in: old), let newRange = range(in: new) else { return false }
        let head = oldRange.lowerBound
        let tail = old.count - oldRange.upperBound
        guard head == newRange.lowerBound, tail == new.count - newRange.upperBound,
              equal(old, 0, new, 0, count: head),
              equal(old, oldRange.upperBound, new, newRange.upperBound, count: tail) else { return false }
        return !runsScript(new)
    }

    /// From the first `<main` (followed by `>` or white space) to the end of the last `</main>`.
    static func range(in bytes: UnsafeRawBufferPointer) -> Range<Int>? {
        guard let start = firstOpening(in: bytes), let end = lastClosing(in: bytes), start < end else { return nil }
        return start..<end
    }

    /// The first `<main` or `<MAIN` followed by `>` or white space. The upper case is looked for only before the
    /// lower case's: on a page in lower case it would otherwise be a search of every byte for nothing.
    private static func firstOpening(in bytes: UnsafeRawBufferPointer) -> Int? {
        var found: Int?
        for spelling: StaticString in ["<main", "<MAIN"] {
            // A match before `found` ends before it (its only `<` is its first byte), so the prefix holds it whole.
            let searched = UnsafeRawBufferPointer(rebasing: bytes[..<(found ?? bytes.count)])
            var from = 0
            while let index = find(spelling, in: searched, from: from) {
                let next = index + 5
                if next < searched.count, searched[next] == UInt8(ascii: ">") || isSpace(searched[next]) {
                    found = index
                    break
                }
                from = index + 1
            }
        }
        return found
    }

    /// The end of the last `</main>` or `</MAIN>`, looked for from the end of the page (it is near the end, before
    /// the footer): the upper case only after the lower case's.
    private static func lastClosing(in bytes: UnsafeRawBufferPointer) -> Int? {
        var last: Int?
        for spelling: StaticString in ["</main>", "</MAIN>"] {
            if let index = findLast(spelling, in: bytes, after: last.map { $0 - 7 }) { last = index + 7 }
        }
        return last
    }

    /// A `<script` or `<SCRIPT` tag whose own text does not name `application/ld+json`: each spelling is searched
    /// for after the end of its last data block's tag, both in one pass over the page's `<`s.
    private static func runsScript(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var lowerFrom = 0
        var upperFrom = 0
        var index = 0
        while index + 7 <= bytes.count {
            guard let hit = memchr(base + index, Int32(UInt8(ascii: "<")), bytes.count - 7 + 1 - index) else { return false }
            let position = base.distance(to: UnsafeRawPointer(hit))
            index = position + 1
            let lower = position >= lowerFrom && matches("<script", in: bytes, at: position)
            guard lower || (position >= upperFrom && matches("<SCRIPT", in: bytes, at: position)) else { continue }
            let tagEnd = bytes[position...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count
            let tag = UnsafeRawBufferPointer(rebasing: bytes[position..<tagEnd])
            if find("application/ld+json", in: tag, from: 0) == nil { return true }
            if lower { lowerFrom = tagEnd } else { upperFrom = tagEnd }
        }
        return false
    }

    /// `memchr` for the first byte, `memcmp` for the rest (glibc's `memmem` is not visible to Swift).
    private static func find(_ needle: StaticString, in bytes: UnsafeRawBufferPointer, from: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let length = needle.utf8CodeUnitCount
        let first = Int32(needle.utf8Start.pointee)
        var index = from
        while index + length <= bytes.count {
            guard let hit = memchr(base + index, first, bytes.count - length + 1 - index) else { return nil }
            let position = base.distance(to: UnsafeRawPointer(hit))
            if matches(needle, in: bytes, at: position) { return position }
            index = position + 1
        }
        return nil
    }

    /// The last place `needle` starts at, after `after` when given.
    private static func findLast(_ needle: StaticString, in bytes: UnsafeRawBufferPointer, after: Int?) -> Int? {
        let first = needle.utf8Start.pointee
        var index = bytes.count - needle.utf8CodeUnitCount
        let lowest = (after ?? -1) + 1
        while index >= lowest {
            if bytes[index] == first, matches(needle, in: bytes, at: index) { return index }
            index -= 1
        }
        return nil
    }

    /// Whether `needle` is at `position` (whole, inside `bytes`).
    private static func matches(_ needle: StaticString, in bytes: UnsafeRawBufferPointer, at position: Int) -> Bool {
        guard let base = bytes.baseAddress, position + needle.utf8CodeUnitCount <= bytes.count else { return false }
        return memcmp(base + position, needle.utf8Start, needle.utf8CodeUnitCount) == 0
    }

    private static func equal(_ a: UnsafeRawBufferPointer, _ aStart: Int, _ b: UnsafeRawBufferPointer, _ bStart: Int,
                              count: Int) -> Bool {
        guard count > 0, let aBase = a.baseAddress, let bBase = b.baseAddress else { return true }
        return memcmp(aBase + aStart, bBase + bStart, count) == 0
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }
}
