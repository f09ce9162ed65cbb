/// Reading `aliases:` in front matter and `redirects:` in `site.yml`.
extension Node {
    /// `aliases: [/old/path/, /other/]`: each entry a site path, checked like a permalink (nothing may leave the
    /// output folder).
    func expectAliases(file: String, errors: inout [ContentError]) -> [Alias] {
        guard case .list(let items) = value else {
            errors.append(typeError(file: file, key: "aliases", expected: "a list of old addresses (/old/path/)"))
            return []
        }
        var aliases: [Alias] = []
        for item in items {
            guard let text = item.expectString(file: file, key: "aliases", errors: &errors),
                  let url = item.sitePath(text, file: file, what: "alias", errors: &errors) else { continue }
            aliases.append(Alias(url: url, line: item.line, column: item.column))
        }
        return aliases
    }

    /// `redirects: {/old/: /new/, /gone/: https://example.org/}` in `site.yml`.
    func expectRedirects(file: String, errors: inout [ContentError]) -> [Redirect] {
        if case .null = value { return [] }
        guard case .mapping(let pairs) = value else {
            errors.append(typeError(file: file, key: "redirects", expected: "a mapping of old paths to new addresses"))
            return []
        }
        var redirects: [Redirect] = []
        for (from, target) in pairs {
            let line = target.keyLine ?? target.line
            let column = target.keyColumn ?? target.column
            let at = Node(.string(from), line: line, column: column)
            guard let source = at.sitePath(from, file: file, what: "redirect", errors: &errors),
                  let to = target.expectString(file: file, key: from, errors: &errors) else { continue }
            guard to.hasPrefix("/") || to.contains("://") else {
                errors.append(ContentError(.config, file: file, at: target,
                                           message: "redirect target '\(to.visible)' must be a site path (/new/) or an address with a scheme (https://…)"))
                continue
            }
            redirects.append(Redirect(from: source, to: to.precomposed, line: line, column: column))
        }
        return redirects
    }

    /// An old address as a site path: it must start with `/` and stay inside the output folder.
    private func sitePath(_ text: String, file: String, what: String, errors: inout [ContentError]) -> String? {
        guard text.hasPrefix("/"), !text.hasPrefix("//") else {
            errors.append(ContentError(.path, file: file, at: self,
                                       message: "\(what) '\(text.visible)' must be a path on this site starting with '/'"))
            return nil
        }
        switch PageRoute.normalize(permalink: text.precomposed) {
        case .success(let url) where url == "/":
            errors.append(ContentError(.path, file: file, at: self, message: "\(what) '\(text.visible)' would replace the home page"))
            return nil
        case .success(let url): return url
        case .failure(let unsafe):
            errors.append(ContentError(.path, file: file, at: self, message: "unsafe \(what) '\(text.visible)': \(unsafe.reason)"))
            return nil
        }
    }
}
