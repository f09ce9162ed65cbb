import Foundation

public extension Data {
    /// Whether `self` and `other` hold the same bytes, deciding at once when they are the very same buffer.
    ///
    /// An incremental build hands on the last build's bytes for every page it did not render again (`PageMemo`),
    /// so comparing a build's files with the last one's is mostly comparing a buffer with itself: `==` would
    /// still read both through (`memcmp` does not look at its pointers), every page on every rebuild. Public for
    /// the preview's swap, which compares each build's files with those it serves (`SnapshotDiff`).
    func sameBytes(as other: Data) -> Bool {
        guard count == other.count else { return false }
        return withUnsafeBytes { mine in
            other.withUnsafeBytes { theirs in
                guard let p = mine.baseAddress, let q = theirs.baseAddress else { return true }
                return p == q || memcmp(p, q, mine.count) == 0
            }
        }
    }
}
