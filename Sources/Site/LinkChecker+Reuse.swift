import Foundation

extension LinkChecker {
    /// The checker for `files` when they have the very same names as `last`'s (an incremental build that added
    /// and removed nothing): `last`'s sorted pages, their order and both lookup tables serve as they are, and only
    /// a page whose bytes are not the same as `last`'s is scanned again. Nil when any name differs, or when a
    /// name is not ASCII (then two equal names might be spelled in different bytes): make the checker anew.
    ///
    /// Making the pages' list, its order and the tables is hashing and sorting every output name (30,000 on the
    /// 10,000-event corpus), most of a rebuild's link check when one page changed.
    init?(files: [String: Data], basePath: String, sameNamesAs last: LinkChecker) {
        guard last.table != nil, files.count == last.files.count, files.keys.allSatisfy({ last.targets[$0] != nil }) else { return nil }
        self.files = files
        self.basePath = basePath
        pages = last.pages
        order = last.order
        targets = last.targets
        table = last.table
        let pageData = last.pages.map { files[$0] ?? Data() }
        self.pageData = pageData
        let lastData = last.pageData
        let lastScans = last.scans
        scans = Self.inOrder(last.order) { index in
            lastData[index].sameBytes(as: pageData[index]) ? lastScans[index] : HTMLAttributeScanner.scan(pageData[index])
        }
    }
}
