import Foundation
import Testing
@testable import Site

/// The Chinese edition as built (issue #22, Acceptance): every quotation in a Chinese page's text is marked up as
/// a quotation with its source, `<q data-source="<source slug>">…</q>`, so that it can be checked against the
/// source text, and each is in that text word for word.
@Suite("The Chinese edition's quotations, as built")
struct ChineseEditionMarkupTests {
    static let root = ChineseEditionTests.root

    /// A quotation found in a page's text, as the check reports it.
    struct Problem: Equatable, CustomStringConvertible {
        var page: String
        var text: String
        var reason: String
        var description: String { "\(page): “\(text)” \(reason)" }
    }

    /// The problems of one built page: everywhere in its `<main>` (its Markdown, and the front-matter text the
    /// templates show: titles, summaries, notes, table cells; the pictures' SVG and English passages marked
    /// `lang="en"` aside), every `“…”` must be inside a `<q>` or `<blockquote>` element, every such element must
    /// name an existing source page in `data-source` (`sources`, slugs), and its text must be in `sourceText`.
    static func problems(page: String, html: String, sources: Set<String>, sourceText: String) -> [Problem] {
        var problems: [Problem] = []
        for main in matches(#"<main\b[^>]*>(.*?)</main>"#, in: html) {
            var text = main.replacingOccurrences(of: #"(?s)<svg\b.*?</svg>"#, with: "", options: .regularExpression)
            text = text.replacingOccurrences(of: #"<(span|p|h1)\b[^>]*\blang="en"[^>]*>[^<]*</\1>"#, with: "", options: .regularExpression)
            // Inline quotations first, then whole quoted passages: a Markdown `>` quote whose words are a `<q>` is
            // that quotation, and a `<blockquote>` left with words of its own must name its source itself.
            for element in ["q", "blockquote"] {
                let quotation = try! NSRegularExpression(pattern: "<\(element)(\\s[^>]*)?>(.*?)</\(element)>",
                                                         options: [.dotMatchesLineSeparators])
                let range = NSRange(text.startIndex..., in: text)
                for match in quotation.matches(in: text, range: range) {
                    let attributes = Range(match.range(at: 1), in: text).map { String(text[$0]) } ?? ""
                    let quoted = plainText(String(text[Range(match.range(at: 2), in: text)!]))
                        .trimmingCharacters(in: .whitespacesAndNewlines)
                    if element == "blockquote", quoted.isEmpty { continue }
                    let source = matches(#"data-source="([^"]*)""#, in: attributes).first
                    if source == nil {
                        problems.append(Problem(page: page, text: quoted, reason: "has no data-source"))
                    } else if !sources.contains(source!) {
                        problems.append(Problem(page: page, text: quoted, reason: "names '\(source!)', which is no source page"))
                    }
                    if !sourceText.contains(quoted) {
                        problems.append(Problem(page: page, text: quoted, reason: "is not in the source text word for word"))
                    }
                }
                text = quotation.stringByReplacingMatches(in: text, range: range, withTemplate: "")
            }
            let outside = plainText(text)
            for unmarked in matches(#"“([^”]*)”"#, in: outside) {
                problems.append(Problem(page: page, text: unmarked, reason: "is not marked up as a quotation (<q data-source>)"))
            }
        }
        return problems
    }

    private static func matches(_ pattern: String, in text: String) -> [String] {
        let expression = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    /// The text of an HTML fragment: tags dropped, the entities the Markdown renderer writes decoded.
    private static func plainText(_ html: String) -> String {
        html.replacingOccurrences(of: #"<[^>]*>"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test func everyQuotationIsMarkedUpWithItsSource() throws {
        let site = try SiteBuilder.build(BuildOptions(root: Self.root))
        let sourceText = try String(contentsOf: Self.root.appendingPathComponent("ledger/wsj-report.zh.txt"), encoding: .utf8)
        let pages = site.files.keys.filter { $0.hasPrefix("zh/") && $0.hasSuffix(".html") }.sorted()
        let sources = Set(pages.compactMap { path -> String? in
            let parts = path.split(separator: "/")
            return parts.count == 4 && parts[1] == "sources" && parts[3] == "index.html" ? String(parts[2]) : nil
        })
        #expect(pages.count > 70)
        #expect(sources.contains("chinese-republication"))
        var quotations = 0
        for page in pages {
            let html = try #require(site.text(page))
            quotations += html.components(separatedBy: "<q ").count - 1
            let found = Self.problems(page: page, html: html, sources: sources, sourceText: sourceText)
            #expect(found.isEmpty, "\(found.map(\.description).joined(separator: "\n"))")
        }
        #expect(quotations > 80)
    }

    /// Every English page has its Chinese page and back, each naming the other in its head (`hreflang`, with
    /// `x-default` the English one) and in its language switcher. (The 404 pages, which have no alternates in their
    /// head, are linked by their switchers.)
    @Test func everyPageHasItsOtherEditionLinkedBothWays() throws {
        let site = try SiteBuilder.build(BuildOptions(root: Self.root))
        let home = try #require(site.text("index.html"))
        let base = try #require(Self.matches(#"<link rel="canonical" href="([^"]*)">"#, in: home).first)
        let file = { (url: String) -> String in
            let path = String(url.dropFirst(base.count))
            return path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
        }
        let pages = site.files.keys.filter { $0.hasSuffix(".html") && !$0.hasSuffix("404.html") && !$0.hasPrefix("zh/404/") }
        let english = pages.filter { !$0.hasPrefix("zh/") }.sorted()
        #expect(english.count == pages.count - english.count, "as many Chinese pages as English ones")
        for page in english {
            let html = try #require(site.text(page))
            let url = try #require(Self.matches(#"<link rel="canonical" href="([^"]*)">"#, in: html).first)
            let chinese = try #require(Self.matches(#"<link rel="alternate" hreflang="zh" href="([^"]*)">"#, in: html).first,
                                       "\(page) names no Chinese version")
            #expect(Self.matches(#"<link rel="alternate" hreflang="x-default" href="([^"]*)">"#, in: html) == [url], "\(page)")
            #expect(html.contains(#"hreflang="zh" lang="zh" rel="alternate">中文</a>"#), "\(page): no switcher to 中文")
            let other = try #require(site.text(file(chinese)), "\(page) names \(chinese), which the site does not have")
            #expect(Self.matches(#"<link rel="alternate" hreflang="en" href="([^"]*)">"#, in: other) == [url],
                    "\(file(chinese)) does not name \(url) as its English version")
            #expect(other.contains(#"hreflang="en" lang="en" rel="alternate">English</a>"#), "\(file(chinese)): no switcher to English")
            #expect(other.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh\">"), "\(file(chinese))")
        }
        #expect(english.count > 70)
    }

    /// Words the build writes itself (a heading's `#` link, the search page's announcements) are in the page's
    /// language, from i18n/zh.yml, on the Chinese pages.
    @Test func theBuildsOwnWordsAreChineseOnChinesePages() throws {
        let site = try SiteBuilder.build(BuildOptions(root: Self.root))
        let chinese = site.files.keys.filter { $0.hasPrefix("zh/") && $0.hasSuffix(".html") }.sorted()
        var anchors = 0
        for page in chinese {
            let html = try #require(site.text(page))
            #expect(!html.contains("Link to this section"), "\(page) labels a heading's link in English")
            anchors += html.components(separatedBy: #"class="anchor""#).count - 1
        }
        let english = try #require(site.text("about/index.html"))
        #expect(english.contains(#"aria-label="Link to this section">#"#))
        #expect(anchors > 0, "no Chinese page has a heading link to check")
        let search = try #require(site.text("zh/search/index.html"))
        #expect(search.contains(#"data-msg-empty="请输入要搜索的词。""#))
        #expect(!search.contains("Type a word"))
    }

    /// The check above can fail: an unmarked quotation, one without its source, and one in other words are found.
    @Test func anUnmarkedOrUnsourcedQuotationIsCaught() {
        let sources: Set<String> = ["chinese-republication"]
        let text = "他回复说:“这就是最后一根稻草了。”"
        let check = { (prose: String) in
            Self.problems(page: "p", html: "<main><div class=\"prose\">\(prose)</div></main>", sources: sources, sourceText: text)
                .map(\.reason)
        }
        #expect(check("<p>马斯克回复说：<q data-source=\"chinese-republication\">这就是最后一根稻草了。</q></p>").isEmpty)
        #expect(check("<p>马斯克回复说：“这就是最后一根稻草了。”</p>") == ["is not marked up as a quotation (<q data-source>)"])
        #expect(check("<p><q>这就是最后一根稻草了。</q></p>") == ["has no data-source"])
        #expect(check("<p><q data-source=\"blog\">这就是最后一根稻草了。</q></p>") == ["names 'blog', which is no source page"])
        #expect(check("<p><q data-source=\"chinese-republication\">这是最后一根稻草。</q></p>") == ["is not in the source text word for word"])
        // Front-matter text the templates show is checked too (a summary in the header), and a passage quoted whole.
        #expect(check("</div><p class=\"lede\">“这就是最后一根稻草了。”</p><div class=\"prose\">")
                == ["is not marked up as a quotation (<q data-source>)"])
        #expect(check("<blockquote lang=\"zh\"><p>这就是最后一根稻草了。</p></blockquote>") == ["has no data-source"])
        #expect(check("<blockquote data-source=\"chinese-republication\"><p>这就是最后一根稻草了。</p></blockquote>").isEmpty)
        // English on a Chinese page (a source's translated title) is not the edition's quotation; an attribute is no text.
        #expect(check("<p class=\"lede\" lang=\"en\">“WSJ exclusive”</p><p data-msg=\"与“{query}”\">x</p>").isEmpty)
    }
}
