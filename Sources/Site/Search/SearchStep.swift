import Content
import Foundation
import Markdown

/// The build step that writes the search index, when `site.yml` asks for one (`search:`).
///
/// Every rendered page is indexed except the 404 page, pages of excluded collections and pages with
/// `search: false` in their front matter. Each language has its own index under its URL prefix
/// (`zh/search/…`), made from its own pages.
enum SearchStep {
    static func add(to files: inout [String: Data], content: ContentSet, urls: [String],
                    rendered: [RenderedMarkdown?], memo: SearchMemo? = nil) throws(BuildFailure) {
        let options = try SearchOptions.read(content.config, collectionNames: content.collections.map(\.name)).get()
        var diagnostics: [Diagnostic] = []
        var chosen: [Int] = []
        // Each page read in place, by its fields: a copy of a `Page` retains a dozen of them, on every build.
        content.pages.withUnsafeBufferPointer { pages in
            for index in pages.indices {
                if let node = pages[index].frontMatter.firstValue(forKey: "search") {
                    guard case .bool(let flag) = node.value else {
                        diagnostics.append(Diagnostic(file: pages[index].source, line: node.line, column: node.column,
                                                      message: "'search': expected true or false, found \(node.value.typeName)"))
                        continue
                    }
                    if !flag { continue }
                }
                // Without an index, only the keys are checked: no page is looked up among the files.
                guard options.enabled else { continue }
                if SitePath.isNotFoundPage(urls[index]) || files[SitePath.outputFile(for: urls[index])] == nil { continue }
                if let collection = pages[index].collection, options.excluded.contains(collection) { continue }
                chosen.append(index)
            }
        }
        if !diagnostics.isEmpty { throw BuildFailure(diagnostics: diagnostics) }
        guard options.enabled else { return }
        let titles = Dictionary(content.collections.map { collection in
            (collection.name, content.config.collection(named: collection.name)?.title ?? collection.name.capitalized)
        }, uniquingKeysWith: { first, _ in first })
        let folder = content.urlPrefix.isEmpty ? "" : String(content.urlPrefix.dropFirst()) + "/"
        let documents = chosen.concurrentMap { index in
            let page = content.pages[index]
            let html = rendered[index]?.html ?? ""
            return SearchDocument(
                // Relative to the index's own language folder, as search.js reads it (`zh/search/` → `/zh/` + URL).
                url: String(urls[index].dropFirst(content.urlPrefix.count)), title: page.title, collection: page.collection.flatMap { titles[$0] },
                date: page.date.map { page.dateLabel ?? $0.long } ?? "",
                summary: page.summary ?? rendered[index]?.excerpt ?? "",
                headings: rendered[index]?.headings.map(\.text) ?? [],
                related: page.relations.flatMap { $0.targets.map { content.pages[$0].title } },
                body: !options.indexesBody ? "" : memo?.text(of: html, key: folder + "|" + urls[index]) ?? HTMLText.text(of: html))
        }
        let index = Dictionary(uniqueKeysWithValues: SearchIndex.files(for: documents, memo: memo, folder: folder)
            .map { (folder + $0.key, $0.value) })
        if let taken = index.keys.sorted().first(where: { files[$0] != nil }) { throw collision(at: taken) }
        files.merge(index) { _, new in new }
    }

    /// The error for a file of the search index at `path`, where the build already writes another.
    static func collision(at path: String) -> BuildFailure {
        BuildFailure(diagnostics: [Diagnostic(file: "site.yml", message: "the search index writes \(path), but a page is already there",
                                              notes: ["give the page another URL, or turn search off"])])
    }
}
