import Templates

extension PageMemo {
    /// What each of `reads` gives in this build, for the entry of a page just rendered (`store`), in tag order.
    ///
    /// A page rendered again after an edit reads mostly what it read last time (the timeline's list: ten thousand
    /// cards, a few keys each), and a mapping whose whole fingerprint is the last build's gives every key what it
    /// gave then. `last` is the entry the last build kept under the page's path, whose fingerprints are that
    /// build's values (it made or checked the entry, `reuse`): a read it has of such a mapping is taken from it, and
    /// only the others (reads of the page's own value, which no table keeps, of mappings that changed or are in one
    /// build only, or new reads) are looked up in the table and fingerprinted.
    func fingerprints(of reads: Set<ReadKey>, page: OrderedDictionary?, last: Entry?) -> [(ReadKey, UInt64)] {
        let sorted = reads.sorted { $0.origin < $1.origin }
        guard let last else { return sorted.map { ($0, table.fingerprint($0, page: page)) } }
        let changed = changedOrigins()
        let own = page?.origin ?? 0
        var result: [(ReadKey, UInt64)] = []
        result.reserveCapacity(sorted.count)
        var group = 0
        for read in sorted {
            result.append((read, known(read, in: last, from: &group, unless: changed, own: own) ?? table.fingerprint(read, page: page)))
        }
        return result
    }

    /// Reads of one mapping scanned for a key, at most: a larger group (the UI strings, read key by key) is left
    /// to the table.
    static let knownReadsScanned = 32

    /// The fingerprint `last` has for `read`, when its mapping is not the page's own (`own`) and is not one of
    /// `changed`; `group` is where the search of `last.origins` starts, moved on in tag order.
    private func known(_ read: ReadKey, in last: borrowing Entry, from group: inout Int, unless changed: Set<UInt32>, own: UInt32) -> UInt64? {
        guard read.origin != own, !changed.contains(read.origin) else { return nil }
        while group < last.origins.count, last.origins[group].origin < read.origin { group += 1 }
        guard group < last.origins.count, last.origins[group].origin == read.origin else { return nil }
        let start = group == 0 ? 0 : last.origins[group - 1].end
        guard last.origins[group].end - start <= Self.knownReadsScanned else { return nil }
        for position in start..<last.origins[group].end where last.reads[position].0 == read { return last.reads[position].1 }
        return nil
    }
}
