/// Collects what one render reads (see `ReadTracking`): made per render, installed on the thread that runs it
/// with `ReadTracking.recording(_:_:)`, read once the render is over.
///
/// Not thread-safe, and need not be: a recorder belongs to the one thread it is installed on.
public final class ReadRecorder {
    /// Everything recorded so far.
    ///
    /// Without the runtime's exclusivity checks: one thread owns the recorder, and no access to it can overlap
    /// another (the checks were a seventh of what recording cost a render).
    @exclusivity(unchecked) public var recorded = RecordedReads()

    /// The fingerprint noted for a file a filter could not read (missing, refused): its later appearance is a
    /// change like any other. FNV-1a of real bytes would be 0 only by a one in 2⁶⁴ accident.
    public static let unreadable: UInt64 = 0

    /// - Parameter capacity: the reads to make room for at once. A page reads hundreds of keys, so it starts with
    ///   room for them rather than growing the set from nothing. A fragment or a macro call reads a few, and
    ///   keeps what it read, as does each page's Markdown: with room for 256 each held a set of 512 slots (12 KB),
    ///   and on 10,000 events `serve` grew to 2 GB after one title edit (0.8 GB with none), which made a session's
    ///   first title edit take 3.1–4.5 s (1.9–2.6 s with none).
    public init(capacity: Int = 256) {
        if capacity > 0 { recorded.reads.reserveCapacity(capacity) }
    }

    /// Keys (and whole mappings) read from tagged mappings.
    public var reads: Set<ReadKey> { recorded.reads }
    /// Template names looked up (see `RecordedReads.templates`).
    public var templates: Set<String> { recorded.templates }
    /// Files read by filters, with their fingerprints.
    public var files: [String: UInt64] { recorded.files }

    @inline(__always)
    func noteRead(_ origin: UInt32, _ key: String?) {
        recorded.reads.insert(ReadKey(origin, key))
    }

    /// Notes that a template was looked up by name.
    public func noteTemplate(_ name: String) {
        recorded.templates.insert(name)
    }

    /// Notes that a file was read (or could not be, `unreadable`) during the render.
    public func noteFile(_ path: String, fingerprint: UInt64) {
        recorded.files[path] = fingerprint
    }
}
