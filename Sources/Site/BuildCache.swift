import Foundation

/// What one build can hand to the next in a long-running process (the preview server).
///
/// Only work whose result is a pure function of bytes the next build reads again is kept: the parsed
/// templates, reused when every template file and the settings their filters depend on are
/// byte-for-byte the same. Nothing downstream is cached, so a rebuild renders every page and can
/// never serve a stale one; the cache only saves parsing unchanged templates on each save.
///
/// `@unchecked Sendable`: the one stored entry is read and replaced under `lock` (`Synchronization.Mutex`
/// needs macOS 15; the package supports macOS 13).
public final class BuildCache: @unchecked Sendable {
    private let lock = NSLock()
    private var templates: (key: TemplateSet.Key, set: TemplateSet)?
    private var parsed = 0

    public init() {}

    /// How many times a template set was parsed and stored (a cache miss), for tests and `--verbose`.
    public var parsedTemplateSets: Int {
        lock.lock()
        defer { lock.unlock() }
        return parsed
    }

    func templateSet(for key: TemplateSet.Key) -> TemplateSet? {
        lock.lock()
        defer { lock.unlock() }
        return templates?.key == key ? templates?.set : nil
    }

    func store(_ set: TemplateSet, for key: TemplateSet.Key) {
        lock.lock()
        defer { lock.unlock() }
        templates = (key, set)
        parsed += 1
    }
}
