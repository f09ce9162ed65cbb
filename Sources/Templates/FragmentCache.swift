import Foundation

/// The output of `{% cache %}` blocks, kept for one build and shared by every rendering thread.
///
/// Much of a page is the same on thousands of pages: the header and footer, the feed links, the item an event
/// shows in every list it appears in. `{% cache key, … %}…{% endcache %}` renders such a block once per
/// distinct key and pastes those bytes wherever the same tag meets the same keys again, as Hugo's
/// `partialCached` and Django's `{% cache %}` do. What the body reads besides its keys must be the same on
/// every page that shares them — the template author's promise, which a build without the cache checks
/// (`build-site --no-fragment-cache` must give the same bytes).
///
/// A fragment whose output depends on where the page is — links made relative to it — is shared only between
/// renders of the same *partition*, a string the caller chooses per render: a site passes the folder that
/// holds the page's folder (see `FilterContext.markLocationDependent()`, and `markPageSpecific()` for output
/// that depends on the page even beyond that). Any other fragment is shared by every page.
///
/// The cache is filled while pages render on several threads. Two threads that miss on the same key both
/// render the body and store the same bytes, so what any page gets does not depend on which came first.
///
/// With a `FragmentCarry` (a build session: `serve`), fragments are also kept for the next build, which is
/// handed this cache (`init(carry:previous:)`) and pastes a kept fragment only when the carry and the names
/// its body mentions say nothing it depends on changed (`FragmentScope`); see `FragmentCarry`.
///
/// `@unchecked Sendable`: a shard's `entries` are only touched under its `lock`; the last build's shards are
/// only read, under theirs. An `NSLock` rather than
/// `Synchronization.Mutex`, which needs macOS 15 and whose futex the thread sanitizer cannot see, so it
/// reported races that were not.
public final class FragmentCache: @unchecked Sendable {
    /// The entries, spread over shards by the key's hash, each with its own lock: every page passes over
    /// dozens of tags on every core, and with one lock for all of them the cores waited on each other.
    ///
    /// A cache made with a carry shares its shards with the last build's (`init(carry:previous:)`): each fragment
    /// carries the build that stored it (`generation`), a render pastes one of its own build without a check
    /// and one of an earlier build only where the carry says it still holds (`kept`). So the fragments of the
    /// pages a build reused without rendering them (after a body edit, all but one) are still there for the
    /// build after it, and nothing is copied from build to build.
    private let shards: [Shard]
    private static let shardCount = 16
    /// The check that lets fragments outlive this build; nil: none are kept.
    let carry: FragmentCarry?
    /// This build's number, unique in the process: fragments stored under another are an earlier build's.
    private let generation: Int
    /// Whether the shards are shared with earlier builds' caches: the cache of a session's second build or a
    /// later one. Only such a build keeps pure macro calls (`Renderer+MacroMemo`), so a session's first build
    /// costs what a full build costs.
    let sharesEarlierBuilds: Bool
    private let takenLock = NSLock()
    private var taken = 0
    private static let generations = NSLock()
    nonisolated(unsafe) private static var lastGeneration = 0

    private final class Shard: @unchecked Sendable {
        let lock = NSLock()
        var entries: [FragmentKey: Entry] = [:]
    }

    /// The fragments stored for one tag and key: one for every page, or one per partition.
    private struct Entry {
        var everywhere: Fragment?
        var byPartition: [String: Fragment] = [:]
    }

    /// A fragment's bytes and, when it was rendered with a read recorder installed, what its body read
    /// (`ReadTracking`): a render that pastes it has read the same.
    struct Fragment {
        var bytes: [UInt8]
        var reads: RecordedReads?
        /// For a fragment a later build may paste: what it saw (`Kept`); nil: it is not kept.
        var kept: Kept? = nil
        /// The build that stored it (`FragmentCache.generation`); set by `store`.
        var generation = 0
        /// What a render that pastes it records reading, when not `reads`: for a kept fragment, whose seal
        /// holds only while every mapping it read is whole what it was, `reads` widened to those mappings.
        var replay: RecordedReads? = nil

        /// Seals it for later builds with `carry`, its body having seen `scope`; false when the carry cannot
        /// check what it read (or there is no carry), and then it is not kept.
        mutating func keep(scope: UInt64, carry: FragmentCarry?) -> Bool {
            guard let reads, let seal = carry?.seal(reads) else { return false }
            kept = Kept(scope: scope, seal: seal)
            replay = reads.widened()
            return true
        }
    }

    /// What a kept fragment's body saw: the values of the names it mentions (`Renderer.fragmentScope`) and the
    /// carry's seal over its reads.
    struct Kept {
        var scope: UInt64
        var seal: any Sendable
    }

    public init() {
        carry = nil
        shards = (0..<FragmentCache.shardCount).map { _ in Shard() }
        generation = Self.nextGeneration()
        sharesEarlierBuilds = false
    }

    /// A cache whose fragments are sealed by `carry` for the next build, and which pastes those of `previous`
    /// (the last good build's cache, made with a carry too, and the builds' before it) that still hold: it
    /// shares `previous`'s shards, under a generation of its own.
    public init(carry: FragmentCarry, previous: FragmentCache?) {
        self.carry = carry
        shards = previous?.shards ?? (0..<FragmentCache.shardCount).map { _ in Shard() }
        generation = Self.nextGeneration()
        sharesEarlierBuilds = previous != nil
    }

