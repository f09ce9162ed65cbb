import Foundation

/// Which body shards (`SessionCache+Shards`) `SessionCache.save` can leave as they are on disk, without encoding
/// and hashing them again: a shard whose every entry is one the restored build gave back, unchanged.
///
/// Entry identity is known where the memos fill, not by comparing entries: an entry the build took from the
/// last build (`MarkdownMemo.keep`, `PageMemo.reuse…`) is that build's entry, and every other one is *stored*
/// (`Stored`). A link page is stored unless the restored check had the same bytes for it (its scan is a function
/// of them, `LinkMemo`). A shard then holds exactly what it held when restored when none of its keys was stored
/// and it holds as many entries as were decoded from it (the unstored keys are a subset of the decoded ones, so
/// equal counts mean equal keys). Anything not known this way (a build that did not start from the restored
/// one, a cache read in another format) encodes every shard.
enum ShardReuse {
    /// The keys whose entries a build stored anew since the restored build, by table.
    struct Stored: Sendable {
        var markdown: Set<String> = []
        var pages: Set<String> = []
        var links: Set<String> = []

        /// The shards holding a stored key.
        var shards: Set<Int> {
            var found = Set<Int>()
            for key in markdown { found.insert(SessionCache.shard(of: key)) }
            for key in pages { found.insert(SessionCache.shard(of: key)) }
            for key in links { found.insert(SessionCache.shard(of: key)) }
            return found
        }
    }

    /// The link pages of `filled` that `previous` did not have with the same bytes.
    static func storedLinks(_ filled: [String: LinkMemo.Page], previous: [String: LinkMemo.Page]) -> Set<String> {
        var stored = Set<String>()
        for (path, page) in filled {
            guard let last = previous[path], last.data.sameBytes(as: page.data) else {
                stored.insert(path)
                continue
            }
        }
        return stored
    }

    /// For each shard, whether it is the restored one unchanged: `stored` is nil when not known, `decoded` the
    /// number of entries each shard held when restored (`SessionCache.DecodedBody.shardSizes`), `sizes` the number
    /// it holds now.
    static func unchanged(stored: Stored?, decoded: [Int], sizes: [Int]) -> [Bool] {
        guard let stored, decoded.count == sizes.count else { return Array(repeating: false, count: sizes.count) }
        let touched = stored.shards
        return sizes.indices.map { index in !touched.contains(index) && decoded[index] == sizes[index] }
    }
}
