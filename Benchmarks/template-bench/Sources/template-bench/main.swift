import Dispatch
import Foundation
import Templates

/// Renders a realistic page (a layout via `extends`, a navigation include, a loop of 100 items
/// each rendered through an include with several filters and a macro) many times from all
/// cores at once, and prints pages per second.
/// Usage: template-bench [pages] [--print] [--tracked]   (--print writes one rendered page to stdout and exits;
/// --tracked tags every mapping and renders each page under its own `ReadRecorder`, as an incremental build does)
let arguments = CommandLine.arguments.dropFirst()
let totalPages = arguments.compactMap { Int($0) }.first ?? 20_000
let printOnly = arguments.contains("--print")
let tracked = arguments.contains("--tracked")
let threads = max(1, ProcessInfo.processInfo.activeProcessorCount)

let templates: [String: String] = [
    "base.html": """
    <!doctype html>
    <html lang="{{ site.language }}">
    <head>
      <meta charset="utf-8">
      <title>{% block title %}{{ site.title }}{% endblock %}</title>
      <meta name="description" content="{{ page.summary | default(site.description) | striptags | truncate(160) }}">
    </head>
    <body>
      {% include "partials/nav.html" %}
      <main>{% block content %}{% endblock %}</main>
      <footer>{{ site.title }} · {{ build.generator }}</footer>
    </body>
    </html>
    """,
    "partials/nav.html": """
    <nav>{% for link in site.nav %}<a href="{{ link.url | relative_url }}"{% if link.url == current_url %} aria-current="page"{% endif %}>{{ link.title }}</a>{% endfor %}</nav>
    """,
    "macros.html": """
    {% macro tag_list(tags) -%}
    <ul class="tags">{% for tag in tags %}<li><a href="{{ ('/tags/' ~ tag | slugify ~ '/') | relative_url }}">{{ tag }}</a></li>{% endfor %}</ul>
    {%- endmacro %}
    """,
    "partials/card.html": """
    <article class="card{% if loop_first %} first{% endif %}">
      <h2><a href="{{ item.url | relative_url }}">{{ item.title | title }}</a></h2>
      <time datetime="{{ item.date.iso }}">{{ item.date.label | default(item.date.iso) }}</time>
      <p>{{ item.summary | truncate(120) }}</p>
      {{ m.tag_list(item.tags | sort) }}
    </article>
    """,
    "page.html": """
    {% extends "base.html" %}
    {% import "macros.html" as m %}
    {% block title %}{{ page.title | upper }} — {{ super() }}{% endblock %}
    {% block content %}
      <h1>{{ page.title }}</h1>
      {{ page.content | safe }}
      {% for item in page.events %}
        {% set loop_first = loop.first %}
        {% include "partials/card.html" %}
      {% endfor %}
      <p>{{ page.events | length }} items, {{ page.events | map(attribute="tags") | map("length") | join("+") }} tags.</p>
    {% endblock %}
    """,
]

/// `value` with every mapping inside it tagged, numbered from `next` (for `--tracked`).
func tagged(_ value: Value, next: inout UInt32) -> Value {
    switch value {
    case .array(let items): return .array(items.map { tagged($0, next: &next) })
    case .dictionary(let mapping):
        let origin = next
        next += 1
        return .dictionary(OrderedDictionary(mapping.pairs.map { ($0.key, tagged($0.value, next: &next)) }, origin: origin))
    default: return value
    }
}

/// Renders the page once; with `--tracked`, under a recorder of its own, and returns how many reads it recorded.
func renderPage(_ environment: TemplateEnvironment, _ context: [String: Value]) throws -> (page: String, reads: Int) {
    guard tracked else { return (try environment.render("page.html", context: context), 0) }
    let recorder = ReadRecorder()
    let page = try ReadTracking.recording(recorder) { try environment.render("page.html", context: context) }
    return (page, recorder.reads.count)
}

func makeContext() -> [String: Value] {
    let items: [Value] = (0..<100).map { index in
        .dictionary(OrderedDictionary([
            ("title", .string("event number \(index): a <dramatic> turn & more")),
            ("url", .string("/timeline/event-\(index)/")),
            ("summary", .string(String(repeating: "Something important happened that day, and it changed things. ", count: 3))),
            ("tags", .array([.string("OpenAI"), .string("Musk"), .string("Altman \(index % 7)")])),
            ("date", .dictionary(OrderedDictionary([("iso", .string("2015-12-\(10 + index % 18)")), ("label", .none)]))),
        ]))
    }
    let nav: [Value] = ["/", "/timeline/", "/people/", "/about/"].map { url in
        .dictionary(OrderedDictionary([("url", .string(url)), ("title", .string(url == "/" ? "Home" : String(url.dropFirst().dropLast())))]))
    }
    return [
        "site": .dictionary(OrderedDictionary([("title", "The Rivalry"), ("description", "Musk vs Altman"), ("language", "en"), ("nav", .array(nav))])),
        "page": .dictionary(OrderedDictionary([("title", "Timeline"), ("content", .safe("<p>Intro</p>")), ("events", .array(items)), ("summary", .none)])),
        "current_url": "/timeline/",
        "build": .dictionary(OrderedDictionary([("generator", "build-site")])),
    ]
}

let relativeURL: CustomFilter = { input, _, _, context in
    guard case .string(let path) = input, path.hasPrefix("/"), case .string(let current)? = context.lookup("current_url") else { return input }
    let depth = current.split(separator: "/").count
    let up = depth == 0 ? "./" : String(repeating: "../", count: depth)
    return .string(up + path.dropFirst())
}

do {
    let environment = try TemplateEnvironment(templates: templates, filters: ["relative_url": relativeURL])
    var next: UInt32 = 1
    let context = tracked ? makeContext().mapValues { tagged($0, next: &next) } : makeContext()
    let (sample, reads) = try renderPage(environment, context)
    if printOnly {
        print(sample, terminator: "")
        exit(0)
    }
    for _ in 0..<50 { _ = try renderPage(environment, context) }

    let perThread = (totalPages + threads - 1) / threads
    let start = DispatchTime.now().uptimeNanoseconds
    DispatchQueue.concurrentPerform(iterations: threads) { _ in
        for _ in 0..<perThread {
            guard (try? renderPage(environment, context)) != nil else { return }
        }
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let pages = perThread * threads
    print("rendered \(pages) pages (\(sample.utf8.count) bytes each) on \(threads) threads in \(String(format: "%.2f", seconds)) s")
    print("\(Int(Double(pages) / seconds)) pages/second")
    if tracked { print("tracked: each page recorded \(reads) distinct reads of \(next - 1) tagged mappings") }
} catch {
    print("benchmark failed: \(error)")
    exit(1)
}
