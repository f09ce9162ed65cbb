/// The languages of a site (`languages:`, `default_language:` and `translations:` in `site.yml`).
///
/// A site without `languages:` has one language (`language:`, "en" by default) and no translations.
public struct LanguageSettings: Sendable {
    /// One language of the site, in `site.yml` order.
    public struct Language: Sendable {
        /// The code written in file names and URLs: "en", "zh".
        public var code: String
        /// `title:` — the language's name in itself ("English", "中文"), for language switchers.
        public var title: String
        /// `site:` — settings of `site.yml` that this language's pages see otherwise (`site.title`,
        /// `site.description`, any custom key), in the order written.
        public var site: [(key: String, value: Node)] = []
    }

    /// The `site:` settings of `language`, empty for a language without them.
    public func siteSettings(of language: String) -> [(key: String, value: Node)] {
        languages.first { $0.code == language }?.site ?? []
    }

    /// What the build does about a page of the default language with no translation (`translations: {missing: …}`).
    public enum MissingPolicy: String, Sendable, Equatable {
        case warning, error, ignore
    }

    /// Every language, the default first.
    public var languages: [Language]
    /// `translations: {missing: warning|error|ignore}`; `warning` by default.
    public var missing: MissingPolicy = .warning
    /// Front-matter keys a translation inherits from its original and may not contradict
    /// (`translations: {shared: [...]}`). Keys named after a collection or a taxonomy (relations, terms) are
    /// always shared, whatever this list says.
    public var sharedKeys: [String] = LanguageSettings.defaultSharedKeys

    /// Dates, the keys that order and place a page, and the sources it cites.
    public static let defaultSharedKeys = ["date", "start", "end", "sources", "weight"]

    /// The default language's code.
    public var defaultLanguage: String { languages[0].code }

    /// The codes of the other languages, in `site.yml` order.
    public var translationLanguages: [String] { languages.dropFirst().map(\.code) }

    /// Whether `code` is one of the site's languages other than the default.
    public func isTranslationLanguage(_ code: String) -> Bool {
        languages.dropFirst().contains { $0.code == code }
    }
}
