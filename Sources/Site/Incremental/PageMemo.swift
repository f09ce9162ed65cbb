import Foundation
import Templates

/// Each rendered page of the last good build with what its render read, for the next build to reuse when
/// none of it changed.
///
/// A page's render sees its context — `page`, `paginator`, `current_url`, `lang` and the globals — the
/// templates, and files its filters read. What it reads is recorded where it happens (`ReadTracking`): every
/// read of a tagged mapping (`OriginTable`; the `t` filter's strings are one too, `UIStrings.origins`), every
/// template looked up by name and every file a filter read (`TemplateInputs`, with their fingerprints); the
/// rest of its context is one fingerprint (`Value.fingerprint`, tagged mappings by their tag). A page is reused
/// when that fingerprint, every read's value and every template and file are what they were; anything else
/// renders it again. So a template edit renders again only the pages that used the template, wherever the
/// lookup was (`extends`, `include`, `import`, inside a `{% cache %}` fragment: a pasted fragment's lookups
/// are the pasting page's too). Fragments themselves are not kept between builds (`FragmentCache` is made per
/// build), so none made with an old template is ever pasted.
///
/// `@unchecked Sendable`: `next` and the counters are behind `lock`; `previous` is never written.
final class PageMemo: @unchecked Sendable {
    struct Entry: Sendable {
        var context: UInt64
        var reads: [(ReadKey, UInt64)]
        var output: Data
        /// The templates and files the render used; nil when not known (restored from the CLI's cache).
        var inputs: TemplateInputs? = nil
    }

    let table: OriginTable
    private let previous: [String: Entry]
    private let lock = NSLock()
    private var next: [String: Entry] = [:]
    private var hits = 0

    /// This build's templates and files, which entries are checked against.
    let inputs: RenderInputs

    init(registry: OriginRegistry, previous: [String: Entry] = [:], inputs: RenderInputs) {
        table = OriginTable(registry: registry)
        self.previous = previous
        self.inputs = inputs
    }

    /// The fingerprint of a render's context and template, tagged mappings by their tag.
    static func contextKey(_ context: [String: Value], template: String) -> UInt64 {
        let pairs = context.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        var hasher = MemoKeyHasher()
        hasher.combine(template)
        hasher.combine(Value.dictionary(OrderedDictionary(pairs)).fingerprint)
        return hasher.value
    }

    /// The page's last output, if its context is the same and every value its render read is too (`page`: the
    /// page's own tagged value, which the table does not keep).
    func reuse(_ path: String, context: UInt64, page: OrderedDictionary?) -> Data? {
        guard let entry = previous[path], entry.context == context, inputs.holds(entry.inputs),
              entry.reads.allSatisfy({ table.fingerprint($0.0, page: page) == $0.1 }) else { return nil }
        lock.withLock {
            hits += 1
            next[path] = entry
        }
        return entry.output
    }

    /// Keeps a page just rendered, with the values of what it read (as this build has them).
    func store(_ path: String, context: UInt64, reads: RecordedReads, output: Data, page: OrderedDictionary?) {
        let entry = Entry(context: context, reads: reads.reads.map { ($0, table.fingerprint($0, page: page)) }, output: output,
                          inputs: inputs.capture(reads))
        lock.withLock { next[path] = entry }
    }

    /// The entries of this build (reused ones included), for the next.
    var filled: [String: Entry] { lock.withLock { next } }

    /// How many pages this build reused.
    var reused: Int { lock.withLock { hits } }
}
