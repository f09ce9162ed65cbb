import Foundation
import Templates

/// One build's tagged mappings, by tag: what a page's recorded reads are compared against (`PageMemo`).
///
/// `tag` gives a value's mapping its stable tag and keeps it here until the table is sealed, after the page
/// values are built; from then on the table is only read, without a lock, from every rendering thread. A
/// page's own value (`page|…`), tagged while rendering, is not kept: only its own render reads it, so it is
/// handed to `fingerprint` by the caller.
///
/// `@unchecked Sendable`: `mappings` is written under `lock` before `seal()` and only read after it (the
/// rendering threads start after the seal); the fingerprints kept for reuse are behind `lock`.
final class OriginTable: @unchecked Sendable {
    let registry: OriginRegistry
    private let lock = NSLock()
    private var mappings: [UInt32: OrderedDictionary] = [:]
    private var sealed = false
    private var wholeFingerprints: [UInt32: UInt64] = [:]
    /// Fingerprints of lists and mappings read by key, computed once a build (behind `lock`).
    private var valueFingerprints: [ReadKey: UInt64] = [:]
    /// Every kept mapping's whole fingerprint (`contentFingerprint()`), by tag: made by `seal()`, on all cores,
    /// and only read after it. What `PageMemo` compares with the last build's to skip unchanged mappings.
    private(set) var prints: [UInt32: UInt64] = [:]
    /// Fingerprints of mappings taken from the last build's table (`adopt`), not computed again.
    private var adopted: [UInt32: UInt64] = [:]

    /// What a read of a key that is not there, or of a mapping this build does not have, sees.
    static let absent: UInt64 = 1
    static let gone: UInt64 = 2

    init(registry: OriginRegistry) {
        self.registry = registry
    }

    /// `value` with its mapping tagged as `name` (and kept, until the table is sealed); any other value as it is.
    func tag(_ value: Value, _ name: String) -> Value {
        guard case .dictionary(var mapping) = value else { return value }
        let origin = registry.origin(name)
        mapping.setOrigin(origin)
        lock.withLock { if !sealed { mappings[origin] = mapping } }
        return .dictionary(mapping)
    }

    /// Ends tagging: the table is read-only from here on. Fingerprints every kept mapping whole (`prints`), but
    /// for those adopted with their fingerprints (`adopt`).
    func seal() {
        let kept = lock.withLock { () -> [(UInt32, OrderedDictionary)] in
            sealed = true
            return mappings.compactMap { adopted[$0.key] == nil ? ($0.key, $0.value) : nil }
        }
        let computed = kept.concurrentMap { ($0.0, $0.1.contentFingerprint()) }
        lock.withLock {
            prints = adopted.merging(computed, uniquingKeysWith: { _, new in new })
            wholeFingerprints = prints
        }
    }

    /// Takes every mapping `other` (a sealed table of the last build) kept that this table has not tagged yet,
    /// with its whole fingerprint: for page values reused as they were (`ContentMemo`), whose mappings are
    /// those very ones.
    ///
    /// This table then holds a few mappings of its own (`data`, the UI strings) and the other thousands (every
    /// card, ref and list): so, when the other is sealed (its `prints` has exactly its mappings' tags) and
    /// nothing was adopted yet, this starts from the other's tables, copied whole (no key hashed), and puts its
    /// own mappings back on top, instead of inserting the thousands one by one. The same result either way.
    func adopt(_ other: OriginTable) {
        let (theirs, theirPrints, theirsSealed) = other.lock.withLock { (other.mappings, other.prints, other.sealed) }
        lock.withLock {
            guard !sealed else { return }
            guard theirsSealed, adopted.isEmpty else {
                for (origin, mapping) in theirs where mappings[origin] == nil {
                    mappings[origin] = mapping
                    if let print = theirPrints[origin] { adopted[origin] = print }
                }
                return
            }
            var merged = theirs
            var prints = theirPrints
            for (origin, mapping) in mappings {
                merged[origin] = mapping
                prints[origin] = nil
            }
            mappings = merged
            adopted = prints
        }
    }

    /// Puts `changed`'s mappings in place of those tagged the same (after `adopt`, for page values made from the
    /// last build's with a few mappings made again, `PageValues.retitled`): their whole fingerprints are made by
    /// `seal()`, not taken from the last build.
    func replace(_ changed: [UInt32: OrderedDictionary]) {
        lock.withLock {
            guard !sealed else { return }
            for (origin, mapping) in changed {
                mappings[origin] = mapping
                adopted[origin] = nil
            }
        }
    }

    /// Whether the table keeps the mapping tagged `origin` (a page's own value, tagged while rendering, it does
    /// not): reads of it can be checked in a later build (`FragmentMemo`). Read after `seal()`, without a lock.
    func keeps(_ origin: UInt32) -> Bool {
        mappings[origin] != nil
    }

    /// What reading `key` (nil: the whole mapping) of the mapping tagged `origin` gives in this build; `page`
    /// is the rendering page's own value. Called with no recorder installed, so it records nothing itself.
    func fingerprint(_ read: ReadKey, page: OrderedDictionary?) -> UInt64 {
        let found: OrderedDictionary?
        if let page, page.origin == read.origin { found = page } else { found = mappings[read.origin] }
        guard let mapping = found else { return Self.gone }
        guard let key = read.key else {
            if mapping.origin == page?.origin { return mapping.contentFingerprint() }
            if let known = lock.withLock({ wholeFingerprints[read.origin] }) { return known }
            let whole = mapping.contentFingerprint()
            lock.withLock { wholeFingerprints[read.origin] = whole }
            return whole
        }
        guard let value = mapping[key] else { return Self.absent }
        switch value {
        case .array, .dictionary:
            // A list of 10,000 cards read by every page (`collections.timeline.pages`): fingerprinted once a
            // build, not once a page. A page's own value is only its own.
            if mapping.origin == page?.origin { return value.fingerprint }
            if let known = lock.withLock({ valueFingerprints[read] }) { return known }
            let computed = value.fingerprint
            lock.withLock { valueFingerprints[read] = computed }
            return computed
        default:
            return value.fingerprint
        }
    }
}
