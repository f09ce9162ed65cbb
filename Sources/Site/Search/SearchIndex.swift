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

    static func files(for documents: [SearchDocument]) -> [String: Data] {
        let termSets = documents.concurrentMap { $0.terms() }
        let postings = termSets.reduce(0) { $0 + $1.count }
        // About four bytes a posting, and every shard has at least one term.
        let shardCount = max(1, (postings * 4 + shardBytes - 1) / shardBytes)
        // Each document's terms grouped by shard, so that every shard is then written on its own core.
        let grouped: [[(shard: Int, term: String, fields: UInt8)]] = termSets.concurrentMap { terms in
            terms.map { (SearchText.shard(of: $0.key, count: shardCount), $0.key, $0.value) }
                .sorted { ($0.shard, $0.term) < ($1.shard, $1.term) }
        }
        var files: [String: Data] = [:]
        let shards = Array(0..<shardCount).concurrentMap { shard in shardFile(shard, grouped: grouped) }
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

    private static func shardFile(_ shard: Int, grouped: [[(shard: Int, term: String, fields: UInt8)]]) -> Data {
        var postings: [String: (last: Int, numbers: [Int])] = [:]
        for (document, terms) in grouped.enumerated() {
            var low = 0
            var high = terms.count
            while low < high {
                let middle = (low + high) / 2
                if terms[middle].shard < shard { low = middle + 1 } else { high = middle }
            }
            var index = low
            while index < terms.count, terms[index].shard == shard {
                let term = terms[index].term
                let previous = postings[term]?.last ?? 0
                postings[term, default: (0, [])].numbers.append((document - previous) * 16 + Int(terms[index].fields))
                postings[term]?.last = document
                index += 1
            }
        }
        var text = "__buildSiteSearch(\"t/\(shard)\",{"
        var first = true
        for term in postings.keys.sorted() {
            if !first { text += "," }
            first = false
            text += JSONText.quoted(term) + ":["
            text += postings[term]!.numbers.map(String.init).joined(separator: ",") + "]"
        }
        text += "});\n"
        return Data(text.utf8)
    }

    private static func chunkFile(_ documents: ArraySlice<SearchDocument>, collections: [String], number: Int) -> Data {
        var text = "__buildSiteSearch(\"d/\(number)\",["
        text += documents.map { document in
            let collection = document.collection.flatMap { collections.firstIndex(of: $0) } ?? -1
            let fields = [String(document.url.dropFirst()), document.title].map(JSONText.quoted)
            return "[" + fields.joined(separator: ",") + ",\(collection),"
                + JSONText.quoted(document.date) + "," + JSONText.quoted(shortened(document.summary)) + "]"
        }.joined(separator: ",\n")
        text += "]);\n"
        return Data(text.utf8)
    }

    /// At most `summaryLimit` characters, cut at a space, with an ellipsis when cut.
    static func shortened(_ text: String) -> String {
        guard text.count > summaryLimit else { return text }
        let cut = text.prefix(summaryLimit)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]) + "…"
    }
}
