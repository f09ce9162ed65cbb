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
/// `@unchecked Sendable`: a shard's `entries` are only touched under its `lock`. An `NSLock` rather than
/// `Synchronization.Mutex`, which needs macOS 15 and whose futex the thread sanitizer cannot see, so it
/// reported races that were not.
public final class FragmentCache: @unchecked Sendable {
    /// The entries, spread over shards by the key's hash, each with its own lock: every page passes over
    /// dozens of tags on every core, and with one lock for all of them the cores waited on each other.
    private let shards: [Shard] = (0..<FragmentCache.shardCount).map { _ in Shard() }
    private static let shardCount = 16

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
    }

    public init() {}

    /// How many fragments are stored.
    public var count: Int {
        shards.reduce(0) { total, shard in
            total + shard.lock.withLock { shard.entries.values.reduce(0) { $0 + ($1.everywhere == nil ? 0 : 1) + $1.byPartition.count } }
        }
    }

    private func shard(for key: FragmentKey) -> Shard {
        shards[Int(truncatingIfNeeded: (key.fingerprint &* 0x9E37_79B9_7F4A_7C15) >> 60)]
    }

    /// The fragment for `key` that a render in `partition` may paste, and whether it was stored for that
    /// partition only.
    func fragment(_ key: FragmentKey, partition: String) -> (fragment: Fragment, isLocal: Bool)? {
        let shard = shard(for: key)
        return shard.lock.withLock {
            guard let entry = shard.entries[key] else { return nil }
            if let fragment = entry.everywhere { return (fragment, false) }
            return entry.byPartition[partition].map { ($0, true) }
        }
    }

    /// Stores `fragment` for `key`: for every page, or (output that depends on where the page is) for renders
    /// in `partition` only.
    func store(_ fragment: Fragment, for key: FragmentKey, partition: String?) {
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
    /// Set when pasting the output elsewhere would not do what rendering the body there does: a filter's
    /// result depends on the page beyond the partition (`FilterContext.markPageSpecific()`), or the body
    /// changed state outside itself (a namespace attribute, `loop.changed`). The fragment is then not stored.
    var isUnshareable = false
    /// Set when the output depends on where the page is (`FilterContext.markLocationDependent()`): the
    /// fragment is then stored for the render's partition only.
    var isLocal = false
}
