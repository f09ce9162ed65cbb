/// Reading a `paginate:` setting, for collections and taxonomies alike.
extension Node {
    /// A page size: a whole number of at least 1. `0`, a negative or fractional number, or any other type is an
    /// error at the value (a size of 0 would make no page at all, or an endless run of empty ones).
    func expectPageSize(file: String, key: String, errors: inout [ContentError]) -> Int? {
        if case .int(let size) = value, size >= 1 { return size }
        let found: String
        switch value {
        case .int(let size): found = "\(size)"
        case .double(let size): found = "\(size)"
        default: found = value.typeName
        }
        errors.append(ContentError(.config, file: file, at: self,
                                   message: "'\(key)': expected a whole number of items per page, at least 1, found \(found)",
                                   notes: ["leave '\(key)' out to list every item on one page"]))
        return nil
    }
}
