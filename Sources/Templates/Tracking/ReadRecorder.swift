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

    public init() {
        // A page reads hundreds of keys: start with room for them rather than growing the set from nothing.
        recorded.reads.reserveCapacity(256)
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
