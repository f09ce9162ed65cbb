/// An old address of a page, from its `aliases:` list: the build leaves a redirect page there.
public struct Alias: Sendable, Equatable {
    /// The old site path, normalized like a permalink (`/old/path/`, `/old.html`).
    public var url: String
    /// Where it was written, for collisions found later.
    public var line: Int
    public var column: Int

    public init(url: String, line: Int, column: Int) {
        self.url = url
        self.line = line
        self.column = column
    }
}

/// A site-wide redirect from `site.yml`'s `redirects:` map (`/old/: /new/`).
public struct Redirect: Sendable, Equatable {
    /// The old site path, normalized like a permalink.
    public var from: String
    /// A site path (`/timeline/x/`, checked like any link) or an address with a scheme (`https://…`).
    public var to: String
    /// Where the entry was written in `site.yml`.
    public var line: Int
    public var column: Int

    public init(from: String, to: String, line: Int, column: Int) {
        self.from = from
        self.to = to
        self.line = line
        self.column = column
    }
}
