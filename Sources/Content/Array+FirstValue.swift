/// Looking up a key in front matter (`Page.frontMatter`, a mapping `Node`): ordered pairs, not a dictionary.
extension Array where Element == (key: String, value: Node) {
    /// The value of the first pair with `key`, or nil.
    ///
    /// Keys are compared where they lie: a `for` loop, `first(where:)` or even an indexed read copies
    /// each pair it looks at, key and value (retains and releases), which showed up when sorting and
    /// checking 10,000 pages.
    public func firstValue(forKey key: String) -> Node? {
        withUnsafeBufferPointer { pairs in
            guard let base = pairs.baseAddress else { return nil }
            for index in 0..<pairs.count {
                if let stored = (base + index).pointer(to: \.key), stored.pointee == key { return pairs[index].value }
            }
            return nil
        }
    }
}
