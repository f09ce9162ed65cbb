import Content
import Templates

/// Every page's versions in the site's languages, for `page.translations`, `hreflang` alternates, the
/// sitemap and links from a translation to a page not yet translated.
///
/// Pages are versions of each other when they have the same `Page.translationKey` (the original's source).
/// Only versions that exist are listed, so a language switcher built from them never leads to a missing page.
struct TranslationTable: Sendable {
    /// One version of a page.
    struct Version: Sendable {
        var language: String
        /// The language's own name (`languages: {zh: {title: 中文}}`).
        var languageTitle: String
        var url: String
        var title: String
    }

    /// Translation key → its versions, in the order of `languages:` (the default first).
    private var versions: [String: [Version]] = [:]
    /// Whether the site has more than one language; a one-language site lists no translations.
    let isMultilingual: Bool
    /// Generated pages (taxonomy indexes, terms) by their URL without the language's prefix, for those pages'
    /// `translations`.
    private var generated: [String: [Version]] = [:]
    /// Each generated page's key in `generated`.
    private var generatedKeys: [String: String] = [:]

    init(editions: [ContentSet], urls: [[String]]) {
        let settings = editions.first?.config.languageSettings
        isMultilingual = settings != nil
        guard let settings else { return }
        for (position, edition) in editions.enumerated() {
            let languageTitle = settings.languages.first { $0.code == edition.language }?.title ?? edition.language
            for index in edition.pages.indices {
                let page = edition.pages[index]
                versions[page.translationKey, default: []].append(
                    Version(language: edition.language, languageTitle: languageTitle, url: urls[position][index], title: page.title))
            }
        }
    }

    /// Registers each language's generated pages (`RenderJob.isGenerated`): pages at the same URL but for the
    /// language's prefix (`/topics/money/`, `/zh/topics/money/`) are versions of each other. Their title is the
    /// language's name, as they have no title of their own before they are rendered.
    mutating func addGenerated(_ jobs: [[RenderJob]], editions: [ContentSet]) {
        guard isMultilingual, let settings = editions.first?.config.languageSettings else { return }
        for (position, edition) in editions.enumerated() {
            let languageTitle = settings.languages.first { $0.code == edition.language }?.title ?? edition.language
            for job in jobs[position] where job.isGenerated {
                let key = String(job.url.dropFirst(edition.urlPrefix.count))
                generated[key, default: []].append(Version(language: edition.language, languageTitle: languageTitle,
                                                           url: job.url, title: languageTitle))
                generatedKeys[job.url] = key
            }
        }
    }

    /// `page.translations` of the generated page at `url`.
    func generatedValue(at url: String) -> Value {
        guard isMultilingual, let key = generatedKeys[url] else { return .array([]) }
        return Self.value(generated[key] ?? [])
    }

    /// The versions of the page with `key`, the default language's first.
    func versions(of key: String) -> [Version] { versions[key] ?? [] }

    /// `page.translations`: `{lang, language, url, title}` for every version of the page, itself included;
    /// empty on a one-language site.
    func value(of key: String) -> Value {
        guard isMultilingual else { return .array([]) }
        return Self.value(versions(of: key))
    }

    private static func value(_ versions: [Version]) -> Value {
        .array(versions.map { version in
            .dictionary(OrderedDictionary([
                ("lang", .string(version.language)),
                ("language", .string(version.languageTitle)),
                ("url", .string(version.url)),
                ("title", .string(version.title)),
            ]))
        })
    }

    /// Source path of a default-language page → its URL, for links written in a translation to a page that has
    /// no translation in that language yet.
    func defaultURLs() -> [String: String] {
        var urls: [String: String] = [:]
        for (key, list) in versions { if let first = list.first, key.hasSuffix(".md") { urls[key] = first.url } }
        return urls
    }

    /// Site URL → the alternates of that page (every version, itself included) for the sitemap; only pages with
    /// more than one version.
    func alternates() -> [String: [(language: String, url: String)]] {
        var result: [String: [(language: String, url: String)]] = [:]
        for list in Array(versions.values) + Array(generated.values) where list.count > 1 {
            let pairs = list.map { (language: $0.language, url: $0.url) }
            for version in list { result[version.url] = pairs }
        }
        return result
    }
}
