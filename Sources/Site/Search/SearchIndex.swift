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
        if byBytes, postings.allSatisfy({ $0.key != nil }) {
            // A plain term's quoted form is itself between quotation marks: letters and digits need no escape.
            return shardFile(shard, postings: postings, key: { $0.key! }, slots: PlainTermSlots(capacity: postings.count),
                             precedes: PlainTerm.precedes, prefix: \.prefix,
                             quoted: { bytes, term in
                                 bytes.append(UInt8(ascii: "\""))
                                 bytes.append(contentsOf: term.utf8)
                                 bytes.append(UInt8(ascii: "\""))
                             })
        }
        return shardFile(shard, postings: postings, key: \.term, slots: DictionarySlots<String>(), precedes: { $0 < $1 }, prefix: nil,
                         quoted: { bytes, term in JSONText.append(term, to: &bytes) })
    }

    /// - Parameter prefix: a number whose order is `precedes`' wherever two terms' numbers differ (a plain term's
    ///   first eight bytes): terms are sorted by it first, and `precedes` only breaks its ties.
    private static func shardFile<Key: Hashable, Slots: TermSlots<Key>>(_ shard: Int, postings: [Posting], key: (Posting) -> Key,
                                                 slots: Slots, precedes: (Key, Key) -> Bool, prefix: ((Key) -> UInt64)?,
                                                 quoted: (inout [UInt8], String) -> Void) -> Data {
        // Each posting's term numbered in order of first sight, then every term's postings in one flat array,
        // in document order (no array per term).
        var slots = slots
        var terms: [Key] = []
        var names: [String] = []
        var counts: [Int] = []
        var slotOf: [Int] = []
        slotOf.reserveCapacity(postings.count)
        for posting in postings {
            let term = key(posting)
            if let known = slots.slot(of: term, orAdd: terms.count) {
                slotOf.append(known)
                counts[known] += 1
            } else {
                slotOf.append(terms.count)
                terms.append(term)
                names.append(posting.term)
                counts.append(1)
            }
        }
        var starts = [Int](repeating: 0, count: terms.count + 1)
        for slot in terms.indices { starts[slot + 1] = starts[slot] + counts[slot] }
        var filled = starts
        var numbers = [Int](repeating: 0, count: postings.count)
        var last = [Int](repeating: 0, count: terms.count)
        for (posting, slot) in zip(postings, slotOf) {
            numbers[filled[slot]] = (posting.document - last[slot]) * 16 + Int(posting.fields)
            filled[slot] += 1
            last[slot] = posting.document
        }
        var order = terms.indices.map { (prefix?(terms[$0]) ?? 0, $0) }
        order.sort { left, right in left.0 != right.0 ? left.0 < right.0 : precedes(terms[left.1], terms[right.1]) }
        var bytes: [UInt8] = Array("__buildSiteSearch(\"t/\(shard)\",{".utf8)
        bytes.reserveCapacity(postings.count * 6 + terms.count * 12)
        for (position, (_, slot)) in order.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            quoted(&bytes, names[slot])
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
