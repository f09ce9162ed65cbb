import Foundation

/// The session cache's body split into files (`SessionCache`): one common part and `shardCount` shards, so that a
/// build after a small change writes only the shards whose bytes changed instead of the whole body (over a
/// hundred megabytes on a 10,000-page site).
///
/// - The common part (`<key>.bin`): the names of the page memo's tags, every output path the link check knows,
///   the tags' whole fingerprints (`OriginTable.prints`) and what the Markdown step read (`markdownReads`).
/// - Shard `i` (`<key>.<i>.bin`): the Markdown entries, page entries and link scans whose key (the Markdown
///   table's `"<language>|<source>"`, the output path) hashes to `i` (`shard(of:)`, stable across processes).
///
/// Every file starts with the body's magic, the format and its own index, and ends with its checksum
/// (`CacheHash`); the header names each file's checksum, so a damaged, truncated, missing or stale shard (one
/// from another build, left by a run killed between writes) is found before anything is decoded, and the
/// whole cache is then ignored: a full build. A shard is written only when its checksum differs from the one
/// the last header named; the header is written last, so a run killed halfway leaves a header whose shards
/// do not match it.
extension SessionCache {
    /// How many shards the memo tables are split into: enough that an edit's pages touch few of them, few
    /// enough that each is a single read of a megabyte or more on a large site.
    static let shardCount = 32

    /// The shard of a memo key.
    static func shard(of key: String) -> Int {
        var hasher = MemoKeyHasher()
        hasher.combine(key)
        return Int(hasher.value % UInt64(shardCount))
    }

    /// Shard `index`'s file, beside the common part (`file(options:output:)`).
    static func shardFile(options: BuildOptions, output: URL, index: Int) -> URL {
        file(options: options, output: output).deletingPathExtension().appendingPathExtension("\(index).bin")
    }

    /// The common part's file and then every shard's: the order of `CacheHeader.bodies`.
    static func bodyFiles(options: BuildOptions, output: URL) -> [URL] {
        [file(options: options, output: output)] + (0..<shardCount).map { shardFile(options: options, output: output, index: $0) }
    }

    /// The body files' bytes for `last`, in `bodyFiles` order, each ending with its checksum; encoded on
    /// separate cores. A shard that holds what it held when restored (`ShardReuse`, `decoded`: each shard's size
    /// then) is not encoded: nil, its file on disk is kept.
    static func encodeBodies(_ last: BuildSession.LastBuild, origins: [String], decoded: [Int] = []) -> [[UInt8]?] {
        var markdownShards = [[String: MarkdownMemo.Entry]](repeating: [:], count: shardCount)
        for (key, entry) in last.markdown { markdownShards[shard(of: key)][key] = entry }
        var pageShards = [[String: PageMemo.Entry]](repeating: [:], count: shardCount)
        for (key, entry) in last.pages { pageShards[shard(of: key)][key] = entry }
        var linkShards = [[String: LinkMemo.Page]](repeating: [:], count: shardCount)
        for (key, page) in last.links.pages { linkShards[shard(of: key)][key] = page }
        let markdown = markdownShards, pages = pageShards, links = linkShards
        let sizes = (0..<shardCount).map { markdown[$0].count + pages[$0].count + links[$0].count }
        let unchanged = ShardReuse.unchanged(stored: last.storedSinceRestore, decoded: decoded, sizes: sizes)
        return Array(0...shardCount).concurrentMap { index -> [UInt8]? in
            if index > 0, unchanged[index - 1] { return nil }
            var encoder = CacheEncoder()
            encoder.string(bodyMagic)
            encoder.number(format)
            encoder.number(index)
            if index == 0 {
                encodeCommon(last, origins: origins, into: &encoder)
            } else {
                encodeMarkdown(markdown[index - 1], into: &encoder)
                encodePages(pages[index - 1], into: &encoder)
                encodeLinkPages(links[index - 1], into: &encoder)
            }
            return sealed(encoder.bytes)
        }
    }

    /// `bytes` followed by their checksum.
    static func sealed(_ bytes: [UInt8]) -> [UInt8] {
        var tail = CacheEncoder()
        tail.number(CacheHash.of(bytes))
        return bytes + tail.bytes
    }

    /// The checksum `sealed` put at the end of `bytes` (not checked).
    static func sealedChecksum(_ bytes: [UInt8]) -> UInt64 {
        var tail = CacheDecoder(Array(bytes.suffix(8)))
        return (try? tail.number()) ?? 0
    }

