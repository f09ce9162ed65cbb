/// The folders above a path of the output, outermost first: `a/b/c.html` gives `a`, then `a/b`. Each is a slice
/// of the path (nothing copied), split on "/" as `Character`s, as the output sync always has.
struct ParentFolders: Sequence, IteratorProtocol {
    private let path: String
    private var end: String.Index

    init(of path: String) {
        self.path = path
        end = path.startIndex
    }

    mutating func next() -> Substring? {
        guard let slash = path[end...].firstIndex(of: "/") else { return nil }
        end = path.index(after: slash)
        return path[..<slash]
    }
}
