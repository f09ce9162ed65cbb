/// Each page's scan (`HTMLAttributeScanner.Result`), by the page's index in `LinkChecker.pages`: a list, with the
/// scans made since it was made laid over it.
///
/// A check made from the last one (`LinkChecker+Reuse`) scans again only the pages whose bytes changed. Put into
/// a copy of the last list, one changed page copied ten thousand scans (each a handful of arrays, retained, and
/// freed again after the next build): laid over, the list is shared; the scans are folded in once they are many.
struct LinkScans: Sendable {
    private var base: [HTMLAttributeScanner.Result]
    private var changed: [Int: HTMLAttributeScanner.Result] = [:]

    init(_ scans: [HTMLAttributeScanner.Result]) {
        base = scans
    }

    var count: Int { base.count }

    subscript(index: Int) -> HTMLAttributeScanner.Result {
        if changed.isEmpty { return base[index] }
        return changed[index] ?? base[index]
    }

    /// The list with the scans of the pages at `indices` replaced by `scans`.
    func replacing(_ indices: [Int], with scans: [HTMLAttributeScanner.Result]) -> LinkScans {
        var list = self
        for (index, scan) in zip(indices, scans) { list.changed[index] = scan }
        if list.changed.count > 64 {
            for (index, scan) in list.changed { list.base[index] = scan }
            list.changed = [:]
        }
        return list
    }
}
