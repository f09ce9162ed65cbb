/// Computing backlinks once for the whole set.
extension ContentSet {
    /// Inverts every top-level relation in one pass (linear in the number of relation items),
    /// then orders each page's incoming links by the source's collection and its place there.
    static func buildBacklinks(pages: [Page], collections: [ContentCollection])
        -> [[(collection: String, source: Int)]] {
        // Rank of every page: (collection position, position within it); top-level pages last.
        var rank = pages.indices.map { (group: collections.count, position: $0) }
        for (group, collection) in collections.enumerated() {
            for (position, index) in collection.pageIndices.enumerated() { rank[index] = (group, position) }
            if let list = collection.listPage { rank[list] = (group, collection.pageIndices.count + list) }
        }
        var incoming = Array(repeating: [Int](), count: pages.count)
        for source in pages.indices {
            var seen = Set<Int>()
            for relation in pages[source].relations {
                for target in relation.targets where seen.insert(target).inserted {
                    incoming[target].append(source)
                }
            }
        }
        // Each page's list is ordered on its own: in parallel.
        let ranks = rank
        return Parallel.map(incoming) { sources in
            sources.sorted { ranks[$0] < ranks[$1] }.map { (pages[$0].collection ?? "", $0) }
        }
    }
}
