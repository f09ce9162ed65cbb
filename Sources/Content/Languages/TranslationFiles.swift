/// The Markdown files of a site, split by language: `x.md` is in the default language, `x.zh.md` its
/// translation into `zh` (one of the other codes of `languages:`), beside it in the same folder.
///
/// A translation is given the place of its original (`x.md`), so that it gets the same collection and slug;
/// the loader then puts its URL under `/<lang>/`. A name whose middle part is not one of the site's
/// languages (`x.v2.md`) is an ordinary page.
struct TranslationFiles {
    private(set) var originals: [ContentTree.SourceFile] = []
    /// Language code → its translations, each placed as its original.
    private(set) var translations: [String: [ContentTree.SourceFile]] = [:]
    private(set) var errors: [ContentError] = []

    init(_ files: [ContentTree.SourceFile], settings: LanguageSettings?) {
        guard let settings else {
            originals = files
            return
        }
        for var file in files {
            guard let name = file.components.last, let (stem, code) = Self.split(name) else {
                originals.append(file)
                continue
            }
            if settings.isTranslationLanguage(code) {
                file.components[file.components.count - 1] = stem + ".md"
                translations[code, default: []].append(file)
            } else if code == settings.defaultLanguage {
                errors.append(ContentError(.translation, file: file.path,
                                           message: "a page in the default language ('\(code)') has no language in its name",
                                           notes: ["rename it to \(stem).md"]))
            } else {
                originals.append(file)
            }
        }
    }

    /// "openai-founded.zh.md" → ("openai-founded", "zh"); nil without a middle part.
    static func split(_ name: String) -> (stem: String, code: String)? {
        guard name.lowercased().hasSuffix(".md") else { return nil }
        let base = name.dropLast(3)
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return nil }
        let code = String(base[base.index(after: dot)...])
        guard SiteConfig.isLanguageCode(code) else { return nil }
        return (String(base[..<dot]), code)
    }

    /// The source of a translation's original: "content/x.zh.md" → "content/x.md".
    static func originalSource(of source: String, language: String) -> String {
        String(source.dropLast(language.utf8.count + 4)) + ".md"
    }
}
