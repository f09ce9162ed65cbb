import Foundation
import SiteInputs

/// What a build is asked to do.
public struct BuildOptions: Sendable {
    /// The site's root folder: holds `content/`, `templates/`, optional `static/` and `site.yml`.
    public var root: URL
    /// Whether pages marked `draft: true` are built.
    public var includeDrafts: Bool
    /// Parsed templates kept between builds of one process (see `BuildCache`); nil for a one-off build.
    public var cache: BuildCache?
    /// Whether `{% cache %}` blocks reuse their output across pages. Off, every body is rendered on every
    /// page: slower, and the way to check that a block's keys name everything its output depends on.
    public var reusesFragments: Bool
    /// Whether to measure each template, include, macro and cache tag as pages render (`BuiltSite.templateMetrics`).
    public var measuresTemplates: Bool
    /// Whether the build frees its large intermediate values (content, rendered Markdown, page values) when done
    /// with them, on a background thread. A process that exits after this one build turns it
    /// off and lets the system take the memory back at exit (see `BackgroundRelease`); a server must not.
    public var freesMemory: Bool
    /// Where resized images are kept between builds (`ImageCache`); nil for `.build-site-cache/images/` in the
    /// site's root. Never inside the output: nothing there is published.
    public var imageCache: URL?
    /// Where every source file the build reads (and every folder it lists) is recorded with a fingerprint:
    /// handed to each `SiteInputs` the build makes. The base for incremental rebuilds; nil records nothing.
    public var readLog: ReadLog?

    public init(root: URL, includeDrafts: Bool = false, cache: BuildCache? = nil, reusesFragments: Bool = true,
                measuresTemplates: Bool = false, freesMemory: Bool = true, imageCache: URL? = nil, readLog: ReadLog? = nil) {
        self.root = root
        self.includeDrafts = includeDrafts
        self.cache = cache
        self.reusesFragments = reusesFragments
        self.measuresTemplates = measuresTemplates
        self.freesMemory = freesMemory
        self.imageCache = imageCache
        self.readLog = readLog
    }

    /// The image cache's folder for a build of `root`.
    func imageCacheFolder(root: URL) -> URL {
        imageCache ?? root.appendingPathComponent(".build-site-cache/images", isDirectory: true)
    }
}
