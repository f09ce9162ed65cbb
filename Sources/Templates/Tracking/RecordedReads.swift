/// What one render (or one `{% cache %}` body) read: values of tagged mappings, templates loaded by name, and
/// files read by filters. Equal renders of the same inputs record equal sets.
public struct RecordedReads: Sendable, Equatable, Codable {
    /// Keys (and whole mappings) read from tagged mappings.
    public var reads: Set<ReadKey> = []
    /// Every template name looked up while rendering — the page's own, `extends`, `include` (each candidate
    /// tried, found or not), `import` and `from` — so a template added, changed or removed later is a change.
    public var templates: Set<String> = []
    /// Files read by filters while rendering (`inline_css`), by root-relative path, with an FNV-1a 64
    /// fingerprint of their bytes, or `ReadRecorder.unreadable` when the read failed.
    public var files: [String: UInt64] = [:]

    public init() {}

    public var isEmpty: Bool { reads.isEmpty && templates.isEmpty && files.isEmpty }

    /// The same with every key read widened to its whole mapping, one read per tag (templates and files as
    /// they are): what a render that pastes a kept fragment records (`FragmentCache.Fragment.replay`), since
    /// the fragment holds only while each mapping it read is whole what it was. Coarser, never less exact, and
    /// a list of 10,000 pasted items adds 10,000 reads to its page instead of ten times as many.
    public func widened() -> RecordedReads {
        var wide = RecordedReads()
        wide.reads = Set(reads.map { ReadKey($0.origin, nil) })
        wide.templates = templates
        wide.files = files
        return wide
    }

    /// Adds everything `other` read.
    public mutating func formUnion(_ other: RecordedReads) {
        reads.formUnion(other.reads)
        templates.formUnion(other.templates)
        files.merge(other.files) { _, later in later }
    }
}
