import Foundation

/// The files of a site's search index, written under `search/` and read by `search/search.js`:
///
/// - `search/index.js`: the number of documents and shards, the collections' titles (a few hundred bytes);
/// - `search/t/<n>.js`: the terms whose shard key hashes to `n`, each with its postings;
/// - `search/d/<n>.js`: documents `16n ..< 16n+16` as `[url, title, collection, date, summary]`.
///
/// A query loads the index file, one term shard per word, and the document chunks of the results it shows:
/// a few tens of KB whatever the size of the site, since shards grow in number, not in size. Files are
/// scripts that call `__buildSiteSearch(name, data)` rather than JSON, because a page opened from disk
/// (`file://`) may load a script but may not `fetch` a file.
///
/// A posting is one integer: the distance from the previous posting's document (or the document number, for
/// the first), times 16, plus the fields the term occurs in (`SearchDocument.Field`).
enum SearchIndex {
    static let folder = "search/"
    static let documentsPerChunk = 16
    /// The size a term shard aims at, before a host's compression.
    static let shardBytes = 24_000
    /// A result shows at most this much of a summary.
    static let summaryLimit = 240

    /// - Parameters:
    ///   - memo, folder: in a session, the last build's terms and term shards (`SearchMemo`), and the folder of
    ///     this language's index (`""`, `"zh/"`), which its keys are under.
    static func files(for documents: [SearchDocument], memo: SearchMemo? = nil, folder indexFolder: String = "") -> [String: Data] {
        // The memo's keys, made only for a memo (a full build makes none).
        let keys = memo == nil ? [] : documents.map { indexFolder + "|" + $0.url }
        let found = Array(documents.indices).concurrentMap { index in
            memo?.terms(of: documents[index], key: keys[index]) ?? (terms: documents[index].terms(), kept: false)
        }
        let termSets = found.map(\.terms)
        let postings = termSets.reduce(0) { $0 + $1.count }
        // About four bytes a posting, and every shard has at least one term.
        let shardCount = max(1, (postings * 4 + shardBytes - 1) / shardBytes)
        // Each document's terms' shards (on all cores; a kept document's are the last build's), then every posting
        // dealt to its shard in document order (one pass), then each shard written on its own core.
        let sharded: [[Int]] = Array(documents.indices).concurrentMap { index in
            let make = { termSets[index].map { SearchText.shard(of: $0.text, count: shardCount) } }
            return memo?.shards(of: keys[index], termsKept: found[index].kept, count: shardCount, make: make) ?? make()
        }
        // Only the shards the changed documents' terms are in, now or in the last build, can differ from it.
        let dirty = memo?.dirtyShards(folder: indexFolder, keys: keys, count: shardCount, kept: found.map(\.kept), shards: sharded)
        var dealt = [[Posting]](repeating: [], count: shardCount)
        for (document, shards) in sharded.enumerated() {
            for (position, shard) in shards.enumerated() where dirty?.remade.contains(shard) ?? true {
                let term = termSets[document][position]
                dealt[shard].append(Posting(term: term.text, document: document, fields: term.fields, key: term.key))
            }
        }
        let shardData = dealt
        let shards = Array(shardData.indices).concurrentMap { shard in
            if let dirty, !dirty.remade.contains(shard) { return dirty.kept[shard] }
            return shardFile(shard, postings: shardData[shard])
        }
        memo?.keepLayout(folder: indexFolder, keys: keys, count: shardCount, shards: sharded, files: shards)
        var files: [String: Data] = [:]
        for (shard, data) in shards.enumerated() { files["\(folder)t/\(shard).js"] = data }

        var names: [String] = []
        for document in documents {
            if let name = document.collection, !names.contains(name) { names.append(name) }
        }
        let collections = names
        let chunks = stride(from: 0, to: documents.count, by: documentsPerChunk).map { $0 }
        let chunkFiles = chunks.concurrentMap { start in
            chunkFile(documents[start..<min(documents.count, start + documentsPerChunk)], collections: collections,
                      number: start / documentsPerChunk)
        }
        for (number, data) in chunkFiles.enumerated() { files["\(folder)d/\(number).js"] = data }

        var meta = "__buildSiteSearch(\"index\",{\"version\":1,\"documents\":\(documents.count),"
        meta += "\"chunk\":\(documentsPerChunk),\"shards\":\(shardCount),\"collections\":["
        meta += collections.map(JSONText.quoted).joined(separator: ",") + "]});\n"
        files["\(folder)index.js"] = Data(meta.utf8)
        files["\(folder)search.js"] = Data(SearchScript.source.utf8)
        return files
    }

