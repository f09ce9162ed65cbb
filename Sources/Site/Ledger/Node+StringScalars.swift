import Content

extension Node {
    /// Every string scalar under this front-matter value, with where it was written (the ledger looks for
    /// quotations in each).
    var stringScalars: [(text: String, line: Int, column: Int)] {
        switch value {
        case .string(let text): return [(text, line, column)]
        case .list(let items): return items.flatMap(\.stringScalars)
        case .mapping(let pairs): return pairs.flatMap { $0.value.stringScalars }
        default: return []
        }
    }
}
