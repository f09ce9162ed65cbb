import Foundation

/// The search index's work from the last good build, by what each piece was made from.
///
/// A page's plain text is kept by its HTML (`HTMLText.text` is a function of it alone), a document's terms by
/// the document (`SearchDocument.terms`: url, title, dates, summary, headings, related titles and text), and
/// their shards by the terms and the number of shards. A term shard's file is a function of the postings dealt
/// to it; when the documents are the same ones in the same order and the number of shards is the same, a shard
/// that no changed document has a term in, in this build or the last, gets the same postings, so its bytes are
/// the last build's (`dirtyShards`). A build that hands in a different argument makes the piece again, so the
/// memo is exact whatever changed, and needs no plan: the arguments are made each build, as a full build makes them.
///
/// On the two-language microsite a body edit's build spent half its time making the index again (every page's
/// text and terms, every shard); compared, it is a few hundred string comparisons, most of the very same storage.
///
/// `@unchecked Sendable`: `kept` is behind `lock`; `previous` is never written.
final class SearchMemo: @unchecked Sendable {
    struct State: Sendable {
        /// A page's HTML and its text, by `"<index folder>|<url>"`.
        var texts: [String: (html: String, text: String)] = [:]
        /// A document, its terms and (for a number of shards) each term's shard, by `"<index folder>|<url>"`.
        var terms: [String: Terms] = [:]
        /// Each index's documents and term shards, by the index's folder.
        var layouts: [String: Layout] = [:]
    }

    struct Terms: Sendable {
        var document: SearchDocument
        var terms: [SearchTerm]
        var shardCount = 0
        var shards: [Int] = []
    }

    /// One index's term shards as the last build wrote them.
    struct Layout: Sendable {
        var keys: [String]
        var count: Int
        /// Each document's terms' shards, in document order.
        var shards: [[Int]]
        var files: [Data]
    }

    /// The shards to write again, and the last build's bytes of every shard (`dirtyShards`).
    struct Dirty {
        var remade: Set<Int>
        var kept: [Data]
    }

    private let previous: State
    private let lock = NSLock()
    private var kept = State()
    private var hits = 0

    init(previous: State = State()) {
        self.previous = previous
    }

    /// `HTMLText.text(of: html)`, the last build's when the page at `key` had the same HTML.
    func text(of html: String, key: String) -> String {
        if let last = previous.texts[key], last.html == html {
            lock.withLock {
                kept.texts[key] = last
                hits += 1
            }
            return last.text
        }
        let text = HTMLText.text(of: html)
        lock.withLock { kept.texts[key] = (html, text) }
        return text
    }

    /// `document.terms()`, and whether they are the last build's (the document at `key` was the same).
    func terms(of document: SearchDocument, key: String) -> (terms: [SearchTerm], kept: Bool) {
        if let last = previous.terms[key], last.document == document {
            lock.withLock {
                kept.terms[key] = last
                hits += 1
            }
            return (last.terms, true)
        }
        let terms = document.terms()
        lock.withLock { kept.terms[key] = Terms(document: document, terms: terms) }
        return (terms, false)
    }

    /// The shard of each of the terms at `key` among `count` shards: the last build's when its terms were kept
    /// (`terms(of:key:)`) and it had as many shards, else `make()`'s.
    func shards(of key: String, termsKept: Bool, count: Int, make: () -> [Int]) -> [Int] {
        if termsKept, let last = previous.terms[key], last.shardCount == count, last.shards.count == last.terms.count {
            return last.shards
        }
        let shards = make()
        lock.withLock {
            kept.terms[key]?.shardCount = count
            kept.terms[key]?.shards = shards
        }
        return shards
    }

    /// Which of the index's `count` shards may differ from the last build's, with the last build's bytes; nil
    /// when every shard is to be written (another number of shards, other documents or another order).
    /// - Parameters:
    ///   - kept: for each document, whether its terms are the last build's.
    ///   - shards: each document's terms' shards in this build.
    func dirtyShards(folder: String, keys: [String], count: Int, kept: [Bool], shards: [[Int]]) -> Dirty? {
        guard let last = previous.layouts[folder], last.count == count, last.keys == keys,
              last.files.count == count, last.shards.count == keys.count else { return nil }
        var remade = Set<Int>()
        for index in keys.indices where !kept[index] {
            remade.formUnion(last.shards[index])
            remade.formUnion(shards[index])
        }
        lock.withLock { hits += count - remade.count }
        return Dirty(remade: remade, kept: last.files)
    }

    /// The index's shards as this build wrote them, for the next build.
    func keepLayout(folder: String, keys: [String], count: Int, shards: [[Int]], files: [Data]) {
        lock.withLock { kept.layouts[folder] = Layout(keys: keys, count: count, shards: shards, files: files) }
    }

    /// What this build made or kept, for the next one.
    var filled: State { lock.withLock { kept } }

    /// How many texts, term lists and shards were the last build's.
    var reused: Int { lock.withLock { hits } }
}
