import Foundation

extension LinkChecker {
    /// The checker for `files` when they have the very same names as `last`'s (an incremental build that added
    /// and removed nothing): `last`'s sorted pages, their order and both lookup tables serve as they are, and only
    /// a page whose bytes are not the same as `last`'s is scanned again. Nil when any name differs, or when a
    /// name is not ASCII (then two equal names might be spelled in different bytes): make the checker anew.
    ///
    /// Making the pages' list, its order and the tables is hashing and sorting every output name (30,000 on the
    /// 10,000-event corpus), most of a rebuild's link check when one page changed; so was copying every
    /// unchanged page's scan into a new list.
    init?(files: [String: Data], basePath: String, sameNamesAs last: LinkChecker) {
        guard let lastTable = last.table, files.count == last.files.count else { return nil }
        // One pass: each name found in the last table (as many names, each found: the same names), and a page's
        // bytes put at its index there, without hashing its name again.
        var found = [Data](repeating: Data(), count: last.pages.count)
        for (name, data) in files {
            guard let target = Self.target(name, in: lastTable) ?? last.targets[name] else { return nil }
            if target >= 0 { found[target] = data }
        }
        let pageData = found
        self.files = files
        self.basePath = basePath
        pages = last.pages
        order = last.order
        targets = last.targets
        table = last.table
        self.pageData = pageData
        // Only the pages whose bytes changed are scanned again (largest first, as `inOrder` hands them out); the
        // others keep the last scans, taken as one array, not copied one by one.
        let lastData = last.pageData
        let changed = last.order.filter { !lastData[$0].sameBytes(as: pageData[$0]) }
        scans = last.scans.replacing(changed, with: changed.concurrentMap { HTMLAttributeScanner.scan(pageData[$0]) })
        changedSinceLast = changed.sorted()
    }

    /// What `last`'s table (every name ASCII) holds for `name`, looked up by its bytes without hashing a `String`:
    /// its page's index, or -1 for a file that is not a page. Found by its bytes, it is the same `String`; not
    /// found, it is no ASCII name there (a name that is not ASCII may still equal one as a `String`, so the caller
    /// makes the checker anew): `.some(nil)`. Nil when the name's bytes are not at hand (not a native string):
    /// ask `targets`.
    private static func target(_ name: String, in table: LinkTargetTable) -> Int?? {
        name.utf8.withContiguousStorageIfAvailable { table.value(for: $0) }
    }
}
