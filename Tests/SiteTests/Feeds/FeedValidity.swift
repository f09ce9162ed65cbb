import Foundation

/// The rules of the sitemap protocol's schema (sitemaps.org/schemas/sitemap/0.9) and of Atom (RFC 4287) that a
/// generated file can break, checked on the parsed document: one message per broken rule, none when valid.
enum FeedValidity {
    static let sitemapNamespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    static let atomNamespace = "{http://www.w3.org/2005/Atom}"

    /// W3C datetime as the sitemap schema allows it: a year, a month, a day, or a day and time with zone.
    nonisolated(unsafe) private static let w3cDate = #/\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?/#
    /// RFC 3339 date-time, as Atom's `updated` requires.
    nonisolated(unsafe) private static let rfc3339 = #/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})/#

    static func sitemapProblems(_ data: Data) -> [String] {
        guard let root = XMLTree.parse(data) else { return ["not well-formed XML"] }
        guard root.name == sitemapNamespace + "urlset" else { return ["the root is \(root.name), not urlset"] }
        var problems: [String] = []
        if root.children.count > 50_000 { problems.append("more than 50,000 URLs") }
        for url in root.children {
            guard url.name == sitemapNamespace + "url" else { problems.append("unexpected \(url.name) in urlset"); continue }
            let known = ["loc", "lastmod", "changefreq", "priority"].map { sitemapNamespace + $0 }
            for child in url.children where !known.contains(child.name) { problems.append("unexpected \(child.name) in url") }
            guard let loc = url.one(sitemapNamespace + "loc") else { problems.append("a url without exactly one loc"); continue }
            if !(loc.text.hasPrefix("http://") || loc.text.hasPrefix("https://")) || loc.text.count > 2048 || loc.text.count < 12 {
                problems.append("loc is not an absolute URL of 12 to 2,048 characters: \(loc.text)")
            }
            if url.all(sitemapNamespace + "lastmod").count > 1 { problems.append("more than one lastmod") }
            if let lastmod = url.one(sitemapNamespace + "lastmod"), (try? w3cDate.wholeMatch(in: lastmod.text)) == nil {
                problems.append("lastmod is not a W3C date: \(lastmod.text)")
            }
        }
        return problems
    }

    static func atomProblems(_ data: Data) -> [String] {
        guard let root = XMLTree.parse(data) else { return ["not well-formed XML"] }
        guard root.name == atomNamespace + "feed" else { return ["the root is \(root.name), not an Atom feed"] }
        var problems: [String] = []
        func element(_ name: String) -> String { atomNamespace + name }
        func checkCommon(_ node: XMLTree, _ what: String) {
            for name in ["id", "title", "updated"] where node.one(element(name)) == nil {
                problems.append("\(what) without exactly one \(name)")
            }
            if let updated = node.one(element("updated")), (try? rfc3339.wholeMatch(in: updated.text)) == nil {
                problems.append("\(what) updated is not an RFC 3339 time: \(updated.text)")
            }
            if let id = node.one(element("id")), !id.text.contains(":") { problems.append("\(what) id is not an IRI: \(id.text)") }
            for author in node.all(element("author")) where author.one(element("name")) == nil {
                problems.append("\(what) author without a name")
            }
        }
        checkCommon(root, "the feed")
        let entries = root.all(element("entry"))
        if root.all(element("author")).isEmpty && entries.contains(where: { $0.all(element("author")).isEmpty }) {
            problems.append("neither the feed nor every entry has an author")
        }
        for entry in entries {
            checkCommon(entry, "an entry")
            let alternate = entry.all(element("link")).filter { ($0.attributes["rel"] ?? "alternate") == "alternate" }
            if entry.all(element("content")).isEmpty && alternate.isEmpty { problems.append("an entry without content or an alternate link") }
            if entry.all(element("content")).count > 1 || entry.all(element("summary")).count > 1 {
                problems.append("an entry with more than one content or summary")
            }
            for content in entry.all(element("content")) where !["text", "html", "xhtml", nil].contains(content.attributes["type"]) {
                problems.append("content of unknown type")
            }
        }
        return problems
    }
}
