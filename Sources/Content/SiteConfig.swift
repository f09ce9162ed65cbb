/// Site-wide settings from the optional `site.yml` at the site root.
///
/// The typed fields are what the engine itself needs; `extra` keeps *every* key of the file
/// in source order (including the typed ones as written), so templates can read custom keys.
public struct SiteConfig: Sendable {
    public var title: String
    public var description: String
    public var language: String
    /// Always ends with `/` ("/" or "https://example.org/sub/").
    public var baseURL: String
    /// Collections configured in `site.yml`, in file order.
    public var collections: [CollectionConfig]
    /// All top-level keys of `site.yml`, in file order.
    public var extra: [(key: String, value: Node)]
    /// Taxonomies (`taxonomies:`), in file order.
    public var taxonomies: [TaxonomyConfig] = []
    /// Site-wide redirects (`redirects:`), in file order.
    public var redirects: [Redirect] = []
    /// `redirects_file: true`: also write a `_redirects` file (Netlify, Cloudflare Pages) listing every redirect.
    public var writesRedirectsFile = false

    public init(title: String = "Untitled site", description: String = "", language: String = "en",
                baseURL: String = "/", collections: [CollectionConfig] = [],
                extra: [(key: String, value: Node)] = []) {
        self.title = title
        self.description = description
        self.language = language
        self.baseURL = baseURL
        self.collections = collections
        self.extra = extra
    }

    /// The path part of `baseURL`, where the site sits on its host: `/sub/` for `https://example.org/sub/`,
    /// `/` for a site at the root of its host or with no `base_url`. Always starts and ends with `/`, and keeps
    /// the percent-encoding `base_url` was written with.
    ///
    /// Every link the site writes is relative, so nothing else needs it; but a 404 page is served at whatever
    /// address was missing, at any depth, and only a `<base href>` of this path makes its relative links work.
    public var basePath: String {
        var rest = Substring(baseURL)
        if let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
        } else if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
        } else {
            return Self.folderPath(rest)  // no authority ("/sub/", the default "/"): the whole value is the path
        }
        // The authority ends at the first "/", "?" or "#"; a URL with no path sits at the root.
        guard let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }), rest[end] == "/" else { return "/" }
        return Self.folderPath(rest[end...])
    }

    /// `path` up to its query or fragment, with a leading and a trailing `/`.
    private static func folderPath(_ path: Substring) -> String {
        var rest = path
        if let end = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
        var path = String(rest)
        if !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/") { path += "/" }
        return path
    }

    /// The configuration of `name`, or nil when `site.yml` does not mention it.
    public func collection(named name: String) -> CollectionConfig? {
        collections.first { $0.name == name }
    }
}
