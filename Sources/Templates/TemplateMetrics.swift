import Foundation

/// Where rendering time goes: for every template rendered as a page, every include, macro and `{% cache %}`
/// tag, how often it ran and the wall time spent inside it. What `build-site --template-metrics` prints, as
/// Hugo's `--templateMetrics` and Jekyll's `--profile` do, so that an author can find the template worth
/// making faster (or worth a `{% cache %}`) without a profiler.
///
/// Times are inclusive, as a profiler's are: a page's time holds its includes and macros, a macro's the
/// macros it calls. They are wall time on the thread that rendered, summed over all threads, so on several
/// cores they add up to more than the render step's wall time. Measuring costs two clock reads and a table
/// update per call, which the times include; a render without metrics pays one `nil` check per call.
///
/// A renderer counts into a table of its own (`MetricsTally`) and adds it here once, when its page is done,
/// so that rendering threads do not meet on a lock at every call. `@unchecked Sendable`: `entries` is only
/// touched under `lock`.
public final class TemplateMetrics: @unchecked Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// A template rendered for a page (its layouts included).
        case page
        case include
        case macro
        /// A `{% cache %}` tag: every pass over it, whether it rendered its body or pasted a stored fragment.
        case cache
    }

    /// What was measured for one template, include, macro or cache tag.
    public struct Entry: Sendable, Equatable {
        public var kind: Kind
        /// A page or include: the template's name. A macro: "name (template:line)". A cache tag: "template:line".
        public var name: String
        public var calls = 0
        /// For a cache tag, how many passes pasted a stored fragment instead of rendering the body.
        public var reused = 0
        public var total: Duration = .zero
        public var maximum: Duration = .zero
    }

    /// Entries by what they measure: the same in every thread's copy of the templates.
    private struct Key: Hashable {
        var kind: Kind
        var template: String
        var offset: Int
    }

    private let lock = NSLock()
    private var entries: [Key: Entry] = [:]

    public init() {}

    /// Everything measured, the most time first; equal times in order of kind and name, so that a report
    /// lists the same rows in the same order whatever the thread that finished first.
    public var report: [Entry] {
        lock.withLock { Array(entries.values) }.sorted { left, right in
            if left.total != right.total { return left.total > right.total }
            if left.kind != right.kind { return left.kind.rawValue < right.kind.rawValue }
            return left.name < right.name
        }
    }

    /// Adds one render's measurements.
    func add(_ tally: MetricsTally) {
        let measured = tally.records.map { record in
            (Key(kind: record.kind, template: record.template.source.name, offset: record.offset), record)
        }
        lock.withLock {
            for (key, record) in measured {
                var entry = entries[key] ?? Entry(kind: record.kind, name: Self.name(of: record))
                entry.calls += record.calls
                entry.reused += record.reused
                entry.total += record.total
                entry.maximum = max(entry.maximum, record.maximum)
                entries[key] = entry
            }
        }
    }

    private static func name(of record: MetricsTally.Record) -> String {
        let source = record.template.source
        switch record.kind {
        case .page, .include: return source.name
        case .macro: return "\(record.label) (\(source.name):\(source.location(of: record.offset).line))"
        case .cache: return "\(source.name):\(source.location(of: record.offset).line)"
        }
    }
}
