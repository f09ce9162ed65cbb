import Foundation
import Templates

/// Keeps `{% cache %}` fragments between the builds of a session (`serve`): each language's `FragmentCache` is
/// handed to the next build, which pastes a kept fragment where the same tag meets the same keys, its body sees
/// the same values (`FragmentScope`), and everything it recorded reading is what it was — checked here, as
/// `PageMemo` checks a page: every tagged mapping it read by its whole fingerprint in this build's
/// `OriginTable`, and its templates and files by `RenderInputs`. So a title edit renders the one changed card
/// of a list of 10,000 again and pastes the rest. The same carry keeps calls of pure macros
/// (Templates' `Renderer+MacroMemo`), whose keys need no tag in the template.
///
/// A fragment that read a mapping the table does not keep (a page's own value, tagged per render) cannot be
/// checked, and is not kept. Fragments of a build with template metrics, or without a page memo, are not kept.
///
/// `@unchecked Sendable`: `made` is behind `lock`; the rest is never written after `init`.
final class FragmentMemo: FragmentCarry, @unchecked Sendable {
    /// What one fragment read, as the build that stored it saw it: the whole fingerprint of every tagged
    /// mapping it read (`OriginTable.prints`), each once, and its templates and files.
    struct Seal: Sendable {
        var prints: [(origin: UInt32, print: UInt64)]
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

    /// Seals by whole mappings rather than read by read: a fragment reads a few keys of a few mappings, and
    /// their whole fingerprints were made once for the build (`OriginTable.seal()`), so sealing and checking
    /// a fragment fingerprints nothing. A change to a key the fragment did not read renders it again: never
    /// less than exact.
    func seal(_ reads: RecordedReads) -> (any Sendable)? {
        var printed: [(origin: UInt32, print: UInt64)] = []
        // Most fragments read a few mappings: a list is searched. One that reads thousands (a list of every
        // event's lanes) is deduplicated through a set instead of quadratically.
        var seen = Set<UInt32>()
        let many = reads.reads.count > 32
        for read in reads.reads {
            if many {
                guard seen.insert(read.origin).inserted else { continue }
            } else if printed.contains(where: { $0.origin == read.origin }) {
                continue
            }
            guard let print = table.prints[read.origin] else { return nil }
            printed.append((read.origin, print))
        }
        return Seal(prints: printed, inputs: inputs.capture(reads))
    }

    func holds(_ seal: any Sendable) -> Bool {
        guard let seal = seal as? Seal, inputs.holds(seal.inputs) else { return false }
        return seal.prints.allSatisfy { table.prints[$0.origin] == $0.print }
    }
}
