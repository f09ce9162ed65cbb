import Foundation
import Templates

/// One build's tagged mappings, by tag: what a page's recorded reads are compared against (`PageMemo`).
///
/// `tag` gives a value's mapping its stable tag and keeps it here; `fingerprint` says what a read of it sees now.
/// `@unchecked Sendable`: the tables are behind `lock` (values are tagged from every thread of a step).
final class OriginTable: @unchecked Sendable {
    let registry: OriginRegistry
    private let lock = NSLock()
    private var mappings: [UInt32: OrderedDictionary] = [:]
    private var wholeFingerprints: [UInt32: UInt64] = [:]

    /// What a read of a key that is not there, or of a mapping this build does not have, sees.
    static let absent: UInt64 = 1
    static let gone: UInt64 = 2

    init(registry: OriginRegistry) {
        self.registry = registry
    }

    /// `value` with its mapping tagged as `name` and kept; any other value as it is.
    func tag(_ value: Value, _ name: String) -> Value {
        guard case .dictionary(var mapping) = value else { return value }
        let origin = registry.origin(name)
        mapping.setOrigin(origin)
        lock.withLock { mappings[origin] = mapping }
        return .dictionary(mapping)
    }

    /// What reading `key` (nil: the whole mapping) of the mapping tagged `origin` gives in this build. Called
    /// with no recorder installed, so it records nothing itself.
    func fingerprint(_ read: ReadKey) -> UInt64 {
        guard let mapping = lock.withLock({ mappings[read.origin] }) else { return Self.gone }
        guard let key = read.key else {
            if let known = lock.withLock({ wholeFingerprints[read.origin] }) { return known }
            let whole = mapping.contentFingerprint()
            lock.withLock { wholeFingerprints[read.origin] = whole }
            return whole
        }
        return mapping[key]?.fingerprint ?? Self.absent
    }
}
