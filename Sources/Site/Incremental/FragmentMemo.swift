import Foundation
import Templates

/// Keeps `{% cache %}` fragments between the builds of a session (`serve`): each language's `FragmentCache` is
/// handed to the next build, which pastes a kept fragment where the same tag meets the same keys, its body sees
/// the same values (`FragmentScope`), and everything it recorded reading is what it was — checked here, as
/// `PageMemo` checks a page: each read of a tagged mapping by its fingerprint in this build's `OriginTable`,
/// and its templates and files by `RenderInputs`. So a title edit renders the one changed card of a list of
/// 10,000 again and pastes the rest.
///
/// A fragment that read a mapping the table does not keep (a page's own value, tagged per render) cannot be
/// checked, and is not kept. Fragments of a build with template metrics, or without a page memo, are not kept.
///
/// `@unchecked Sendable`: `made` is behind `lock`; the rest is never written after `init`.
final class FragmentMemo: FragmentCarry, @unchecked Sendable {
    /// What one fragment read, as the build that stored it saw it.
    struct Seal: Sendable {
        var reads: [(ReadKey, UInt64)]
        var inputs: TemplateInputs
    }

    private let table: OriginTable
    private let inputs: RenderInputs
    /// The last good build's caches, by language.
    private let previous: [String: FragmentCache]
    private let lock = NSLock()
    private var made: [String: FragmentCache] = [:]

    init(table: OriginTable, inputs: RenderInputs, previous: [String: FragmentCache]) {
        self.table = table
        self.inputs = inputs
        self.previous = previous
    }

    /// This build's cache for `language`, pasting what the last build's still holds.
    func cache(for language: String) -> FragmentCache {
        let cache = FragmentCache(carry: self, previous: previous[language])
        lock.withLock { made[language] = cache }
        return cache
    }

    /// This build's caches, for the next build.
    var filled: [String: FragmentCache] { lock.withLock { made } }

    func seal(_ reads: RecordedReads) -> (any Sendable)? {
        var printed: [(ReadKey, UInt64)] = []
        printed.reserveCapacity(reads.reads.count)
        for read in reads.reads {
            guard table.keeps(read.origin) else { return nil }
            printed.append((read, table.fingerprint(read, page: nil)))
        }
        return Seal(reads: printed, inputs: inputs.capture(reads))
    }

    func holds(_ seal: any Sendable) -> Bool {
        guard let seal = seal as? Seal, inputs.holds(seal.inputs) else { return false }
        return seal.reads.allSatisfy { table.fingerprint($0.0, page: nil) == $0.1 }
    }
}
