/// Groups the link check's findings so that one mistake repeated thousands of times is one report.
///
/// A page with 5,000 broken links of one kind (a generated list, a pasted block of raw HTML) would print
/// 5,000 diagnostics, and finding where each was written searches the page's body and every template, which
/// made the report itself quadratic. So the links of one page are grouped by kind (the reason with its quoted
/// parts left out); only the first three of each group are located, the last with a note saying how many more there
/// are. A script in the output (`ScriptAttribute`) is a graver finding: the first ten of a kind are each reported.
/// What many pages then share (one template line breaking a link everywhere) is merged by `RepeatedLinkErrors`.
struct BrokenLinkGroups {
    /// The links reported one by one, in the check's order, each with its group's index.
    private var shown: [(link: BrokenLink, group: Int)] = []
    /// Per group: how many of it are shown, and the hrefs of the others, in document order.
    private var groups: [(shown: Int, others: [String])] = []

    init(_ links: [BrokenLink]) {
        var positions: [String: Int] = [:]
        for link in links {
            let key = link.page + "\u{0}" + Self.kind(of: link.reason)
            guard let group = positions[key] else {
                positions[key] = groups.count
                shown.append((link, groups.count))
                groups.append((1, []))
                continue
            }
            if groups[group].shown < (link.headline == nil ? 3 : 10) {
                groups[group].shown += 1
                shown.append((link, group))
            } else {
                groups[group].others.append(link.href)
            }
        }
    }

    /// One diagnostic per shown link, located by `locate`, the last of each group noting the others, with the
    /// link it reports (for `RepeatedLinkErrors`, which merges what many pages share).
    func reports(_ locate: (BrokenLink) -> Diagnostic) -> [(link: BrokenLink, diagnostic: Diagnostic)] {
        var result: [(link: BrokenLink, diagnostic: Diagnostic)] = []
        var remaining = groups.map(\.shown)
        for (link, group) in shown {
            var diagnostic = locate(link)
            remaining[group] -= 1
            let others = groups[group].others
            if remaining[group] == 0, !others.isEmpty {
                let examples = others.prefix(3).map { "'\($0)'" }.joined(separator: ", ")
                diagnostic.notes.append("and \(others.count) more like it on the same page (\(examples)\(others.count > 3 ? ", …" : ""))")
            }
            result.append((link, diagnostic))
        }
        return result
    }

    /// The reason with every quoted part emptied: "no element with id 'x' on /a/" and "… id 'y' on /b/" are one kind.
    static func kind(of reason: String) -> String {
        var kind = ""
        var quoted = false
        for character in reason {
            if character == "'" {
                quoted.toggle()
                kind.append(character)
            } else if !quoted {
                kind.append(character)
            }
        }
        return kind
    }
}
