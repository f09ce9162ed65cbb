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
        /// `BuildSession.LastBuild.prints` and `.markdownReads`.
        var prints: [UInt32: UInt64]
        var markdownReads: Set<String>?
        /// How many entries (Markdown, pages and link pages) each shard held, in shard order (`ShardReuse`).
        var shardSizes: [Int] = []
    }

    /// The common part of the body (`SessionCache+Shards`): the tags' names, the link check's output paths, the
    /// tags' whole fingerprints and what the Markdown step read, so that a build after an edit of a template or
    /// data file checks entries as a preview session would (`ReusePlan`, `PageMemo`).
    static func encodeCommon(_ last: BuildSession.LastBuild, origins: [String], into encoder: inout CacheEncoder) {
        encoder.strings(origins)
        encoder.strings(last.links.paths.sorted())
        let prints = last.prints.sorted { $0.key < $1.key }
        encoder.number(prints.count)
        for (origin, fingerprint) in prints {
            encoder.number(Int(origin))
            encoder.number(fingerprint)
        }
        encoder.number(last.markdownReads == nil ? 0 : 1)
        if let reads = last.markdownReads { encoder.strings(reads.sorted()) }
    }

    /// The common part, as a body whose memo tables the shards fill.
    static func decodeCommon(_ decoder: inout CacheDecoder) throws(CacheDecoder.Damaged) -> DecodedBody {
        let origins = try decoder.strings()
        var links = LinkMemo.State()
        links.paths = Set(try decoder.strings())
        var prints: [UInt32: UInt64] = [:]
        for _ in 0..<(try decoder.count(minimum: 16)) {
            let origin = try decoder.int()
            guard origin > 0, origin <= origins.count else { throw CacheDecoder.Damaged() }
            prints[UInt32(origin)] = try decoder.number()
        }
        let markdownReads: Set<String>? = switch try decoder.number() {
        case 0: nil
        case 1: Set(try decoder.strings())
        default: throw CacheDecoder.Damaged()
        }
        return DecodedBody(markdown: [:], pages: [:], origins: origins, links: links, prints: prints, markdownReads: markdownReads)
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
            encoder.number(entry.reads.count)
            for (read, fingerprint) in entry.reads {
                encoder.number(Int(read.origin))
                encoder.optionalString(read.key)
                encoder.number(fingerprint)
            }
            encodeInputs(entry.inputs, into: &encoder)
        }
    }

    /// The page memo without its outputs (read back from the output folder): each page's context fingerprint,
    /// reads and templates and files, with the keys read written once in a table.
    static func encodePages(_ pages: [String: PageMemo.Entry], into encoder: inout CacheEncoder) {
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
            encodeInputs(entry.inputs, into: &body)
        }
        encoder.strings(names)
        encoder.append(body)
    }

    /// - Parameter origins: how many tags the common part names (a read of another tag is damage).
    static func decodePages(_ decoder: inout CacheDecoder, origins: Int) throws(CacheDecoder.Damaged) -> [String: PageMemo.Entry] {
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
                guard origin > 0, origin <= origins, key >= 0, key <= keys.count else { throw CacheDecoder.Damaged() }
                reads.append((ReadKey(UInt32(origin), key == 0 ? nil : keys[key - 1]), try decoder.number()))
            }
            pages[path] = PageMemo.Entry(context: context, reads: reads, output: Data(), inputs: try decodeInputs(&decoder))
        }
        return pages
    }

    static func decodeMarkdown(_ decoder: inout CacheDecoder, origins: Int) throws(CacheDecoder.Damaged) -> [String: MarkdownMemo.Entry] {
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
            var reads: [(ReadKey, UInt64)] = []
            for _ in 0..<(try decoder.count(minimum: 24)) {
                let origin = try decoder.int()
                guard origin > 0, origin <= origins else { throw CacheDecoder.Damaged() }
                reads.append((ReadKey(UInt32(origin), try decoder.optionalString()), try decoder.number()))
            }
            markdown[name] = MarkdownMemo.Entry(key: key, rendered: RenderedMarkdown(html: html, headings: headings, excerpt: excerpt),
                                                images: images, reads: reads, inputs: try decodeInputs(&decoder))
        }
        return markdown
    }
}
