/// What one render (or one `{% cache %}` body) read: values of tagged mappings, templates loaded by name, and
/// files read by filters. Equal renders of the same inputs record equal sets.
public struct RecordedReads: Sendable, Equatable {
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

    /// Adds everything `other` read.
    public mutating func formUnion(_ other: RecordedReads) {
        reads.formUnion(other.reads)
        templates.formUnion(other.templates)
        files.merge(other.files) { _, later in later }
    }
}
