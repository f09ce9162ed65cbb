import Content
import Foundation
import Markdown
import SiteInputs
import Templates

/// What every page's render shares and what needs nothing of the content but `site.yml`'s settings: the data
/// files, the UI strings and the templates (steps 1c, 1d and 2). The build loads them on a thread of their own
/// from the moment `site.yml` is read (`ContentLoader.loadEditions(configLoaded:)`, `ConfigHandoff`), while
/// the pages are read, parsed and assembled on the other core, which is otherwise idle for part of that time.
/// Their errors are reported after the content's and the claims ledger's, as when they loaded after both.
struct SharedInputs: @unchecked Sendable {
    // Unchecked: made on one thread and handed once to the build's, which waits for it (`Concurrently`).
    var data: Value
    var strings: UIStrings
    var templates: TemplateSet
    /// The languages the UI strings were loaded for: `site.yml`'s, which are the editions'.
    var languages: [String]
}

extension SiteBuilder {
    /// The languages of the editions `config` gives (`ContentLoader.loadEditions`): its language, then each
    /// translation's.
    static func editionLanguages(_ config: SiteConfig) -> [String] {
        [config.language] + (config.languageSettings?.translationLanguages ?? [])
    }

    /// Steps 1c, 1d and 2 for `config`, in that order, the first error stopping them.
    static func loadShared(config: SiteConfig, root: URL, options: BuildOptions, memos: BuildMemos) throws(BuildFailure) -> SharedInputs {
        let log = options.readLog
        let languages = editionLanguages(config)
        let markdownOptions = MarkdownOptions(allowRawHTML: allowsRawHTML(config))
        // 1c. Data files under data/, for every template as `data`.
        let loaded = try DataFiles.load(root: root, log: log, memo: memos.parsed)
        let data = memos.pages?.table.tag(loaded, "data") ?? loaded
        // 1d. The templates' own words in every language, `i18n/<lang>.yml`, for the `t` filter.
        let loadedStrings = try UIStringsLoader.load(root: root, languages: languages, log: log, memo: memos.parsed)
        let strings = memos.pages?.table.tag(loadedStrings) ?? loadedStrings
        // 2. Load and validate every template, with the site's own filters.
        let filters = SiteFilters.all(baseURL: config.baseURL, markdownOptions: markdownOptions, root: root, log: log, strings: strings)
        let templates = try TemplateSet.load(root: root, log: log, filters: filters, baseURL: config.baseURL,
                                             markdownOptions: markdownOptions, strings: strings, cache: options.cache)
        return SharedInputs(data: data, strings: strings, templates: templates, languages: languages)
    }
}

/// `site.yml`'s settings, handed once from the content load to the thread that loads the shared inputs, which
/// waits for them: nil when `site.yml` has errors or the load ended before reading it (then nothing is loaded).
final class ConfigHandoff: @unchecked Sendable {
    private let lock = NSLock()
    private let ready = DispatchSemaphore(value: 0)
    private var handed = false
    private var config: SiteConfig?

    /// The first call counts; later ones do nothing (the build hands nil on every way out, in case).
    func hand(_ config: SiteConfig?) {
        lock.lock()
        defer { lock.unlock() }
        guard !handed else { return }
        handed = true
        self.config = config
        ready.signal()
    }

    /// Waits for `hand`; called once.
    func wait() -> SiteConfig? {
        ready.wait()
        lock.lock()
        defer { lock.unlock() }
        return config
    }
}
