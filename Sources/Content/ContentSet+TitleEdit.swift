extension ContentSet {
    /// Whether a new title (`PageParseMemo.titleEdit`) may be put into page `index` of the default language's set
    /// (`editions[0]`) in place, with every other part of every edition what a load would make. A title reaches
    /// nothing in a set but its own page, except where the set says so, each refused here:
    /// - a collection sorted by title (`sort_by: title`, the default) orders its pages by it: the page's own;
    /// - a translation without a `title:` of its own inherits its original's (`TranslationEdition`): any version
    ///   of the page in another language;
    /// - front matter keys named after a collection (relations) or a taxonomy are read as slugs: one named `title`.
    public static func acceptsTitleEdit(of index: Int, in editions: [ContentSet]) -> Bool {
        guard let content = editions.first, content.pages.indices.contains(index) else { return false }
        let source = content.pages[index].source
        guard content.pages[index].originalSource == nil,
              !content.collections.contains(where: { $0.name == "title" }), !content.taxonomies.contains(where: { $0.name == "title" }),
              !editions.dropFirst().contains(where: { $0.pages.contains { $0.originalSource == source } }) else { return false }
        guard let name = content.pages[index].collection else { return true }
        return content.collection(named: name).map { $0.config.sortBy != "title" } ?? false
    }

    /// Puts `edit`'s title, `title` value and body into page `index` (in place: the pages are copied only when
    /// another set shares them). Returns what the page had, to put back the same way.
    public mutating func replaceTitle(of index: Int, with edit: TitleEdit) -> TitleEdit {
        let old = TitleEdit(title: pages[index].title, node: pages[index]["title"] ?? edit.node, body: pages[index].body)
        pages[index].title = edit.title
        pages[index].body = edit.body
        if let position = pages[index].frontMatter.firstIndex(where: { $0.key == "title" }) {
            pages[index].frontMatter[position].value = edit.node
        }
        return old
    }
}
