import Content
import Templates

/// The templates that replace the built-in machine-readable files, and what each of them sees besides `site`
/// and `collections` (README, "Feeds, sitemap and robots.txt").
enum FeedTemplates {
    static let atom = "atom.xml"
    static let sitemap = "sitemap.xml"
    static let robots = "robots.txt"

    /// `pages`: every listed page as `{url, path, lastmod, alternates}` (`lastmod` an ISO date at its precision,
    /// or none; `alternates` every version of a page in several languages as `{lang, url, path}`, the default
    /// language's first — the `x-default` — and empty for a page in one language).
    static func sitemapContext(_ locations: [Feeds.Location], baseURL: String,
                               alternates: [String: [(language: String, url: String)]] = [:]) -> [String: Value] {
        let pages = locations.sorted { $0.url < $1.url }.map { location in
            let versions = (alternates[location.url] ?? []).map { version in
                Value.dictionary(OrderedDictionary([
                    ("lang", .string(version.language)),
                    ("url", .string(SiteFilters.absoluteURL(version.url, baseURL: baseURL))),
                    ("path", .string(version.url)),
                ]))
            }
            return Value.dictionary(OrderedDictionary([
                ("url", .string(SiteFilters.absoluteURL(location.url, baseURL: baseURL))),
                ("path", .string(location.url)),
                ("lastmod", location.lastmod.map { .string($0.iso) } ?? .none),
                ("alternates", .array(versions)),
            ]))
        }
        return ["pages": .array(pages)]
    }

    /// `feed`: `{collection, title, url, site_url, updated, author, entries}`; each entry
    /// `{title, url, updated, summary, content, page}`, newest first and cut to the limit, with `updated` an
    /// Atom timestamp, `content` the body's HTML with `full_content` (as text, so that it is escaped
    /// for `<content type="html">`), and `page` the page as lists see it.
    static func atomContext(_ header: Feeds.Header, entries: [Feeds.Entry], cards: [Value], baseURL: String) -> [String: Value] {
        let order = Feeds.order(entries, limit: header.limit)
        let newest = Feeds.newest(entries, order)
        let items = order.map { index in
            let entry = entries[index]
            return Value.dictionary(OrderedDictionary([
                ("title", .string(entry.title)),
                ("url", .string(SiteFilters.absoluteURL(entry.url, baseURL: baseURL))),
                ("updated", .string(entry.modified.map(Feeds.timestamp) ?? newest)),
                ("summary", .string(entry.summary)),
                ("content", entry.content.map(Value.string) ?? .none),
                ("page", cards[index]),
            ]))
        }
        return ["feed": .dictionary(OrderedDictionary([
            ("collection", .string(header.collection)),
            ("title", .string(header.title)),
            ("url", .string(SiteFilters.absoluteURL("/\(header.collection)/atom.xml", baseURL: baseURL))),
            ("site_url", .string(SiteFilters.absoluteURL("/\(header.collection)/", baseURL: baseURL))),
            ("updated", .string(newest)),
            ("author", .string(header.author ?? header.siteTitle)),
            ("entries", .array(items)),
        ]))]
    }
}
