import Content

/// Front-matter keys that templates receive from the build itself (`page.url`, `page.content`, …).
///
/// A page that sets one of these would have its value silently replaced, and a template reading it
/// would get the engine's value instead of the author's (a source's `url: https://…` becoming the page's
/// own address, say). Saying so at the key is kinder than a puzzling link later.
enum ReservedKeys {
    static let names: Set<String> = ["url", "collection", "source", "content", "toc", "backlinks",
                                     "previous", "next", "pages"]

    static func check(_ content: ContentSet) throws(BuildFailure) {
        // By index: iterating `content.pages` would copy every page. On all cores: looking at every key of
        // every page touches tens of thousands of values, a visible serial wait on a large site.
        let diagnostics = Array(content.pages.indices).concurrentMap { index -> [Diagnostic] in
            var found: [Diagnostic] = []
            for (key, node) in content.pages[index].frontMatter where names.contains(key) {
                // Top-level keys start at column 1; the node's own position is its value's.
                found.append(Diagnostic(
                    file: content.pages[index].source, line: node.line, column: 1,
                    message: "front-matter key '\(key)' is reserved: templates get page.\(key) from the build; "
                        + "rename it (an external address could be 'link')"))
            }
            return found
        }.flatMap { $0 }
        if !diagnostics.isEmpty { throw BuildFailure(diagnostics: diagnostics) }
    }
}
