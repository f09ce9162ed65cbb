import Content
import Foundation
import Markdown
import SiteInputs
import Templates

/// The site's templates, parsed once, and the one rule that picks a template for a page.
///
/// Hugo's implicit lookup order is the part of Hugo its users find most confusing; here there is a
/// single documented rule, and when it finds nothing the error lists every name it tried.
struct TemplateSet: Sendable {
    let environment: TemplateEnvironment
    /// Each template's fingerprint, for memo entries to tell which templates changed (`Key.fingerprints`):
    /// made the first time an incremental build asks (`RenderInputs.use`), then kept with the set; a full
    /// build never asks.
    var fingerprints: [String: UInt64] { lazyFingerprints.value }
    private let lazyFingerprints: LazyFingerprints

    init(environment: TemplateEnvironment, key: Key) {
        self.environment = environment
        lazyFingerprints = LazyFingerprints(key)
    }

    /// `Key.fingerprints`, made once, on first use, under a lock.
    private final class LazyFingerprints: @unchecked Sendable {
        private let key: Key
        private let lock = NSLock()
        private var made: [String: UInt64]?

        init(_ key: Key) { self.key = key }

        var value: [String: UInt64] {
            lock.lock()
            defer { lock.unlock() }
            if let made { return made }
            let fingerprints = key.fingerprints
            made = fingerprints
            return fingerprints
        }
    }

    /// Reads every file under `templates/` (recursively), names them by their path inside that folder,
    /// and parses and validates them all at once.
    /// What a parsed template set depends on: every template's text, and the settings the site's filters
    /// are made from.
    struct Key: Equatable, Sendable {
        var sources: [String: String]
        var baseURL: String
        var markdownOptions: MarkdownOptions
        /// The `t` filter's words (`i18n/*.yml`).
        var strings: UIStrings
    }

    static func load(root: URL, log: ReadLog? = nil, filters: [String: CustomFilter], baseURL: String, markdownOptions: MarkdownOptions,
                     strings: UIStrings = UIStrings(), cache: BuildCache?) throws(BuildFailure) -> TemplateSet {
        var sources: [String: String] = [:]
        var (files, diagnostics) = SourceTree.files(under: "templates", root: root, log: log)
        for file in files {
            let name = file.relativePath
            let data: Data
            do {
                data = try SourceTree.read(file, root: root, log: log)
            } catch {
                diagnostics += error.diagnostics
                continue
            }
            switch SourceText.decode(data, file: "templates/" + name) {
            case .success(let text): sources[name] = text
            case .failure(let error):
                diagnostics.append(Diagnostic(file: error.file, line: error.line, column: error.column,
                                              message: error.message, notes: error.notes))
            }
        }
        if !diagnostics.isEmpty { throw BuildFailure(diagnostics: diagnostics) }
        let key = Key(sources: sources, baseURL: baseURL, markdownOptions: markdownOptions, strings: strings)
        if let cached = cache?.templateSet(for: key) { return cached }
        do {
            let environment = try TemplateEnvironment(templates: sources, filters: filters, functions: SiteFilters.functions,
                                                      fileNamePrefix: "templates/")
            let set = TemplateSet(environment: environment, key: key)
            cache?.store(set, for: key)
            return set
        } catch {
            throw BuildFailure(diagnostics: error.errors.map(Diagnostic.init))
        }
    }

    /// The names tried for a page, in order: `template:` from front matter alone when given; otherwise
    /// `<collection>/list.html`, `list.html` for a list page; `<collection>/page.html`, `page.html` for a
    /// collection page; `index.html` then `page.html` for the home page; `404.html` then `page.html` for the 404 page.
    static func candidates(explicit: String?, collection: String?, isListPage: Bool, isHome: Bool, isNotFound: Bool) -> [String] {
        if let explicit { return [explicit] }
        if let collection {
            return isListPage ? ["\(collection)/list.html", "list.html"] : ["\(collection)/page.html", "page.html"]
        }
        if isHome { return ["index.html", "page.html"] }
        if isNotFound { return ["404.html", "page.html"] }
        return ["page.html"]
    }

    /// The first candidate that exists, or an error listing what was tried.
    func resolve(_ candidates: [String], for source: String) throws(Diagnostic) -> String {
        if let name = candidates.first(where: environment.hasTemplate) { return name }
        let tried = candidates.map { "templates/" + $0 }.joined(separator: ", ")
        throw Diagnostic(file: source, line: 1, column: 1, message: "no template found for this page; tried \(tried)")
    }
}

extension Diagnostic {
    init(_ error: TemplateError) {
        self.init(file: error.file, line: error.line, column: error.column, message: error.message, notes: error.notes)
    }
}
