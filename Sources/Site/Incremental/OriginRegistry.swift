import Foundation

/// Hands out the tags (`OrderedDictionary.origin`) of the mappings templates read, one per stable name
/// (`card:en|content/timeline/x.md`, `collection:en|timeline`, `site:en`, `data`), the same number for the same
/// name in every build of a session, so a read recorded in one build names the same mapping in the next.
///
/// `@unchecked Sendable`: the table is behind `lock` (tags are asked for from every rendering thread).
final class OriginRegistry: @unchecked Sendable {
    private let lock = NSLock()
    private var numbers: [String: UInt32] = [:]

    /// Every name, in the order of its tag (tag 1 first), for the CLI's cache.
    var names: [String] {
        lock.withLock { numbers.sorted { $0.value < $1.value }.map(\.key) }
    }

    /// Takes the tags of a cache's session: `names[0]` is tag 1. Only into a registry that has handed out none.
    func restore(_ names: [String]) {
        lock.withLock {
            guard numbers.isEmpty else { return }
            for (position, name) in names.enumerated() { numbers[name] = UInt32(position + 1) }
        }
    }

    /// The tag of `name`, made on first use (never 0, which means "untagged").
    func origin(_ name: String) -> UInt32 {
        lock.withLock {
            if let known = numbers[name] { return known }
            let next = UInt32(numbers.count + 1)
            numbers[name] = next
            return next
        }
    }
}
