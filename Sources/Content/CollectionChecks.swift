import DidYouMean

/// Checks of `site.yml`'s `collections:` against the content found: settings that would otherwise do nothing,
/// without a word.
enum CollectionChecks {
    /// The sort keys every page has.
    static let builtinSortKeys = ["title", "date", "slug"]

    /// - Parameters:
    ///   - folders: the folders under `content/` that hold Markdown (`ContentTree.collections`).
    ///   - pages: the pages loaded (drafts left out or not, as the build asked).
    static func check(config: SiteConfig, folders: [String], pages: [Page]) -> [ContentError] {
        var errors: [ContentError] = []
        let folderNames = folders.map(\.precomposed)
        for collection in config.collections {
            let settings = config.collectionSettings(collection.name)
            guard folderNames.contains(collection.name) else {
                let hint = Suggestion.closest(to: collection.name, in: folderNames).map { " — did you mean '\($0)'?" } ?? ""
                errors.append(ContentError(.config, file: SiteConfig.fileName, line: settings?.keyLine ?? settings?.line,
                                           column: settings?.keyColumn ?? settings?.column,
                                           message: "collection '\(collection.name)' has no folder content/\(collection.name)/ with Markdown files\(hint)",
                                           notes: ["folders under content/: " + (folderNames.isEmpty ? "none" : folderNames.joined(separator: ", "))]))
                continue
            }
            errors += sortKeyErrors(collection, settings: settings, pages: pages)
        }
        return errors
    }

    /// An error when `sort_by` names a key that no page of the collection has (a typo sorts by slug, silently).
    private static func sortKeyErrors(_ collection: CollectionConfig, settings: Node?, pages: [Page]) -> [ContentError] {
        guard !builtinSortKeys.contains(collection.sortBy) else { return [] }
        let members = pages.filter { $0.collection == collection.name && !$0.isListPage }
        guard !members.isEmpty, !members.contains(where: { $0.frontMatter.firstValue(forKey: collection.sortBy) != nil }) else {
            return []
        }
        var keys = builtinSortKeys
        for page in members {
            for (key, _) in page.frontMatter where !keys.contains(key) { keys.append(key) }
        }
        let node = settings?["sort_by"]
        let hint = Suggestion.closest(to: collection.sortBy, in: keys).map { " — did you mean '\($0)'?" } ?? ""
        return [ContentError(.config, file: SiteConfig.fileName, line: node?.line, column: node?.column,
                             message: "no page of collection '\(collection.name)' has the key '\(collection.sortBy)' to sort by\(hint)",
                             notes: ["sort_by takes title, date, slug or a front-matter key of the collection's pages"])]
    }
}

extension SiteConfig {
    /// The node of `collections: <name>:` in `site.yml`, for locating errors about it.
    func collectionSettings(_ name: String) -> Node? {
        extra.first { $0.key == "collections" }?.value[name]
    }
}