    private static func nextGeneration() -> Int {
        generations.withLock {
            lastGeneration += 1
            return lastGeneration
        }
    }

    /// Lets go of every fragment an earlier build stored: for a build whose page values were made anew, so that
    /// no key that names their old mappings can match again (`BuildSession`).
    public func dropEarlierBuilds() {
        guard sharesEarlierBuilds else { return }
        for shard in shards {
            shard.lock.withLock {
                shard.entries = shard.entries.compactMapValues { entry in
                    var kept = entry
                    if kept.everywhere?.generation != generation { kept.everywhere = nil }
                    kept.byPartition = kept.byPartition.filter { $0.value.generation == generation }
                    return kept.everywhere == nil && kept.byPartition.isEmpty ? nil : kept
                }
            }
        }
    }

    /// How many times a render of this build took an earlier build's fragment (`kept`).
    public var takenFromLastBuild: Int { takenLock.withLock { taken } }

    /// How many fragments this build stored (not those of earlier builds it shares).
    public var count: Int {
        shards.reduce(0) { total, shard in
            total + shard.lock.withLock {
                shard.entries.values.reduce(0) { sum, entry in
                    sum + (entry.everywhere?.generation == generation ? 1 : 0)
                        + entry.byPartition.values.reduce(0) { $0 + ($1.generation == generation ? 1 : 0) }
                }
            }
        }
    }

    private func shard(for key: FragmentKey) -> Shard {
        shards[index(for: key)]
    }

    private func index(for key: FragmentKey) -> Int {
        Int(truncatingIfNeeded: (key.fingerprint &* 0x9E37_79B9_7F4A_7C15) >> 60)
    }

    /// How far a stored fragment is shared.
    enum Reach {
        /// With every render.
        case everywhere
        /// With renders of its partition (its output depends on where the page is).
        case partition
        /// With renders of its page only (`FragmentRecording.isPageSpecific`), in a build that keeps fragments.
        case page
    }

    /// The fragment for `key` that a render in `partition` of `page` (a page's own partition,
    /// `Renderer.pagePartition`; nil: none) may paste, and how far it is shared.
    func fragment(_ key: FragmentKey, partition: String, page: String?) -> (fragment: Fragment, reach: Reach)? {
        lookUp(key, partition: partition, page: page, ownBuild: true)
    }

    /// The fragment stored for `key` that a render in `partition` of `page` may paste: one this build stored
    /// (`ownBuild`), or one an earlier build stored.
    private func lookUp(_ key: FragmentKey, partition: String, page: String?, ownBuild: Bool) -> (fragment: Fragment, reach: Reach)? {
        let shard = shard(for: key)
        return shard.lock.withLock {
            guard let entry = shard.entries[key] else { return nil }
            func usable(_ fragment: Fragment?) -> Fragment? {
                guard let fragment, (fragment.generation == generation) == ownBuild else { return nil }
                return fragment
            }
            if let fragment = usable(entry.everywhere) { return (fragment, .everywhere) }
            if let fragment = usable(entry.byPartition[partition]) { return (fragment, .partition) }
            guard let page, let fragment = usable(entry.byPartition[page]) else { return nil }
            return (fragment, .page)
        }
    }

    /// An earlier build's fragment for `key` that a render in `partition` may paste, if its body saw `scope`
    /// then and the carry says its reads still hold. Left as it is: a later page or build that meets it checks
    /// it again (a few lookups), and nothing is copied.
    func kept(_ key: FragmentKey, partition: String, page: String?, scope: UInt64) -> (fragment: Fragment, reach: Reach)? {
        guard let carry else { return nil }
        guard let (fragment, reach) = lookUp(key, partition: partition, page: page, ownBuild: false),
              let kept = fragment.kept, kept.scope == scope, fragment.reads != nil, carry.holds(kept.seal) else { return nil }
        takenLock.withLock { taken += 1 }
        return (fragment, reach)
    }

    /// Stores `fragment` for `key`: for every page, or (output that depends on where the page is) for renders
    /// in `partition` only.
    func store(_ fragment: Fragment, for key: FragmentKey, partition: String?) {
        var fragment = fragment
        fragment.generation = generation
        let shard = shard(for: key)
        shard.lock.withLock {
            if let partition {
                shard.entries[key, default: Entry()].byPartition[partition] = fragment
            } else {
                shard.entries[key, default: Entry()].everywhere = fragment
            }
        }
    }
}

/// What a `{% cache %}` body being rendered has learned about itself: whether its output may be shared.
final class FragmentRecording {
    /// Set when pasting the output elsewhere would not do what rendering the body there does: the body
    /// changed state outside itself (a namespace attribute, `loop.changed`). The fragment is then not stored.
    var isUnshareable = false
    /// Set when the output depends on where the page is (`FilterContext.markLocationDependent()`): the
    /// fragment is then stored for the render's partition only.
    var isLocal = false
    /// Set when the output depends on the page beyond its partition (`FilterContext.markPageSpecific()`): the
    /// fragment is then not shared with other pages; a build that keeps fragments for the next
    /// (`FragmentCarry`) stores it for this page alone, which the next build's render of the page may paste.
    var isPageSpecific = false
}
