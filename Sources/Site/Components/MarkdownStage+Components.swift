import Markdown
import Templates

extension MarkdownStage {
    /// Renders one component call with `templates/components/<name>.html`.
    ///
    /// The template sees each argument as a string (escaped when printed, as always), with a site path
    /// (`/img/plan.svg`) checked and made relative like a link in Markdown; `body`, the call's body rendered
    /// as Markdown (components inside it too); `image`, when the call has a `src` argument, the ready `<img>`
    /// or `<picture>` for it (size, `loading`, resized copies) with `alt` as its text; and `current_url`, so
    /// that `relative_url` works.
    func component(_ call: ComponentCall, origin: TextOrigin, on index: Int, state: PageRenderState) throws -> ImageReplacement {
        let page = content.pages[index]
        let at = origin.locateScanned(line: call.line, column: call.column)
        var context: [String: Value] = ["current_url": .string(urls[index])]
        var arguments = OrderedDictionary()
        for argument in call.arguments {
            var value = argument.value
            let place = origin.locateScanned(line: argument.line, column: argument.column)
            if argument.name == "src" {
                // Counted where the call is, so a figure first on the page is its first image.
                state.imagesSeen += 1
                let destination = try rewritten(value, on: index, place: place)
                let alt = call.arguments.first { $0.name == "alt" }?.value ?? ""
                let image = ImageReference(source: value, destination: destination, alt: alt, title: "",
                                           line: place.line, column: place.column)
                context["image"] = .safe(try markup(image, on: index, lazy: state.imagesSeen > 1, place: place, state: state))
            }
            value = try rewritten(value, on: index, place: place)
            context[argument.name] = .string(value)
            arguments[argument.name] = .string(value)
        }
        context["arguments"] = .dictionary(arguments)
        if let body = call.body {
            let start = origin.locateScanned(line: call.bodyLine, column: call.bodyColumn)
            let rendered = try render(body, origin: TextOrigin(line: start.line, column: start.column), on: index, state: state)
            context["body"] = .safe(rendered.html)
        }
        do {
            let html = try templates.render(ComponentLibrary.templateName(call.name), context: context)
            return ImageReplacement(html: html, replacesParagraph: call.isBlock)
        } catch {
            var diagnostic = Diagnostic(error)
            diagnostic.notes.append("in the component '\(call.name)' called at \(page.source):\(at.line):\(at.column)")
            throw diagnostic
        }
    }

    /// A value that is a site path, checked and made relative to the page; any other value as it is.
    private func rewritten(_ value: String, on index: Int, place: Place) throws -> String {
        guard value.hasPrefix("/"), !value.hasPrefix("//"),
              let target = try target(of: value, on: index, place: place) else { return value }
        return SitePath.relative(from: urls[index], to: target.sitePath + target.suffix)
    }
}