    /// The checksum a sealed file ends with, when it is the checksum of the rest; nil for a damaged file.
    static func checksum(ofSealed bytes: [UInt8]) -> UInt64? {
        guard bytes.count > 8 else { return nil }
        var tail = CacheDecoder(Array(bytes.suffix(8)))
        guard let checksum = try? tail.number(),
              checksum == bytes.withUnsafeBytes({ CacheHash.of(UnsafeRawBufferPointer(rebasing: $0.dropLast(8))) }) else { return nil }
        return checksum
    }

    /// Reads every body file and checks it against `expected` (`CacheHeader.bodies`); the bytes, or why the
    /// cache cannot be trusted.
    static func readBodies(options: BuildOptions, output: URL, expected: [UInt64]) -> Result<[[UInt8]], Refusal> {
        let urls = bodyFiles(options: options, output: output)
        guard expected.count == urls.count else { return .failure(Refusal(text: "written in another format")) }
        let read = urls.concurrentMap { CacheFile.readRegular($0.path) }
        var bodies: [[UInt8]] = []
        bodies.reserveCapacity(urls.count)
        for (index, bytes) in read.enumerated() {
            let name = index == 0 ? "the body" : "body shard \(index - 1)"
            guard let bytes, bytes.count > 8 else { return .failure(Refusal(text: "truncated (no \(name))")) }
            guard let checksum = checksum(ofSealed: bytes) else { return .failure(Refusal(text: "damaged (\(name): its checksum does not match)")) }
            guard checksum == expected[index] else {
                return .failure(Refusal(text: "damaged (\(name) is not the one its header names)"))
            }
            bodies.append(bytes)
        }
        return .success(bodies)
    }

    /// Decodes the files `readBodies` checked, the pages' bytes taken from `files` (the output read back).
    static func decodeBodies(_ bodies: [[UInt8]], files: [String: Data]) -> Result<DecodedBody, Refusal> {
        var common = CacheDecoder(bodies[0], droppingLast: 8)
        var body: DecodedBody
        do {
            guard try opening(&common, index: 0) else { return .failure(Refusal(text: "written in another format")) }
            body = try decodeCommon(&common)
            guard common.isAtEnd else { return .failure(Refusal(text: "damaged (bytes after its end)")) }
        } catch {
            return .failure(Refusal(text: "truncated or damaged"))
        }
        struct Shard: Sendable {
            var markdown: [String: MarkdownMemo.Entry] = [:]
            var pages: [String: PageMemo.Entry] = [:]
            var links: [String: LinkMemo.Page] = [:]
        }
        let origins = body.origins.count
        let shards = Array(bodies.dropFirst().enumerated()).concurrentMap { (index, bytes) -> Shard? in
            var decoder = CacheDecoder(bytes, droppingLast: 8)
            do {
                guard try opening(&decoder, index: index + 1) else { return nil }
                let shard = Shard(markdown: try decodeMarkdown(&decoder, origins: origins),
                                  pages: try decodePages(&decoder, origins: origins),
                                  links: try decodeLinkPages(&decoder, files: files))
                return decoder.isAtEnd ? shard : nil
            } catch {
                return nil
            }
        }
        for (index, part) in shards.enumerated() {
            guard let part else { return .failure(Refusal(text: "damaged (body shard \(index) does not decode)")) }
            // A key in the wrong shard is a damaged (or foreign) file, as is one in two shards.
            guard part.markdown.keys.allSatisfy({ shard(of: $0) == index }), part.pages.keys.allSatisfy({ shard(of: $0) == index }),
                  part.links.keys.allSatisfy({ shard(of: $0) == index }) else {
                return .failure(Refusal(text: "damaged (body shard \(index) holds another shard's keys)"))
            }
            body.markdown.merge(part.markdown) { old, _ in old }
            body.pages.merge(part.pages) { old, _ in old }
            body.links.pages.merge(part.links) { old, _ in old }
            body.shardSizes.append(part.markdown.count + part.pages.count + part.links.count)
        }
        return .success(body)
    }

    /// Reads a body file's magic, format and index; false when they are not this format's and `index`.
    private static func opening(_ decoder: inout CacheDecoder, index: Int) throws(CacheDecoder.Damaged) -> Bool {
        guard try decoder.string() == bodyMagic, try decoder.number() == format else { return false }
        return try decoder.int() == index
    }
}
