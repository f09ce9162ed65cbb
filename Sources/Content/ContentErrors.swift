/// Every error of one load, so that a user fixes them all in one round instead of one per build.
///
/// The list is sorted by file, line and column, so the output does not depend on
/// the order in which files were parsed in parallel.
public struct ContentErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [ContentError]

    public init(_ errors: [ContentError]) {
        self.errors = errors.sorted(by: ContentErrors.precedes)
    }

    /// One error per line, in order.
    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }

    private static func precedes(_ a: ContentError, _ b: ContentError) -> Bool {
        let lhs = (a.file ?? "", a.line ?? 0, a.column ?? 0)
        let rhs = (b.file ?? "", b.line ?? 0, b.column ?? 0)
        if lhs != rhs { return lhs < rhs }
        return a.message < b.message
    }
}
