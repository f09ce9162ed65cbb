import Content
import Foundation

/// The machine-readable files every site gets: `sitemap.xml`, an Atom feed per collection that asks for one,
/// and `robots.txt`. Written in code rather than templates so that escaping and dates are always right.
enum Feeds {
    static func sitemap(pageURLs: [String], baseURL: String) -> Data {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for url in pageURLs.sorted() {
            xml += "  <url><loc>\(escape(SiteFilters.absoluteURL(url, baseURL: baseURL)))</loc></url>\n"
        }
        xml += "</urlset>\n"
        return Data(xml.utf8)
    }

    /// One Atom entry per page of the collection, newest first. Atom needs an `updated` time on every entry:
    /// the entry's own date (at midnight UTC, first of month or year when less precise) — never the clock.
    static func atom(collection: String, title: String, siteTitle: String, entries: [(page: Page, url: String, summary: String)],
                     baseURL: String) -> Data {
        let feedURL = SiteFilters.absoluteURL("/\(collection)/atom.xml", baseURL: baseURL)
        let sorted = entries.sorted { lhs, rhs in
            switch (lhs.page.date, rhs.page.date) {
            case let (l?, r?) where l != r: return l > r
            default: return lhs.url < rhs.url
            }
        }
        let newest = sorted.compactMap(\.page.date).max().map(timestamp) ?? "1970-01-01T00:00:00Z"
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        xml += "  <title>\(escape(siteTitle)): \(escape(title))</title>\n"
        xml += "  <id>\(escape(feedURL))</id>\n"
        xml += "  <link rel=\"self\" href=\"\(escape(feedURL))\"/>\n"
        xml += "  <link href=\"\(escape(SiteFilters.absoluteURL("/\(collection)/", baseURL: baseURL)))\"/>\n"
        xml += "  <updated>\(newest)</updated>\n"
        xml += "  <author><name>\(escape(siteTitle))</name></author>\n"
        for entry in sorted {
            let link = SiteFilters.absoluteURL(entry.url, baseURL: baseURL)
            xml += "  <entry>\n"
            xml += "    <title>\(escape(entry.page.title))</title>\n"
            xml += "    <id>\(escape(link))</id>\n"
            xml += "    <link href=\"\(escape(link))\"/>\n"
            xml += "    <updated>\(entry.page.date.map(timestamp) ?? newest)</updated>\n"
            xml += "    <summary>\(escape(entry.summary))</summary>\n"
            xml += "  </entry>\n"
        }
        xml += "</feed>\n"
        return Data(xml.utf8)
    }

    static func robots(baseURL: String) -> Data {
        Data("User-agent: *\nAllow: /\nSitemap: \(SiteFilters.absoluteURL("/sitemap.xml", baseURL: baseURL))\n".utf8)
    }

    private static func timestamp(_ date: PartialDate) -> String {
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
