import Foundation

/// Hands out the tags (`OrderedDictionary.origin`) of the mappings templates read, one per stable name
/// (`card:en|content/timeline/x.md`, `collection:en|timeline`, `site:en`, `data`), the same number for the same
/// name in every build of a session, so a read recorded in one build names the same mapping in the next.
///
/// `@unchecked Sendable`: the table is behind `lock` (tags are asked for from every rendering thread).
final class OriginRegistry: @unchecked Sendable {
    private let lock = NSLock()
    private var numbers: [String: UInt32] = [:]

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
