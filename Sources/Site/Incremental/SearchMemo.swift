import Foundation

/// The search index's work from the last good build, by what each piece was made from.
///
/// Three pure functions make the index (`SearchIndex`), and each is kept by its whole argument, as `FeedsMemo`
/// keeps feeds: a page's plain text by its HTML (`HTMLText.text`), a document's terms by the document
/// (`SearchDocument.terms`: url, title, dates, summary, headings, related titles and text), and a term shard's
/// bytes by its postings (`SearchIndex.shardFile`: the path names the shard). A build that hands in an equal
/// argument gets the last build's result; any difference makes it again. So the memo is exact whatever
/// changed, and needs no plan: the arguments are made each build, as a full build makes them.
///
/// On the two-language microsite a body edit's build spent half its time making the index again (every page's
/// text and terms, every shard); compared, it is a few hundred string comparisons, most of the very same storage.
///
/// `@unchecked Sendable`: `kept` is behind `lock`; `previous` is never written.
final class SearchMemo: @unchecked Sendable {
    struct State: Sendable {
        /// A page's HTML and its text, by `"<index folder>|<url>"`.
        var texts: [String: (html: String, text: String)] = [:]
        /// A document and its terms, by `"<index folder>|<url>"`.
        var terms: [String: (document: SearchDocument, terms: [SearchTerm])] = [:]
        /// A term shard's postings and bytes, by its output path.
        var shards: [String: (postings: [SearchIndex.Posting], data: Data)] = [:]
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

    /// `document.terms()`, the last build's when the document at `key` was the same.
    func terms(of document: SearchDocument, key: String) -> [SearchTerm] {
        if let last = previous.terms[key], last.document == document {
            lock.withLock {
                kept.terms[key] = last
                hits += 1
            }
            return last.terms
        }
        let terms = document.terms()
        lock.withLock { kept.terms[key] = (document, terms) }
        return terms
    }

    /// The shard file at `path` made from `postings`: the last build's when they were the same, else `make()`'s.
    func shard(at path: String, postings: [SearchIndex.Posting], make: () -> Data) -> Data {
        if let last = previous.shards[path], last.postings == postings {
            lock.withLock {
                kept.shards[path] = last
                hits += 1
            }
            return last.data
        }
        let data = make()
        lock.withLock { kept.shards[path] = (postings, data) }
        return data
    }

    /// What this build made or kept, for the next one.
    var filled: State { lock.withLock { kept } }

    /// How many texts, term lists and shards were the last build's.
    var reused: Int { lock.withLock { hits } }
}
