import Content
import Foundation

/// The machine-readable files every site gets: `sitemap.xml`, an Atom feed per collection that asks for one,
/// and `robots.txt`. Written in code rather than templates so that escaping and dates are always right.
enum Feeds {
    /// One `<url>` of the sitemap: a site path, and when the page says it was updated, that date as `lastmod`
    /// (W3C's date format allows a year, a month or a day).
    struct Location: Sendable, Equatable {
        let url: String
        let lastmod: PartialDate?
    }

    static func sitemap(pageURLs: [String], baseURL: String,
                        alternates: [String: [(language: String, url: String)]] = [:]) -> Data {
        sitemap(pageURLs.map { Location(url: $0, lastmod: nil) }, baseURL: baseURL, alternates: alternates)
    }

    /// `alternates`: for a page in several languages, every version (`TranslationTable.alternates`), written as
    /// `xhtml:link` elements with `hreflang`, and `x-default` for the default language's. The `xhtml` namespace
    /// is declared only when there are alternates (a one-language site's sitemap is unchanged).
    static func sitemap(_ locations: [Location], baseURL: String,
                        alternates: [String: [(language: String, url: String)]] = [:]) -> Data {
        var data = Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".utf8)
        let xhtml = alternates.isEmpty ? "" : " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""
        data.append(contentsOf: "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"\(xhtml)>\n".utf8)
        let lines = locations.sorted { $0.url < $1.url }.concurrentMap { location in
            let head = "  <url><loc>\(escape(SiteFilters.absoluteURL(location.url, baseURL: baseURL)))</loc>"
                + (location.lastmod.map { "<lastmod>\($0.iso)</lastmod>" } ?? "")
            guard let versions = alternates[location.url] else { return head + "</url>\n" }
            var line = head + "\n"
            for (position, version) in versions.enumerated() {
                let href = escape(SiteFilters.absoluteURL(version.url, baseURL: baseURL))
                line += "    <xhtml:link rel=\"alternate\" hreflang=\"\(escape(version.language))\" href=\"\(href)\"/>\n"
                if position == 0 { line += "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"\(href)\"/>\n" }
            }
            return line + "  </url>\n"
        }
        for line in lines { data.append(contentsOf: line.utf8) }
        data.append(contentsOf: "</urlset>\n".utf8)
        return data
    }

    /// What a feed needs of one page: a few strings and a date, not the whole `Page` (copying ten thousand
    /// pages, each a dozen reference-counted fields, to sort them was most of the feed's time).
    struct Entry: Sendable, Equatable {
        let title: String
        let date: PartialDate?
        let url: String
        let summary: String
        /// `updated:` from front matter, which replaces the date as the entry's `updated` time.
        var updated: PartialDate? = nil
        /// The body as HTML, for feeds with `full_content: true`.
        var content: String? = nil

        /// The entry's `updated` time: its `updated:` date, else its date.
        var modified: PartialDate? { updated ?? date }
    }

    /// A collection's feed settings, besides its entries.
    struct Header: Sendable, Equatable {
        let collection: String
        let title: String
        let siteTitle: String
        var author: String? = nil
        var limit: Int? = nil
    }

    /// One Atom entry per page of the collection, newest first. Atom needs an `updated` time on every entry:
    /// the entry's own date (at midnight UTC, first of month or year when less precise) — never the clock.
    static func atom(collection: String, title: String, siteTitle: String, entries: [Entry], baseURL: String) -> Data {
        atom(Header(collection: collection, title: title, siteTitle: siteTitle), entries: entries, baseURL: baseURL)
    }

    /// The entries' order in a feed, newest first, ties by URL, cut to `limit`: indices into `entries`.
    static func order(_ entries: [Entry], limit: Int?) -> [Int] {
        // Sorted by index, so that sorting moves integers rather than entries.
        let order = entries.indices.sorted { lhs, rhs in
            switch (entries[lhs].date, entries[rhs].date) {
            case let (l?, r?) where l != r: return l > r
            default: return entries[lhs].url < entries[rhs].url
            }
        }
        return limit.map { Array(order.prefix($0)) } ?? order
    }

    /// The feed's own `updated` time: its newest entry's, never the clock.
    static func newest(_ entries: [Entry], _ order: [Int]) -> String {
        order.compactMap { entries[$0].modified }.max().map(timestamp) ?? "1970-01-01T00:00:00Z"
    }

    static func atom(_ header: Header, entries: [Entry], baseURL: String) -> Data {
        let collection = header.collection
        let feedURL = SiteFilters.absoluteURL("/\(collection)/atom.xml", baseURL: baseURL)
        let chosen = Self.order(entries, limit: header.limit)
        let newest = Self.newest(entries, chosen)
        let title = header.title
        let siteTitle = header.siteTitle
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        xml += "  <title>\(escape(siteTitle)): \(escape(title))</title>\n"
        xml += "  <id>\(escape(feedURL))</id>\n"
        xml += "  <link rel=\"self\" href=\"\(escape(feedURL))\"/>\n"
        xml += "  <link href=\"\(escape(SiteFilters.absoluteURL("/\(collection)/", baseURL: baseURL)))\"/>\n"
        xml += "  <updated>\(newest)</updated>\n"
        xml += "  <author><name>\(escape(header.author ?? siteTitle))</name></author>\n"
        // A large collection's feed is ten thousand entries, made on all cores and joined in order.
        let items = chosen.concurrentMap { index in
            let entry = entries[index]
            let link = escape(SiteFilters.absoluteURL(entry.url, baseURL: baseURL))
            return "  <entry>\n"
                + "    <title>\(escape(entry.title))</title>\n"
                + "    <id>\(link)</id>\n"
                + "    <link href=\"\(link)\"/>\n"
                + "    <updated>\(entry.modified.map(timestamp) ?? newest)</updated>\n"
                + "    <summary>\(escape(entry.summary))</summary>\n"
                // Links in the body are relative to the page: `xml:base` says where that is.
                + (entry.content.map { "    <content type=\"html\" xml:base=\"\(link)\">\(escape($0))</content>\n" } ?? "")
                + "  </entry>\n"
        }
        var data = Data(xml.utf8)
        for item in items { data.append(contentsOf: item.utf8) }
        data.append(contentsOf: "</feed>\n".utf8)
        return data
    }

    static func robots(baseURL: String) -> Data {
        Data("User-agent: *\nAllow: /\nSitemap: \(SiteFilters.absoluteURL("/sitemap.xml", baseURL: baseURL))\n".utf8)
    }

    static func timestamp(_ date: PartialDate) -> String {
        padded(date.year, 4) + "-" + padded(date.month ?? 1, 2) + "-" + padded(date.day ?? 1, 2) + "T00:00:00Z"
    }

    /// `number` with leading zeros to `width` digits (what `%0Nd` gives, without Foundation's formatter).
    private static func padded(_ number: Int, _ width: Int) -> String {
        let digits = String(number.magnitude)
        let sign = number < 0 ? "-" : ""
        return sign + String(repeating: "0", count: max(0, width - sign.count - digits.count)) + digits
    }

    /// XML text and attribute escaping; also drops characters XML 1.0 forbids, so a stray control
    /// character in a title cannot make the feed unreadable.
    static func escape(_ text: String) -> String {
        // Most titles and URLs need nothing: check the bytes once before building anything.
        let plain = text.utf8.allSatisfy { byte in
            byte >= 0x20 && byte < 0x80 && byte != UInt8(ascii: "&") && byte != UInt8(ascii: "<") && byte != UInt8(ascii: ">")
                && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "'")
        }
        if plain { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
