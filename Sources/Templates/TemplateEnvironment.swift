import DidYouMean
import Foundation

/// A set of templates, parsed and validated once, rendered any number of times from any thread.
///
/// Building the environment parses every template and checks what can be checked before
/// rendering (syntax, unknown filters and tests, missing include/extends/import targets,
/// cycles between templates), reporting all problems at once. Rendering never re-parses and
/// shares nothing mutable, so concurrent `render` calls need no locks.
public final class TemplateEnvironment: Sendable {
    let templates: [String: ParsedTemplate]
    let filters: [String: CustomFilter]
    /// Custom filters that templates may also call as functions: `t("key", count=n)` is `"key" | t(count=n)`.
    let functions: Set<String>
    /// The same functions with their filters, searched by comparing names: a site has one or two, and `t(…)` is
    /// called thousands of times a build, where hashing its name twice cost more than the search.
    private let functionList: [(name: String, filter: CustomFilter)]
    /// Every filter a template can name, custom and builtin, by name.
    let filterTable: [String: FilterEntry]
    /// The same filters by slot: the parser gives each filter application its slot (`Invocation.slot`).
    let filterList: [FilterEntry]
    let limits: TemplateLimits
    /// The bindings of every template that only defines macros, by module key: importing such a template
    /// without context gives the same macros on every render, so they are made once here rather than by
    /// running the template on every page that imports it (a tenth of a simple page's time). Every render
    /// starts its `modules` with these, so the keys are the same in all of them.
    ///
    /// `nonisolated(unsafe)`: scopes are not `Sendable` in general, but these hold only macros, which are
    /// immutable once made, so every thread may read them.
    nonisolated(unsafe) let macroModules: [Scope]
    /// Keys in `macroModules`, by template name.
    let macroModuleKeys: [String: Int]
    private let fileNamePrefix: String
    /// The sources as given, for `copy()`.
    private let sources: [String: String]

