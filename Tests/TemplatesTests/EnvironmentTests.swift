import Foundation
import Templates
import Testing

/// The public API: loading, rendering, custom filters, errors and their formatting.
@Suite struct EnvironmentTests {
    @Test func rendersWithContextValues() throws {
        let environment = try TemplateEnvironment(templates: ["a.html": "{{ title }} {{ count + 1 }} {{ tags | join(', ') }}"])
        let output = try environment.render("a.html", context: ["title": "<T>", "count": 1, "tags": ["x", "y"]])
        #expect(output == "&lt;T&gt; 2 x, y")
        #expect(environment.hasTemplate("a.html"))
        #expect(!environment.hasTemplate("b.html"))
        #expect(environment.templateNames == ["a.html"])
    }

    @Test func renderingAnUnknownTemplateIsAnError() throws {
        let environment = try TemplateEnvironment(templates: ["page.html": "x"])
        let error = #expect(throws: TemplateError.self) { try environment.render("pages.html", context: [:]) }
        #expect(error?.kind == .templateNotFound)
        #expect(error?.message == "template 'pages.html' not found — did you mean 'page.html'?")
    }

    @Test func customFiltersReceiveArgumentsAndTheRenderGlobals() throws {
        let filter: CustomFilter = { input, args, kwargs, context in
            let current = context.lookup("current_url") ?? .none
            return .string("\(input == "x") \(args.count) \(kwargs.map(\.0)) \(current == "/a/") \(context.templateName)")
        }
        let environment = try TemplateEnvironment(templates: ["p.html": "{{ 'x' | probe(1, 2, k=3) }}"], filters: ["probe": filter])
        let output = try environment.render("p.html", context: ["current_url": "/a/"])
        #expect(output == "true 2 [&#34;k&#34;] true p.html")
    }

    @Test func aCustomFilterNamedAsAFunctionCanBeCalled() throws {
        let upper: CustomFilter = { input, args, kwargs, _ in
            guard case .string(let text) = input else { return .none }
            return .string(text.uppercased() + "\(args.count)" + kwargs.map(\.0).joined())
        }
        let templates = ["p.html": "{{ shout('a') }} {{ shout('b', 1, n=2) }} {{ 'c' | shout }} {{ shout is callable }}",
                         "q.html": "{{ other('a') }}", "r.html": "{{ shout() }}"]
        let environment = try TemplateEnvironment(templates: templates, filters: ["shout": upper, "other": upper],
                                                  functions: ["shout", "missing"])
        #expect(try environment.render("p.html", context: [:]) == "A0 B1n C0 True")
        // A filter not named in `functions` stays a filter only; a name the context binds is the context's value.
        #expect(throws: TemplateError.self) { try environment.render("q.html", context: [:]) }
        #expect(throws: TemplateError.self) { try environment.render("r.html", context: [:]) }
        #expect(try environment.copy().render("p.html", context: [:]) == "A0 B1n C0 True")
    }

    @Test func customFilterReplacesBuiltinOfTheSameName() throws {
        let environment = try TemplateEnvironment(templates: ["p.html": "{{ 'A b' | slugify }}"],
                                                  filters: ["slugify": { _, _, _, _ in .string("custom") }])
        #expect(try environment.render("p.html", context: [:]) == "custom")
    }

    @Test func customFilterErrorsGetTheFilterLocation() throws {
        let failing: CustomFilter = { _, _, _, _ in throw TemplateError(kind: .filterFailed, message: "bad date") }
        let environment = try TemplateEnvironment(templates: ["p.html": "line\n  {{ d | date }}"], filters: ["date": failing],
                                                  fileNamePrefix: "templates/")
        let error = #expect(throws: TemplateError.self) { try environment.render("p.html", context: ["d": 1]) }
        #expect(error?.description == "templates/p.html:2:10: error: bad date")
    }

    @Test func loadingReportsEveryErrorSortedByLocation() throws {
        let templates = ["b.html": "{{ x | nope }}", "a.html": "{% if %}", "c.html": "{% include 'zzz.html' %}{{ y | alsonope }}"]
        let failure = #expect(throws: TemplateErrors.self) { try TemplateEnvironment(templates: templates) }
        let errors = failure?.errors ?? []
        #expect(errors.map(\.file) == ["a.html", "b.html", "c.html", "c.html"])
        #expect(errors.map(\.kind) == [.syntax, .unknownFilter, .templateNotFound, .unknownFilter])
        #expect(failure?.description.split(separator: "\n").count == 4)
    }

    @Test func errorDescriptionOmitsUnknownParts() {
        #expect(TemplateError(kind: .syntax, file: "f.html", line: 3, column: 5, message: "m").description == "f.html:3:5: error: m")
        #expect(TemplateError(kind: .syntax, file: "f.html", message: "m").description == "f.html: error: m")
        #expect(TemplateError(kind: .syntax, message: "m").description == "error: m")
    }

    @Test func lineAndColumnCountCharactersNotBytes() throws {
        let environment = try TemplateEnvironment(templates: ["u.html": "é😀中 {{ nope }}"])
        let error = #expect(throws: TemplateError.self) { try environment.render("u.html", context: [:]) }
        #expect(error?.line == 1)
        #expect(error?.column == 8)
    }

    @Test func rendersConcurrentlyFromManyThreads() throws {
        let environment = try TemplateEnvironment(templates: [
            "base.html": "<main>{% block body %}{% endblock %}</main>",
            "page.html": "{% extends 'base.html' %}{% block body %}{% for i in items %}{% include 'item.html' %}{% endfor %}{% endblock %}",
            "item.html": "<i>{{ i * factor }}</i>",
        ])
        let results = ResultBox(count: 64)
        DispatchQueue.concurrentPerform(iterations: 64) { index in
            let output = try? environment.render("page.html", context: ["items": [1, 2, 3], "factor": .int(index)])
            results.set(index, output)
        }
        for index in 0..<64 {
            #expect(results.get(index) == "<main><i>\(index)</i><i>\(2 * index)</i><i>\(3 * index)</i></main>")
        }
    }

    @Test func deepRecursionStopsWithAnErrorOnASmallStack() throws {
        // Worst case: a macro recursing to the call limit with deeply nested tags at every level,
        // rendered on a thread with a 512 KiB stack (what Darwin gives secondary threads).
        let nested = String(repeating: "{% if true %}", count: 30) + "{{ r(n + 1) }}" + String(repeating: "{% endif %}", count: 30)
        let environment = try TemplateEnvironment(templates: ["r.html": "{% macro r(n) %}\(nested){% endmacro %}{{ r(0) }}"])
        let results = ResultBox(count: 1)
        let finished = DispatchSemaphore(value: 0)
        let thread = Thread {
            do {
                _ = try environment.render("r.html", context: [:])
                results.set(0, "rendered")
            } catch {
                results.set(0, (error as? TemplateError)?.kind == .limitExceeded ? "limit" : "\(error)")
            }
            finished.signal()
        }
        thread.stackSize = 512 * 1024
        thread.start()
        finished.wait()
        #expect(results.get(0) == "limit")
    }
}

/// Collects results written from several threads.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: String?) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }

    func get(_ index: Int) -> String? {
        lock.lock()
        defer { lock.unlock() }
        return values[index]
    }
}
