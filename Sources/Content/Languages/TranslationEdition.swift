import DidYouMean

/// The pages of one language other than the default, made from its translations and their originals.
///
/// - A translation (`x.zh.md`) needs an original (`x.md`); one without is an error.
/// - Its URL is the original's under `/<lang>/` (its own `slug:` or `permalink:` under `/<lang>/` if it has one).
/// - Its front matter holds only what changes (title, summary, date_label, …): every key of the original it does
///   not write is inherited, except the original's own `aliases`, `revision`, `draft`, `slug` and `permalink`,
///   and `summary` (without one, a translation's summary is its own body's first paragraph, as for any page).
///   The shared keys (`LanguageSettings.sharedKeys`, and every relation and taxonomy key) may not be written
///   with another value: that is an error at the translation's line.
/// - Relations and links lead to the same language's pages; a relation to a page not (yet) translated is left
///   out of the translation's lists. Collections, backlinks and taxonomies hold this language's pages only.
/// - A page of the default language without a translation is reported in `missing` (a warning or an error,
///   as `translations: {missing:}` says), and a translation whose `translation_of_revision:` is not its
///   original's `revision:`, or that shows its original's `date_label:` words for want of its own, in `warnings`.
struct TranslationEdition {
    private(set) var content: ContentSet
    private(set) var errors: [ContentError] = []
    private(set) var warnings: [ContentError] = []
    private(set) var missing: [ContentError] = []

    init(language: String, translations: [Page], original: ContentSet, originalDraftSources: Set<String>,
         settings: LanguageSettings) {
        let config = original.config
        let shared = Set(settings.sharedKeys).union(original.collections.map(\.name)).union(config.taxonomies.map(\.name))
        var pages: [Page] = []
        var originalOf: [Int] = []
        var errors: [ContentError] = []
        var warnings: [ContentError] = []
        for var page in translations {
            let originalSource = TranslationFiles.originalSource(of: page.source, language: language)
            guard let originalIndex = original.page(atSource: originalSource) else {
                if !originalDraftSources.contains(originalSource) {
                    errors.append(Self.orphan(page, originalSource: originalSource, original: original))
                }
                continue
            }
            let source = original.pages[originalIndex]
            page.originalSource = originalSource
            let ownPlace = page["slug"] != nil || page["permalink"] != nil
            page.url = "/" + language + (ownPlace ? page.url : source.url)
            if !ownPlace { page.slug = source.slug }
            page.outputPath = PageRoute.outputPath(for: page.url)
            // Before inheriting, which copies the original's `date_label` in.
            if let warning = Self.untranslatedDateLabel(page, original: source) { warnings.append(warning) }
            errors += Self.inherit(&page, from: source, shared: shared, sharedList: settings.sharedKeys)
            if let warning = Self.outdated(page, original: source) { warnings.append(warning) }
            pages.append(page)
            originalOf.append(originalIndex)
        }
        var translationOf = [Int?](repeating: nil, count: original.pages.count)
        for (position, originalIndex) in originalOf.enumerated() { translationOf[originalIndex] = position }
        for position in pages.indices {
            pages[position].frontMatter = pages[position].frontMatter.map { (key: $0.key, value: $0.value.retargeted(translationOf)) }
            pages[position].relations = original.pages[originalOf[position]].relations.map { relation in
                (collection: relation.collection, targets: relation.targets.compactMap { translationOf[$0] })
            }
        }
        for index in original.pages.indices where translationOf[index] == nil {
            let page = original.pages[index]
            let expected = String(page.source.dropLast(3)) + ".\(language).md"
            missing.append(ContentError(.translation, file: page.source, line: 1, column: 1,
                                        message: "no '\(language)' translation of this page (\(expected))"))
        }
        for page in original.pages where page.url == "/\(language)/" || page.url.hasPrefix("/\(language)/") {
            errors.append(ContentError(.duplicateURL, file: page.source, line: 1, column: 1,
                                       message: "URL '\(page.url)' is inside '/\(language)/', where the '\(language)' pages live",
                                       notes: ["rename the page or its collection, or give it a permalink"]))
        }

        let names = original.collections.map(\.name)
        let collections = names.map { name in
            ContentLoader.makeCollection(name, config: config.collection(named: name) ?? CollectionConfig(name: name), pages: pages)
        }
        let index = ContentLoader.slugIndex(pages: pages, collections: Set(names)).index
        // Terms are shared keys, so their errors were reported on the originals.
        var taxonomies = TaxonomyIndex(config: config, pages: pages, collections: collections).taxonomies
        for position in taxonomies.indices { taxonomies[position].urlPrefix = "/" + language }
        var originalSources: [String: Int] = [:]
        for position in pages.indices { originalSources[pages[position].translationKey] = position }
        var content = ContentSet(config: config, pages: pages, collections: collections, assets: [], slugIndex: index,
                                 taxonomies: taxonomies, language: language, otherSources: originalSources)
        content.urlPrefix = "/" + language
        self.content = content
        self.errors = errors
        self.warnings = warnings
    }

