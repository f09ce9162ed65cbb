import Foundation

/// The link check's memo in the cache's body (`LinkMemo.State`): each page's scan (links, ids, `<base>`s, script
/// attributes), in the page's shard (every output path is in the common part), so that the first build of a run checks only the pages it changed. The
/// pages' bytes are not kept: they are the output files read back (the same `Data`, so comparing a page that did
/// not change costs nothing).
extension SessionCache {
    static func encodeLinkPages(_ pages: [String: LinkMemo.Page], into encoder: inout CacheEncoder) {
        encoder.number(pages.count)
        for (path, page) in pages.sorted(by: { $0.key < $1.key }) {
            encoder.string(path)
            encode(page.scan.links, into: &encoder)
            encode(page.scan.ids, into: &encoder)
            encoder.strings(page.scan.bases)
            encoder.number(page.scan.scripts.count)
            for script in page.scan.scripts {
                encoder.string(script.name)
                encoder.string(script.value)
                encoder.number(script.isEventHandler ? 1 : 0)
            }
        }
    }

    /// The pages with their bytes taken from `files`; damaged when a page or a range is not there.
    static func decodeLinkPages(_ decoder: inout CacheDecoder, files: [String: Data]) throws(CacheDecoder.Damaged) -> [String: LinkMemo.Page] {
        var pages: [String: LinkMemo.Page] = [:]
        let count = try decoder.count(minimum: 40)
        pages.reserveCapacity(count)
        for _ in 0..<count {
            let path = try decoder.string()
            guard let data = files[path] else { throw CacheDecoder.Damaged() }
            var scan = HTMLAttributeScanner.Result()
            scan.links = try decodeValues(&decoder, size: data.count)
            scan.ids = try decodeValues(&decoder, size: data.count)
            scan.bases = try decoder.strings()
            for _ in 0..<(try decoder.count(minimum: 24)) {
                let name = try decoder.string()
                let value = try decoder.string()
                scan.scripts.append(ScriptAttribute(name: name, value: value, isEventHandler: try decoder.number() == 1))
            }
            if scan.ids.count > HTMLAttributeScanner.indexedIDCount { scan.idSet = Set(scan.idValues(in: data)) }
            pages[path] = LinkMemo.Page(data: data, scan: scan)
        }
        return pages
    }

    private static func encode(_ values: [HTMLAttributeScanner.Value], into encoder: inout CacheEncoder) {
        encoder.number(values.count)
        for value in values {
            switch value {
            case .bytes(let range):
                encoder.number(0)
                encoder.number(range.lowerBound)
                encoder.number(range.upperBound)
            case .decoded(let text):
                encoder.number(1)
                encoder.string(text)
            }
        }
    }

    /// Values whose ranges lie within a page of `size` bytes.
    private static func decodeValues(_ decoder: inout CacheDecoder, size: Int) throws(CacheDecoder.Damaged) -> [HTMLAttributeScanner.Value] {
        let count = try decoder.count(minimum: 16)
        var values: [HTMLAttributeScanner.Value] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            switch try decoder.number() {
            case 0:
                let lower = try decoder.int()
                let upper = try decoder.int()
                guard lower >= 0, lower <= upper, upper <= size else { throw CacheDecoder.Damaged() }
                values.append(.bytes(lower..<upper))
            case 1: values.append(.decoded(try decoder.string()))
            default: throw CacheDecoder.Damaged()
            }
        }
        return values
    }
}
