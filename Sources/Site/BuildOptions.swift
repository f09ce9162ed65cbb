import Foundation

/// What a build is asked to do.
public struct BuildOptions: Sendable {
    /// The site's root folder: holds `content/`, `templates/`, optional `static/` and `site.yml`.
    public var root: URL
    /// Whether pages marked `draft: true` are built.
    public var includeDrafts: Bool
    /// Parsed templates kept between builds of one process (see `BuildCache`); nil for a one-off build.
    public var cache: BuildCache?
    /// The path the site is served from, for the links of the 404 page (the one page whose links are not
    /// relative); nil takes the path of `base_url`. `build-site serve` serves the site at `/` and passes "/".
    public var basePath: String?

    public init(root: URL, includeDrafts: Bool = false, cache: BuildCache? = nil, basePath: String? = nil) {
        self.root = root
        self.includeDrafts = includeDrafts
        self.cache = cache
        self.basePath = basePath
    }
}
