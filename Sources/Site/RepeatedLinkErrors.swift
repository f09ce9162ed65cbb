/// One report for a broken link that many pages share: a link in a header or footer template is broken on every
/// page, and fifty identical errors hide the one other error in the list.
///
/// Links are the same error when they were traced to the same place (file, line and column) and lead to the
/// same site path for the same reason; their `href`s may differ (`../x/` on one page, `../../x/` on another).
/// The first is kept, in the checker's order, its message saying on how many pages the link is broken.
enum RepeatedLinkErrors {
    private struct Key: Hashable {
        var file: String?
        var line: Int?
        var column: Int?
        var sitePath: String
        var reason: String
    }

    static func merge(_ reports: [(link: BrokenLink, diagnostic: Diagnostic)]) -> [Diagnostic] {
        var order: [Key] = []
        var groups: [Key: (diagnostic: Diagnostic, pages: [String])] = [:]
        for (link, diagnostic) in reports {
            let key = Key(file: diagnostic.file, line: diagnostic.line, column: diagnostic.column,
                          sitePath: link.sitePath, reason: link.reason)
            if groups[key] == nil {
                order.append(key)
                groups[key] = (diagnostic, [])
            }
            groups[key]?.pages.append(link.page)
        }
        return order.compactMap { key in
            guard let group = groups[key] else { return nil }
            var diagnostic = group.diagnostic
            let pages = group.pages
            if pages.count > 1 {
                diagnostic.message += " (on \(pages.count) pages)"
                let shown = pages.prefix(3).map { "/" + $0 }.joined(separator: ", ")
                diagnostic.notes.append("broken on \(shown)\(pages.count > 3 ? " and \(pages.count - 3) more" : "")")
            }
            return diagnostic
        }
    }
}
