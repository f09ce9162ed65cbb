import Content
import Foundation

extension MarkdownStage {
    /// What one language's links and images are resolved against: pages by source, copied content files,
    /// each page's folder, every site path (`SiteFiles`), the fallbacks of a translation, drafts and the base path.
    ///
    /// A function of exactly what `MarkdownMemo.environment` fingerprints (every page's source and URL, assets,
    /// drafts, the `static/` listing, base path and prefix, fallbacks, feeds), never of a body: so a session keeps
    /// the last build's tables when the environment is what it was (`MarkdownMemo.lastTables`) instead of making
    /// them again, ten thousand dictionary entries and folder paths on every body edit.
    struct Tables: Sendable {
        /// `content/people/sam-altman.md` → page index.
        let pageBySource: [String: Int]
        /// Other files under `content/` that are copied as they are: source path → site path.
        let assetBySource: [String: String]
        /// Each page's folder (`content/timeline`) as bytes with its number of segments, for resolving its
        /// ASCII links on bytes; nil for a page whose path is not ASCII.
        let folders: [Folder?]
        /// Every site path a link may name.
        let files: SiteFiles
        /// In a translation: the default language's pages by source (`TranslationTable.defaultURLs`), where a link
        /// to a page not translated into this language leads.
        let fallbackURLs: [String: String]
        /// Drafts left out of this build, for saying so when a link names one.
        let draftSources: Set<String>
        /// `content.config.basePath`, worked out once: it is a computed property (a Foundation search of the base
        /// URL), and every rewritten link asked for it (159 million instructions at 1,000 events).
        let basePath: String

        init(content: ContentSet, files: SiteFiles, fallbackURLs: [String: String] = [:]) {
            var bySource: [String: Int] = [:]
            bySource.reserveCapacity(content.pages.count)
            // Through a buffer: reading a field of an array element by subscript, or `enumerated()`, copied
            // every page, a dozen reference-counted fields each.
            folders = content.pages.withUnsafeBufferPointer { pages in
                for index in pages.indices { bySource[pages[index].source] = index }
                // A link to `x.md` written in a translation leads to the same language's `x.zh.md`.
                for index in pages.indices { if let original = pages[index].originalSource { bySource[original] = index } }
                return pages.indices.map { MarkdownStage.folder(of: pages[$0].source) }
            }
            pageBySource = bySource
            var assets: [String: String] = [:]
            for asset in content.assets { assets[asset.source] = "/" + asset.output }
            assetBySource = assets
            self.files = files
            self.fallbackURLs = fallbackURLs
            draftSources = content.draftSources
            basePath = content.config.basePath
        }
    }
}