    /// The original's keys a translation does not take over: they belong to the original's file and address.
    /// A translation without `summary:` is summed up by its own body's first paragraph, in its own language.
    static let notInherited: Set<String> = ["aliases", "revision", "draft", "slug", "permalink", "summary"]

    /// Copies the original's keys the translation does not write into it; a shared key written differently is an
    /// error.
    private static func inherit(_ page: inout Page, from original: Page, shared: Set<String>, sharedList: [String]) -> [ContentError] {
        var errors: [ContentError] = []
        let note = "shared keys are written once, in the original; translations inherit them (site.yml: translations: {shared: "
            + "[\(sharedList.joined(separator: ", "))]}, and every relation and taxonomy key)"
        if page["title"] == nil { page.title = original.title }
        if page["date_label"] == nil { page.dateLabel = original.dateLabel }
        if page["template"] == nil { page.template = original.template }
        for (key, node) in original.frontMatter where !shared.contains(key) && !notInherited.contains(key) {
            if page.frontMatter.firstIndex(where: { $0.key == key }) == nil { page.frontMatter.append((key, node)) }
        }
        for (key, node) in original.frontMatter where shared.contains(key) {
            if let position = page.frontMatter.firstIndex(where: { $0.key == key }) {
                let own = page.frontMatter[position].value
                if !own.sameValue(as: node) {
                    errors.append(ContentError(.translation, file: page.source, line: own.keyLine ?? own.line,
                                               column: own.keyColumn ?? own.column,
                                               message: "'\(key)' differs from the original's (\(original.source):\(node.keyLine ?? node.line)); remove it here",
                                               notes: [note]))
                }
                page.frontMatter[position].value = node
            } else {
                page.frontMatter.append((key, node))
            }
        }
        for (key, own) in page.frontMatter where shared.contains(key) && original[key] == nil {
            errors.append(ContentError(.translation, file: page.source, line: own.keyLine ?? own.line, column: own.keyColumn ?? own.column,
                                       message: "'\(key)' is shared between languages, but the original (\(original.source)) has none; write it there",
                                       notes: [note]))
        }
        page.date = original.date
        return errors
    }

    /// A warning when the original has a `revision:` the translation's `translation_of_revision:` does not match.
    private static func outdated(_ page: Page, original: Page) -> ContentError? {
        guard let revision = original["revision"] else { return nil }
        let own = page["translation_of_revision"]
        if let own, own.sameValue(as: revision) { return nil }
        let wanted = Self.text(revision)
        let message = own.map { "translation of revision \(Self.text($0)), but the original (\(original.source)) is at revision \(wanted)" }
            ?? "no 'translation_of_revision:', but the original (\(original.source)) is at revision \(wanted)"
        return ContentError(.translation, file: page.source, line: own.map { $0.keyLine ?? $0.line } ?? 1,
                            column: own.map { $0.keyColumn ?? $0.column } ?? 1, message: message,
                            notes: ["update the translation, then set translation_of_revision: \(wanted)"])
    }

    /// A warning when the original has a `date_label:` (words: "Late 2015") and the translation writes none, so
    /// the original's words would be shown on the translated page.
    private static func untranslatedDateLabel(_ page: Page, original: Page) -> ContentError? {
        guard page["date_label"] == nil, let label = original["date_label"], case .string(let words) = label.value else { return nil }
        return ContentError(.translation, file: page.source, line: 1, column: 1,
                            message: "no 'date_label:' of its own, so the original's '\(words)' (\(original.source):\(label.keyLine ?? label.line)) is shown",
                            notes: ["write date_label: in this page's language (the date itself is shared)"])
    }

    private static func text(_ node: Node) -> String {
        switch node.value {
        case .string(let text): return text
        case .int(let number): return String(number)
        case .double(let number): return String(number)
        default: return node.value.typeName
        }
    }

    /// A translation without an original, with the closest original in the same folder as a suggestion.
    private static func orphan(_ page: Page, originalSource: String, original: ContentSet) -> ContentError {
        let folder = originalSource.split(separator: "/").dropLast().joined(separator: "/") + "/"
        let siblings = original.pages.map(\.source).filter { $0.hasPrefix(folder) && !$0.dropFirst(folder.count).contains("/") }
        let stem = String(originalSource.dropFirst(folder.count).dropLast(3))
        let hint = Suggestion.closest(to: stem, in: siblings.map { String($0.dropFirst(folder.count).dropLast(3)) })
            .map { " — did you mean to translate '\(folder)\($0).md'?" } ?? ""
        return ContentError(.translation, file: page.source, line: 1, column: 1,
                            message: "translation without an original: there is no \(originalSource)\(hint)")
    }
}
