import Foundation
import Markdown
import SiteInputs
import Templates

extension SessionCache {
    /// A decoded body: the memo tables, the pages' outputs still to be read back from the output folder.
    struct DecodedBody {
        var markdown: [String: MarkdownMemo.Entry]
        var pages: [String: PageMemo.Entry]
        /// The names of the page memo's tags, tag 1 first.
        var origins: [String]
        var links: LinkMemo.State
    }

    /// The memo tables of `last` (what the header does not hold): three parts, encoded (and decoded) on
    /// separate cores.
    static func encodeBody(_ last: BuildSession.LastBuild, origins: [String], into encoder: inout CacheEncoder) {
        let parts = [0, 1, 2].concurrentMap { part -> [UInt8] in
            var encoder = CacheEncoder()
            switch part {
            case 0: encodeMarkdown(last.markdown, into: &encoder)
            case 1: encodePages(last.pages, origins: origins, into: &encoder)
            default: encodeLinks(last.links, into: &encoder)
            }
            return encoder.bytes
        }
        for part in parts { encoder.part(part) }
    }

    static func encodeMarkdown(_ markdown: [String: MarkdownMemo.Entry], into encoder: inout CacheEncoder) {
        let pages = markdown.sorted { $0.key < $1.key }
        encoder.number(pages.count)
        for (name, entry) in pages {
            encoder.string(name)
            encoder.number(entry.key)
            encoder.string(entry.rendered.html)
            encoder.string(entry.rendered.excerpt)
            encoder.number(entry.rendered.headings.count)
            for heading in entry.rendered.headings {
                encoder.number(heading.level)
                encoder.string(heading.text)
                encoder.string(heading.id)
            }
            encoder.number(entry.images.count)
            for image in entry.images {
                encoder.string(image.sitePath)
                encoder.string(image.source)
            }
        }
    }

    /// The page memo without its outputs (read back from the output folder): each page's context fingerprint
    /// and reads, with the keys read written once in a table.
    static func encodePages(_ pages: [String: PageMemo.Entry], origins: [String], into encoder: inout CacheEncoder) {
        encoder.strings(origins)
        // The pages first, into an encoder of their own, numbering each key on first sight (one lookup a read);
        // then the key table, then the pages, as `decodePages` reads them.
        var keys: [String: Int] = [:]
        var names: [String] = []
        var body = CacheEncoder()
        body.number(pages.count)
        for (path, entry) in pages.sorted(by: { $0.key < $1.key }) {
            body.string(path)
            body.number(entry.context)
            body.number(entry.reads.count)
            for (read, fingerprint) in entry.reads {
                body.number(Int(read.origin))
                var number = 0
                if let key = read.key {
                    if let known = keys[key] {
                        number = known
                    } else {
                        names.append(key)
                        number = names.count
                        keys[key] = number
                    }
                }
                body.number(number)
                body.number(fingerprint)
            }
        }
        encoder.strings(names)
        encoder.append(body)
    }

    static func decodePages(_ decoder: inout CacheDecoder) throws(CacheDecoder.Damaged) -> (pages: [String: PageMemo.Entry], origins: [String]) {
        let origins = try decoder.strings()
        let keys = try decoder.strings()
        var pages: [String: PageMemo.Entry] = [:]
        for _ in 0..<(try decoder.count()) {
            let path = try decoder.string()
            let context = try decoder.number()
            var reads: [(ReadKey, UInt64)] = []
            let total = try decoder.count(minimum: 24)
            reads.reserveCapacity(total)
            for _ in 0..<total {
                let origin = try decoder.int()
                let key = try decoder.int()
                guard origin > 0, origin <= origins.count, key >= 0, key <= keys.count else { throw CacheDecoder.Damaged() }
                reads.append((ReadKey(UInt32(origin), key == 0 ? nil : keys[key - 1]), try decoder.number()))
            }
            pages[path] = PageMemo.Entry(context: context, reads: reads, output: Data())
        }
        return (pages, origins)
    }

    /// The body, with the pages' bytes taken from `files` (the output files read back).
    static func decodeBody(_ decoder: inout CacheDecoder, files: [String: Data]) throws(CacheDecoder.Damaged) -> DecodedBody {
        enum Part: Sendable {
            case markdown([String: MarkdownMemo.Entry])
            case pages([String: PageMemo.Entry], [String])
            case links(LinkMemo.State)
            case damaged
        }
        let decoders = [try decoder.part(), try decoder.part(), try decoder.part()]
        let parts = Array(decoders.enumerated()).concurrentMap { (index, part) -> Part in
            var part = part
            do {
                let decoded: Part
                switch index {
                case 0: decoded = .markdown(try decodeMarkdown(&part))
                case 1:
                    let (pages, origins) = try decodePages(&part)
                    decoded = .pages(pages, origins)
                default: decoded = .links(try decodeLinks(&part, files: files))
                }
                return part.isAtEnd ? decoded : .damaged
            } catch {
                return .damaged
            }
        }
        guard case .markdown(let markdown) = parts[0], case .pages(let pages, let origins) = parts[1],
              case .links(let links) = parts[2] else { throw CacheDecoder.Damaged() }
        return DecodedBody(markdown: markdown, pages: pages, origins: origins, links: links)
    }

    static func decodeMarkdown(_ decoder: inout CacheDecoder) throws(CacheDecoder.Damaged) -> [String: MarkdownMemo.Entry] {
        var markdown: [String: MarkdownMemo.Entry] = [:]
        for _ in 0..<(try decoder.count()) {
            let name = try decoder.string()
            let key = try decoder.number()
            let html = try decoder.string()
            let excerpt = try decoder.string()
            var headings: [Heading] = []
            for _ in 0..<(try decoder.count()) {
                headings.append(Heading(level: try decoder.int(), text: try decoder.string(), id: try decoder.string()))
            }
            var images: [MarkdownMemo.ImageRequest] = []
            for _ in 0..<(try decoder.count()) {
                images.append(MarkdownMemo.ImageRequest(sitePath: try decoder.string(), source: try decoder.string()))
            }
            markdown[name] = MarkdownMemo.Entry(key: key, rendered: RenderedMarkdown(html: html, headings: headings, excerpt: excerpt),
                                                images: images)
        }
        return markdown
    }
}
