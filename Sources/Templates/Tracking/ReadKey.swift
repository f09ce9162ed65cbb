/// One thing a render read from a tagged mapping: the value at `key`, or (`key` nil) the whole mapping —
/// its keys, their order or all of its values, as iterating, `length`, `tojson` or `==` do.
///
/// `origin` is the mapping's tag (`OrderedDictionary.origin`), handed out by whoever built the value (a site
/// gives one to each page's card, each collection, `site`, each data file), never 0.
public struct ReadKey: Hashable, Sendable, CustomStringConvertible {
    public let origin: UInt32
    /// The key read, or nil for the whole mapping.
    public let key: String?

    public init(_ origin: UInt32, _ key: String?) {
        self.origin = origin
        self.key = key
    }

    /// `3.title`, or `3.*` for the whole mapping.
    public var description: String { "\(origin).\(key ?? "*")" }
}
