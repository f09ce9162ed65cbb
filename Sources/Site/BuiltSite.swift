import Foundation
import Templates

/// A whole site rendered in memory. Nothing is on disk until `OutputSync` writes it,
/// which is what makes a build all-or-nothing and lets the preview server serve from memory.
public struct BuiltSite: Sendable {
    /// Output-relative paths (`timeline/openai-founded/index.html`) to their bytes.
    public var files: [String: Data]
    /// How many pages were rendered from content (not counting feeds, sitemap or copied files).
    public var pageCount: Int
    /// Where the site sits on its host (`SiteConfig.basePath`): the preview serves the site there too, so that
    /// it can be looked at where it will be published (and a page with a `<base>` of that path works there).
    public var basePath = "/"
    /// How long each named step of the build took, in order (printed by `--verbose`).
    public var timings: [StepTiming] = []
    /// Where the render step's time went, the most first, when the build was asked to measure it
    /// (`BuildOptions.measuresTemplates`); else empty.
    public var templateMetrics: [TemplateMetrics.Entry] = []
    /// Problems that did not stop the build (pages without a translation, outdated translations), in file order.
    public var warnings: [Diagnostic] = []
    /// Resized image copies made by libvips in this build, and those read back from the image cache.
    public var imagesResized = 0
    public var imagesReused = 0
    /// What a `BuildSession` reused to make this build; nil for a build made without one.
    public var incremental: IncrementalSummary?

    public init(files: [String: Data], pageCount: Int) {
        self.files = files
        self.pageCount = pageCount
    }
}
