import Content
import Foundation
import Markdown
import Templates

/// The build step that writes pages in their other formats (`output: [html, json]`): each through the JSON
/// template its HTML template's name points to (`timeline/list.html` → `timeline/list.json`), escaped as JSON,
/// to the page's URL with `.json` instead of its final slash (`/timeline/` → `timeline.json`). What it writes
/// must parse as JSON, or the build says which template wrote what.
struct OutputsStep {
    let content: ContentSet
    let urls: [String]
    let rendered: [RenderedMarkdown?]
    let values: PageValues
    let templates: TemplateSet

    func add(to files: inout [String: Data]) throws(BuildFailure) {
        let wanted = try OutputFormats.wantsJSON(content.pages).get()
        let globals: [String: Value] = [
            "site": values.site,
            "collections": values.collections,
            "build": .dictionary(OrderedDictionary([("generator", .string("build-site"))])),
            // The page's language, as HTML templates see it (and `t` needs).
            "lang": .string(content.language),
        ]
        var diagnostics: [Diagnostic] = []
        for index in content.pages.indices where wanted[index] {
            let page = content.pages[index]
            let path = Self.jsonPath(for: urls[index])
            if files[path] != nil {
                diagnostics.append(Diagnostic(file: page.source, message: "its JSON output \(path) would replace a file the build already writes"))
                continue
            }
            let candidates = TemplateSet.candidates(
                explicit: page.template, collection: page.collection, isListPage: page.isListPage,
                isHome: page.translationKey == "content/index.md", isNotFound: page.translationKey == "content/404.md"
            ).map(Self.jsonName)
            do {
                let name = try templates.resolve(candidates, for: page.source)
                var context = globals
                context["page"] = values.page(index, in: content, rendered: rendered[index])
                context["current_url"] = .string(urls[index])
                let bytes = try templates.environment.renderUTF8(name, context: context, escaping: .json)
                // Foundation is asked (and words the error) unless the quick check is sure (`JSONCheck`).
                do {
                    if JSONCheck.parses(bytes) != true { _ = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) }
                } catch {
                    diagnostics.append(Diagnostic(file: "templates/" + name, message: "wrote invalid JSON for \(page.source): "
                        + "\((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)")"))
                    continue
                }
                files[path] = Data(bytes)
            } catch let diagnostic as Diagnostic {
                diagnostics.append(diagnostic)
            } catch let error as TemplateError {
                diagnostics.append(Diagnostic(error))
            } catch {
                diagnostics.append(Diagnostic(file: page.source, message: "\(error)"))
            }
        }
        if !diagnostics.isEmpty { throw BuildFailure(diagnostics: diagnostics) }
    }

    /// `/timeline/` → `timeline.json`, `/` → `index.json`, `/a/b.html` → `a/b.json`.
    static func jsonPath(for url: String) -> String {
        var path = Substring(url.drop { $0 == "/" })
        if path.isEmpty { return "index.json" }
        if path.hasSuffix("/") { path = path.dropLast() } else if path.hasSuffix(".html") { path = path.dropLast(5) }
        return path + ".json"
    }

    /// `timeline/list.html` → `timeline/list.json`; any other name gets `.json` added.
    static func jsonName(_ template: String) -> String {
        template.hasSuffix(".html") ? String(template.dropLast(5)) + ".json" : template + ".json"
    }
}
