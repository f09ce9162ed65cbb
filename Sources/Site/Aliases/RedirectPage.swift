import Foundation

/// The HTML left at an old address: it sends browsers on at once, and tells everyone else where the page went.
///
/// A `<meta http-equiv="refresh">` (works on every static host, with or without JavaScript), a
/// `rel="canonical"` link to the new address (search engines move their entry there), `noindex`, and a plain
/// link for people and programs that do not follow the refresh. The links are relative like every link of the
/// site, so a redirect works under any sub-path; the canonical link is absolute, from `base_url`.
enum RedirectPage {
    static func html(from: String, to target: String, language: String, baseURL: String) -> Data {
        let external = target.contains("://")
        let href = Feeds.escape(external ? target : SitePath.relative(from: from, to: target))
        let canonical = Feeds.escape(external ? target : SiteFilters.absoluteURL(target, baseURL: baseURL))
        let shown = Feeds.escape(external ? target : target.removingPercentEncoding ?? target)
        return Data("""
        <!DOCTYPE html>
        <html lang="\(Feeds.escape(language))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>This page has moved</title>
        <link rel="canonical" href="\(canonical)">
        <meta name="robots" content="noindex">
        <meta http-equiv="refresh" content="0; url=\(href)">
        </head>
        <body>
        <main>
        <h1>This page has moved</h1>
        <p>It is now at <a href="\(href)">\(shown)</a>.</p>
        </main>
        </body>
        </html>

        """.utf8)
    }
}