    /// - Parameters:
    ///   - templates: Template sources by name ("base.html", "timeline/page.html").
    ///   - filters: Extra filters; a custom filter replaces a builtin of the same name.
    ///   - functions: Names of custom filters that may also be called as global functions, the filter's input
    ///     being the first argument (a name the context binds is the context's value, as for `range`).
    ///   - fileNamePrefix: Put before template names in error locations ("templates/").
    ///   - limits: Bounds on each render (steps, call depth, output size).
    /// - Throws: `TemplateErrors` with every problem found, sorted by file and position.
    public init(templates: [String: String], filters: [String: CustomFilter] = [:], functions: Set<String> = [],
                fileNamePrefix: String = "", limits: TemplateLimits = TemplateLimits()) throws(TemplateErrors) {
        self.sources = templates
        self.filters = filters
        self.functions = functions.filter { filters[$0] != nil }
        self.functionList = self.functions.sorted().compactMap { name in filters[name].map { (name, $0) } }
        let filterTable = FilterEntry.table(custom: filters)
        self.filterTable = filterTable
        let names = filterTable.keys.sorted()
        self.filterList = names.compactMap { filterTable[$0] }
        let filterSlots = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($0.element, $0.offset) })
        self.limits = limits
        self.fileNamePrefix = fileNamePrefix
        // Templates are parsed in parallel: they are independent, and a preview rebuild waits for them.
        let sources = templates.map { SourceFile(name: $0.key, displayName: fileNamePrefix + $0.key, bytes: Self.unixLineEndings($0.value)) }
        // Each iteration writes only its own slot, and the slots are read after `concurrentPerform` returns.
        let slots = UnsafeMutableBufferPointer<Result<ParsedTemplate, TemplateError>?>.allocate(capacity: sources.count)
        slots.initialize(repeating: nil)
        defer {
            slots.deinitialize()
            slots.deallocate()
        }
        nonisolated(unsafe) let results = slots
        DispatchQueue.concurrentPerform(iterations: sources.count) { index in
            results[index] = Result { () throws(TemplateError) in try Parser.parse(sources[index], filterSlots: filterSlots) }
        }
        var parsed: [String: ParsedTemplate] = [:]
        var errors: [TemplateError] = []
        for (source, result) in zip(sources, slots) {
            switch result {
            case .success(let template)?: parsed[source.name] = template
            case .failure(let error)?: errors.append(error)
            case nil: break
            }
        }
        self.templates = parsed
        (macroModules, macroModuleKeys) = Self.macroModules(of: parsed)
        errors += TemplateValidator(templates: parsed, filterNames: Set(filterTable.keys),
                                    knownTemplates: Set(templates.keys)).validate()
        guard errors.isEmpty else {
            throw TemplateErrors(errors.sorted { ($0.file ?? "", $0.line ?? 0, $0.column ?? 0) < ($1.file ?? "", $1.line ?? 0, $1.column ?? 0) })
        }
    }

    /// The module bindings of every template whose top level is only macro definitions and text: what
    /// importing it without context binds (see `Renderer.importModule`), in the same order.
    private static func macroModules(of templates: [String: ParsedTemplate]) -> ([Scope], [String: Int]) {
        var modules: [Scope] = []
        var keys: [String: Int] = [:]
        for name in templates.keys.sorted() {
            guard let template = templates[name], template.body.allSatisfy(\.isMacroOrText) else { continue }
            let key = modules.count
            var bindings = Scope()
            for statement in template.body {
                if case .macro(let definition) = statement.kind {
                    bindings[definition.name] = .macro(MacroClosure(definition: definition, template: template,
                                                                    origin: .module(key, seesGlobals: false)))
                }
            }
            modules.append(bindings)
            keys[name] = key
        }
        return (modules, keys)
    }

    /// An environment with the same templates, parsed again into a syntax tree of its own.
    ///
    /// Rendering retains and releases the tree's nodes constantly; when threads render from one shared
    /// tree, those reference-count updates bounce the same cache lines between cores (on two cores this
    /// made `swift_retain` a sixth of the whole build). One copy per rendering thread keeps them local.
    /// Parsing again is cheap (milliseconds) and cannot fail where the original succeeded; if it somehow
    /// does, the shared environment itself is returned.
    public func copy() -> TemplateEnvironment {
        (try? TemplateEnvironment(templates: sources, filters: filters, functions: functions, fileNamePrefix: fileNamePrefix,
                                  limits: limits)) ?? self
    }

    /// The UTF-8 bytes of `text` with CRLF and lone CR turned into LF, so that line numbers in errors
    /// are the editor's whatever the platform the file was written on.
    static func unixLineEndings(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        guard bytes.contains(UInt8(ascii: "\r")) else { return bytes }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\r") {
                result.append(UInt8(ascii: "\n"))
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
            } else {
                result.append(bytes[index])
            }
            index += 1
        }
        return result
    }

    /// Renders the template `name` with `context` as its globals.
    /// - Throws: `TemplateError` located in the template (or included template) where rendering failed.
    public func render(_ name: String, context: [String: Value]) throws(TemplateError) -> String {
        String(decoding: try renderUTF8(name, context: context), as: UTF8.self)
    }

    /// Renders like `render`, returning the page's UTF-8 bytes: what a caller writing files needs, without
    /// the page being turned into a `String` and back.
    /// - Parameters:
    ///   - fragments: Where `{% cache %}` blocks keep their output across renders; nil renders every body.
    ///   - partition: Which renders share the fragments whose output depends on where the page is (a filter
    ///     said so); other fragments are shared by all. A site passes the folder that holds the page's folder
    ///     (see `FragmentCache`).
    ///   - page: The page being rendered, for fragments that depend on it beyond its partition: a build that keeps
    ///     fragments for the next (`FragmentCarry`) stores them for this page alone. Nil: not stored.
    ///   - metrics: Where to add how long the page, its includes, macros and cache tags took; nil measures nothing.
    ///   - escaping: How `{{ … }}` escapes: HTML unless told (a site picks by the name, `OutputEscaping.forTemplate`).
    /// - Throws: `TemplateError` located in the template (or included template) where rendering failed.
    public func renderUTF8(_ name: String, context: [String: Value], fragments: FragmentCache? = nil,
                           partition: String = "", page: String? = nil, metrics: TemplateMetrics? = nil,
                           escaping: OutputEscaping = .html) throws(TemplateError) -> [UInt8] {
        ReadTracking.noteTemplate(name)
        guard let template = templates[name] else {
            var message = "template '\(name)' not found"
            if let suggestion = Suggestion.closest(to: name, among: Array(templates.keys)) { message += " — did you mean '\(suggestion)'?" }
            throw TemplateError(kind: .templateNotFound, message: message)
        }
        let renderer = Renderer(environment: self, globals: context, template: template, fragments: fragments,
                                partition: partition, page: page, measures: metrics != nil)
        renderer.escaping = escaping
        // Most pages are a few to a few tens of kilobytes: start there rather than growing from nothing.
        renderer.output.reserveCapacity(1 << 15)
        do {
            let started = renderer.metricsStart()
            try renderer.renderWithInheritance(template)
            renderer.measured(started, .page, template, offset: 0)
            if let metrics, let tally = renderer.tally { metrics.add(tally) }
        } catch let error as TemplateError {
            throw error
        } catch {
            throw TemplateError(kind: .filterFailed, file: template.source.displayName, message: "\(error)")
        }
        return renderer.output
    }

    /// The custom filter that templates may call as the function `name`, if there is one.
    func function(named name: String) -> CustomFilter? {
        for entry in functionList where entry.name == name { return entry.filter }
        return nil
    }

    public func hasTemplate(_ name: String) -> Bool { templates[name] != nil }

    /// The names of all templates, sorted.
    public var templateNames: [String] { templates.keys.sorted() }

    func unknownFilterMessage(_ name: String) -> String {
        var message = "unknown filter '\(name)'"
        let candidates = Array(filterTable.keys)
        if let suggestion = Suggestion.closest(to: name, among: candidates) { message += " — did you mean '\(suggestion)'?" }
        return message
    }

    static func unknownTestMessage(_ name: String) -> String {
        var message = "unknown test '\(name)'"
        if let suggestion = Suggestion.closest(to: name, among: Array(BuiltinTests.table.keys)) { message += " — did you mean '\(suggestion)'?" }
        return message
    }
}