    /// One term in one document, on its way to its shard.
    struct Posting: Sendable {
        let term: String
        let document: Int
        let fields: UInt8
        /// The term's byte key when it is plain (`SearchTerm.key`).
        let key: PlainTerm?
    }

    /// A shard's file from its postings, which are in document order.
    ///
    /// When every term of the shard is plain (`SearchText.terms(_:plain:)`), terms are told apart and sorted by
    /// their bytes, which for plain terms is what `String`'s `==` and `<` say; otherwise as strings.
    /// `byBytes: false` compares them as strings whatever they are (what the tests compare with).
    static func shardFile(_ shard: Int, postings: [Posting], byBytes: Bool = true) -> Data {
        if byBytes, postings.allSatisfy({ $0.key != nil }) { return plainShardFile(shard, postings: postings) }
        var numbers: [String: Int] = [:]
        var terms: [String] = []
        let numbered = postings.map { posting in
            if let known = numbers[posting.term] { return known }
            numbers[posting.term] = terms.count
            terms.append(posting.term)
            return terms.count - 1
        }
        let order = terms.indices.sorted { terms[$0] < terms[$1] }
        return shardFile(shard, postings: postings, numbered: numbered, firsts: terms.count, order: order,
                         quoted: { bytes, slot in JSONText.append(terms[slot], to: &bytes) })
    }

    /// `shardFile` when every term is plain: each posting's term numbered by its key's fingerprint (open addressing;
    /// the text of the term's first posting tells apart two with one fingerprint), the terms ordered by their first
    /// eight bytes and, on a tie, by all of them (`PlainTerm.precedes`). The postings are read in place: a copy of
    /// one retains its two strings.
    private static func plainShardFile(_ shard: Int, postings: [Posting]) -> Data {
        postings.withUnsafeBufferPointer { postings in
            var slots = TermSlots(capacity: postings.count)
            // Each term's first posting.
            var firsts: [Int] = []
            var numbered = [Int](repeating: 0, count: postings.count)
            for index in postings.indices {
                let fingerprint = postings[index].key!.fingerprint
                let known = firsts.withUnsafeBufferPointer { firsts in
                    slots.number(of: fingerprint, isSame: { number in
                        postings[firsts[number]].key!.fingerprint == fingerprint && postings[firsts[number]].term == postings[index].term
                    }, orAdd: firsts.count, fingerprintOf: { postings[firsts[$0]].key!.fingerprint })
                }
                if let known {
                    numbered[index] = known
                } else {
                    numbered[index] = firsts.count
                    firsts.append(index)
                }
            }
            // By the first eight bytes, which order most pairs at once; by all of them on a tie.
            var prefixes = firsts.indices.map { (prefix: postings[firsts[$0]].key!.prefix, number: $0) }
            prefixes.sort { left, right in
                left.prefix != right.prefix ? left.prefix < right.prefix
                    : PlainTerm.precedes(postings[firsts[left.number]].key!, postings[firsts[right.number]].key!)
            }
            let order = prefixes.map(\.number)
            // A plain term's quoted form is itself between quotation marks: letters and digits need no escape.
            return shardFile(shard, postings: postings, numbered: numbered, firsts: firsts.count, order: order) { bytes, slot in
                bytes.append(UInt8(ascii: "\""))
                bytes.append(contentsOf: postings[firsts[slot]].term.utf8)
                bytes.append(UInt8(ascii: "\""))
            }
        }
    }

