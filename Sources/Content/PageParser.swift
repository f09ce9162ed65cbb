import Foundation
import SiteInputs

/// Reads one Markdown file into a `Page` (relations not yet resolved).
///
/// Pure and independent of every other file, so the loader runs it for all files in parallel.
/// It reports every problem it can find in the file, not only the first.
enum PageParser {
    struct Outcome: Sendable {
        var page: Page?
        var errors: [ContentError]
    }

    static func parse(_ file: ContentTree.SourceFile, in tree: ContentTree, memo: PageParseMemo? = nil) -> Outcome {
        let bytes: [UInt8]
        do {
            bytes = try tree.read(file)
        } catch {
            return failure(ContentError(.unreadable, file: error.path, message: error.message))
        }
        guard let memo else { return parse(bytes, file: file) }
        // A translation is parsed in its original's place (`TranslationFiles`: `x.zh.md` as `x.md`) only on a
        // site with `languages:`, so the place is part of the key as well as the path.
        let key = PageParseMemo.key(file)
        if let known = memo.outcome(key, bytes: bytes) { return known }
        let outcome = parse(bytes, file: file)
        memo.store(key, bytes: bytes, outcome: outcome)
        return outcome
    }

    /// Parses a file's bytes: a function of the bytes, the path and the place it is parsed in only
    /// (`PageParseMemo` relies on it).
    static func parse(_ bytes: [UInt8], file: ContentTree.SourceFile) -> Outcome {
        if bytes.isEmpty || bytes.elementsEqual([0xEF, 0xBB, 0xBF]) {
            return failure(ContentError(.emptyFile, file: file.path, message: "file is empty",
                                        notes: ["a page needs at least a front matter block with a title: ---, title: …, ---"]))
        }
        let text: String
        switch SourceText.decode(bytes, file: file.path) {
        case .success(let decoded): text = decoded
        case .failure(let error): return failure(error)
        }
        return parse(text: text, file: file)
    }

    /// Parses already-decoded text; separate from reading so the fuzzer and tests can call it.
    static func parse(text: String, file: ContentTree.SourceFile) -> Outcome {
        let split: FrontMatterSplitter.Split
        do {
            split = try FrontMatterSplitter.split(text, file: file.path)
        } catch {
            return failure(error)
        }
        var errors: [ContentError] = []
        var frontMatter: [(key: String, value: Node)] = []
        if let yaml = split.yaml {
            var reader = YAMLReader(file: file.path, lineOffset: split.yamlLineOffset)
            let root = reader.read(String(yaml))
            errors = reader.errors
            if errors.contains(where: { $0.kind == .yaml }) { return Outcome(page: nil, errors: errors) }
            if let root {
                guard case .mapping(let pairs) = root.value else {
                    errors.append(ContentError(.frontMatter, file: file.path, at: root,
                                               message: "front matter must be a mapping of 'key: value' lines, found \(root.value.typeName)"))
                    return Outcome(page: nil, errors: errors)
                }
                frontMatter = pairs
            }
        }
        guard var route = PageRoute.fromPath(file.components) else {
            let error = file.components == ["_index.md"]
                ? ContentError(.path, file: file.path, message: "content/_index.md has no collection to list",
                               notes: ["the home page is content/index.md"])
                : ContentError(.nesting, file: file.path,
                               message: "Markdown pages may sit only in content/ or content/<collection>/")
            errors.append(error)
            return Outcome(page: nil, errors: errors)
        }
        if let reason = PageRoute.problem(inSegment: route.slug), !route.slug.isEmpty {
            errors.append(ContentError(.path, file: file.path, message: "file name cannot be a URL slug: \(reason)"))
        }
        var fields = KnownFields()
        fields.read(frontMatter, file: file.path, route: &route, errors: &errors)
        var page = Page(source: file.path, collection: route.collection, slug: route.slug, isListPage: route.isListPage,
                        url: route.url, outputPath: PageRoute.outputPath(for: route.url), frontMatter: frontMatter,
                        title: fields.title ?? fallbackTitle(for: route), date: fields.date, dateLabel: fields.dateLabel, draft: fields.draft,
                        template: fields.template, summary: fields.summary, body: String(split.body),
                        bodyStartLine: split.bodyStartLine, relations: [])
        page.aliases = fields.aliases
        return Outcome(page: page, errors: errors)
    }

    /// A page without a `title:` (even one whose front matter is just `---`/`---`) still builds, titled after
    /// its file: `openai-founded.md` → "Openai founded", `_index.md` → the collection's name, `index.md` → "Home".
    /// A collection that needs real titles lists `title` under `required:` in site.yml.
    static func fallbackTitle(for route: PageRoute) -> String {
        let name = route.isListPage ? (route.collection ?? "") : route.slug
        if name.isEmpty { return "Home" }
        let words = name.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    private static func failure(_ error: ContentError) -> Outcome {
        Outcome(page: nil, errors: [error])
    }
}
