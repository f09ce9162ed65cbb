import Foundation

/// What a build is asked to do.
public struct BuildOptions: Sendable {
    /// The site's root folder: holds `content/`, `templates/`, optional `static/` and `site.yml`.
    public var root: URL
    /// Whether pages marked `draft: true` are built.
    public var includeDrafts: Bool

    public init(root: URL, includeDrafts: Bool = false) {
        self.root = root
        self.includeDrafts = includeDrafts
    }
}