    /// A shard's file from its postings (in document order), each numbered by its term (`numbered`, from 0 in
    /// order of first sight, `terms` of them), the terms written in `order`: every term's postings in one flat
    /// array (no array per term), each as its distance from the term's previous posting.
    private static func shardFile(_ shard: Int, postings: UnsafeBufferPointer<Posting>, numbered: [Int], firsts terms: Int, order: [Int],
                                  quoted: (inout [UInt8], Int) -> Void) -> Data {
        var starts = [Int](repeating: 0, count: terms + 1)
        for number in numbered { starts[number + 1] += 1 }
        for slot in 0..<terms { starts[slot + 1] += starts[slot] }
        var filled = starts
        var numbers = [Int](repeating: 0, count: postings.count)
        var last = [Int](repeating: 0, count: terms)
        for index in postings.indices {
            let slot = numbered[index]
            let document = postings[index].document
            numbers[filled[slot]] = (document - last[slot]) * 16 + Int(postings[index].fields)
            filled[slot] += 1
            last[slot] = document
        }
        var bytes: [UInt8] = Array("__buildSiteSearch(\"t/\(shard)\",{".utf8)
        bytes.reserveCapacity(postings.count * 6 + terms * 12)
        for (position, slot) in order.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            quoted(&bytes, slot)
            bytes.append(contentsOf: ":[".utf8)
            for index in starts[slot]..<starts[slot + 1] {
                if index > starts[slot] { bytes.append(UInt8(ascii: ",")) }
                appendDecimal(numbers[index], to: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        }
        bytes.append(contentsOf: "});\n".utf8)
        return Data(bytes)
    }

    /// `shardFile` for postings in an array (the string path).
    private static func shardFile(_ shard: Int, postings: [Posting], numbered: [Int], firsts terms: Int, order: [Int],
                                  quoted: (inout [UInt8], Int) -> Void) -> Data {
        postings.withUnsafeBufferPointer { shardFile(shard, postings: $0, numbered: numbered, firsts: terms, order: order, quoted: quoted) }
    }

    /// `number` (not negative) in decimal, without making a string.
    private static func appendDecimal(_ number: Int, to bytes: inout [UInt8]) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = number
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
        }
    }

    private static func chunkFile(_ documents: ArraySlice<SearchDocument>, collections: [String], number: Int) -> Data {
        var bytes = Array("__buildSiteSearch(\"d/\(number)\",[".utf8)
        for (position, document) in documents.enumerated() {
            if position > 0 { bytes.append(contentsOf: ",\n".utf8) }
            let collection = document.collection.flatMap { collections.firstIndex(of: $0) } ?? -1
            bytes.append(UInt8(ascii: "["))
            JSONText.append(String(document.url.dropFirst()), to: &bytes)
            bytes.append(UInt8(ascii: ","))
            JSONText.append(document.title, to: &bytes)
            bytes.append(contentsOf: ",\(collection),".utf8)
            JSONText.append(document.date, to: &bytes)
            bytes.append(UInt8(ascii: ","))
            JSONText.append(shortened(document.summary), to: &bytes)
            bytes.append(UInt8(ascii: "]"))
        }
        bytes.append(contentsOf: "]);\n".utf8)
        return Data(bytes)
    }

    /// At most `summaryLimit` characters, cut at a space, with an ellipsis when cut.
    static func shortened(_ text: String) -> String {
        // No more bytes than the limit: no more characters either (counting characters is the slow part).
        guard text.utf8.count > summaryLimit, text.count > summaryLimit else { return text }
        let cut = text.prefix(summaryLimit)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]) + "…"
    }
}
