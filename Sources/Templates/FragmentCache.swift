import Synchronization

/// The output of `{% cache %}` blocks, kept for one build and shared by every rendering thread.
///
/// Much of a page is the same on thousands of pages: the header and footer, the feed links, the item an event
/// shows in every list it appears in. `{% cache key, … %}…{% endcache %}` renders such a block once per
/// distinct key and pastes those bytes wherever the same tag meets the same keys again, as Hugo's
/// `partialCached` and Django's `{% cache %}` do. What the body reads besides its keys must be the same on
/// every page that shares them — the template author's promise, which a build without the cache checks
/// (`build-site --no-fragment-cache` must give the same bytes).
///
/// Entries are also separated by the render's *partition*, a string the caller chooses per render: a site
/// passes the folder its page sits in, so that links made relative to the page stay right (see
/// `FilterContext.markPageSpecific()` for output that depends on the page even beyond that).
///
/// The cache is filled while pages render on several threads. Two threads that miss on the same key both
/// render the body and store the same bytes, so what any page gets does not depend on which came first.
public final class FragmentCache: Sendable {
    private let entries = Mutex<[FragmentKey: [UInt8]]>([:])

    public init() {}

    /// How many fragments are stored.
    public var count: Int { entries.withLock { $0.count } }

    func fragment(_ key: FragmentKey) -> [UInt8]? {
        entries.withLock { $0[key] }
    }

    func store(_ fragment: [UInt8], for key: FragmentKey) {
        entries.withLock { $0[key] = fragment }
    }
}

/// What a `{% cache %}` body being rendered has learned about itself: whether its output may be shared.
final class FragmentRecording {
    /// Set when pasting the output elsewhere would not do what rendering the body there does: a filter's
    /// result depends on the page beyond the partition (`FilterContext.markPageSpecific()`), or the body
    /// changed state outside itself (a namespace attribute, `loop.changed`). The fragment is then not stored.
    var isUnshareable = false
}
