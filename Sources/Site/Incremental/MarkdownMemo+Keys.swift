import Content
import Markdown
import SiteInputs

extension MarkdownMemo {
    /// One fingerprint of the tables every page's links and images are resolved against, in every language:
    /// pages' sources and URLs, assets, drafts, the `static/` listing, base path and prefix, the fallbacks of
    /// translations and each language's options. A change to any of them invalidates every page's entry.
    static func environment(editions: [ContentSet], urls: [[String]], staticFiles: [SiteInputs.File],
                            options: [MarkdownOptions], fallbackURLs: [String: String]) -> UInt64 {
        var hasher = MemoKeyHasher()
        for each in options {
            hasher.combine(each.allowRawHTML ? 1 : 0)
            hasher.combine(each.headingAnchorLabel)
        }
        hasher.combine(editions.count)
        for position in editions.indices {
            let content = editions[position]
            hasher.combine(content.language)
            hasher.combine(content.urlPrefix)
            hasher.combine(content.config.basePath)
            hasher.combine(content.pages.count)
            for index in content.pages.indices {
                hasher.combine(content.pages[index].source)
                hasher.combine(content.pages[index].originalSource)
                hasher.combine(urls[position][index])
            }
            hasher.combine(content.assets.count)
            for asset in content.assets {
                hasher.combine(asset.source)
                hasher.combine(asset.output)
            }
            let drafts = content.draftSources.sorted()
            hasher.combine(drafts.count)
            for draft in drafts { hasher.combine(draft) }
            for collection in content.config.collections where collection.feed { hasher.combine(collection.name) }
        }
        hasher.combine(staticFiles.count)
        for file in staticFiles { hasher.combine(file.path) }
        let fallbacks = fallbackURLs.sorted { $0.key < $1.key }
        hasher.combine(fallbacks.count)
        for (source, url) in fallbacks {
            hasher.combine(source)
            hasher.combine(url)
        }
        return hasher.value
    }

    /// A page's key: the environment, and what of the page itself its rendering reads.
    static func key(environment: UInt64, source: String, bodyStartLine: Int, url: String, body: String) -> UInt64 {
        var hasher = MemoKeyHasher()
        hasher.combine(environment)
        hasher.combine(source)
        hasher.combine(bodyStartLine)
        hasher.combine(url)
        hasher.combine(body)
        return hasher.value
    }
}
