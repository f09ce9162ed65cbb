import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Hostile text in front matter and Markdown, built with the real microsite templates, must come out inert
/// everywhere the templates put it: page text, attributes, `<title>`, meta and Open Graph tags, JSON-LD,
/// the Atom feed and the sitemap. And content is data, never template code.
@Suite(.serialized) struct EscapingTests {
    static let hostile = #"Evil <script>alert(1)</script> "dq" 'sq' </script> {{ 7*7 }} {% include "x" %}"#
    static let hostileSummary = #"Summary <script>alert(2)</script> "dq" 'sq' javascript:alert(3) {{ 7*7 }} {% include "x" %}"#
    static let hostileLabel = #"Label <script>alert(4)</script> {{ 7*7 }}"#
    static let hostileName = #"<img src=x onerror="alert(5)"> '{{ 7*7 }}'"#

    /// The real microsite (templates, static files, content, the ledger's source text, site.yml) plus hostile pages
    /// written here. Each hostile page lists a real passage of the source, with a hostile claim, and accounts for
    /// the quotations in its hostile text ("dq", "x"), as the microsite's claims ledger requires. The hostile pages
    /// have no Chinese translation, so an untranslated page is only a warning here (the microsite makes it an error).
    private func micrositeWithHostilePages() throws -> ScratchSite {
        let site = try ScratchSite()
        for folder in ["templates", "static", "content", "ledger", "data", "i18n"] {
            try FileManager.default.copyItem(at: ScratchSite.packageRoot.appendingPathComponent(folder), to: site.url(folder))
        }
        let settings = try String(contentsOf: ScratchSite.packageRoot.appendingPathComponent("site.yml"), encoding: .utf8)
        try #require(settings.contains("  missing: error\n"))
        try site.write(settings.replacingOccurrences(of: "  missing: error\n", with: "  missing: warning\n"), to: "site.yml")
        try site.write("""
            ---
            title: \(yaml(Self.hostile))
            date: 2016-03-04
            date_label: \(yaml(Self.hostileLabel))
            era: rivals
            summary: \(yaml(Self.hostileSummary))
            people: [evil-person]
            sources: [wsj-report]
            \(passages)
            ---
            Body <script>alert(6)</script> and `</script>` in code, {{ 7*7 }} and {% include "x" %}.

            A [link to the person](../people/evil-person.md).

            """, to: "content/timeline/evil-event.md")
        try site.write("""
            ---
            title: \(yaml(Self.hostile))
            name_zh: \(yaml(Self.hostileName))
            role: \(yaml(Self.hostileName))
            summary: \(yaml(Self.hostileSummary))
            sources: [wsj-report]
            \(passages)
            ---
            Text {{ page.title }} {% for x in [1] %}loop{% endfor %}.

            """, to: "content/people/evil-person.md")
        return site
    }

    /// A `passages:` entry quoting the source exactly, with hostile text as its claim.
    private var passages: String {
        "passages: [{quote: \"2015年初,马斯克和阿尔特曼开始在湾区固定每周三见面吃晚饭。\", claim: \(yaml(Self.hostileLabel)), shown: [dq, x]}]"
    }

    private func yaml(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    @Test func hostileTextIsInertEverywhere() throws {
        let binary = try BuildSiteBinary.locate()
        let site = try micrositeWithHostilePages()
        defer { site.remove() }
        let outcome = try binary.run(["--root", site.root.path, "--quiet"])
        try #require(outcome.status == 0, "the microsite with hostile pages must build:\n\(outcome.stderr)")

        for page in ["site/timeline/evil-event/index.html", "site/people/evil-person/index.html"] {
            let html = try site.read(page)
            // No live script from content: the only <script> elements are the templates' own.
            for script in HTMLProbe.elements("script", in: html) where !script.attributes.contains("application/ld+json") {
                #expect(!script.body.contains("alert("), "\(page): script element runs content: \(script.body.prefix(200))")
            }
            #expect(!html.contains("<script>alert"), "\(page)")
            #expect(!html.contains("<img src=x"), "\(page)")
            #expect(html.contains("{{ 7*7 }}"), "\(page): content was evaluated as template code")
            // <title> holds the title as text.
            let title = try #require(HTMLProbe.elements("title", in: html).first)
            #expect(HTMLProbe.unescape(title.body).hasPrefix(Self.hostile), "\(page): <title>\(title.body)</title>")
            // Attributes: the value, unescaped, is the whole hostile text; nothing broke out of the quotes.
            let ogTitle = try #require(HTMLProbe.attribute("content", ofTagContaining: #"property="og:title""#, in: html))
            #expect(HTMLProbe.unescape(ogTitle) == Self.hostile, "\(page): og:title = \(ogTitle)")
            let description = try #require(HTMLProbe.attribute("content", ofTagContaining: #"name="description""#, in: html))
            #expect(!description.contains("\""), "\(page)")
            #expect(HTMLProbe.unescape(description).contains("javascript:alert(3) {{ 7*7 }}"), "\(page): description = \(description)")
            // JSON-LD: '</script>' must not end the block early; the block parses and holds the exact text.
            let jsonBlocks = HTMLProbe.elements("script", in: html).filter { $0.attributes.contains("application/ld+json") }
            #expect(!jsonBlocks.isEmpty, "\(page): no JSON-LD")
            for block in jsonBlocks {
                #expect(!block.body.contains("</"), "\(page): JSON-LD contains '</'")
                #expect(block.body.contains(#"\u003c/script\u003e"#), "\(page): the json filter escapes '<' and '>'")
                let object = try JSONSerialization.jsonObject(with: Data(block.body.utf8))
                let strings = HTMLProbe.strings(in: object)
                #expect(strings.contains(Self.hostile), "\(page): JSON-LD strings \(strings.prefix(4))")
            }
        }

        let event = try site.read("site/timeline/evil-event/index.html")
        #expect(HTMLProbe.text(of: "h1", in: event).contains(Self.hostile))
        #expect(event.contains(HTMLProbe.escape(Self.hostileLabel)), "date_label is shown as text")
        #expect(event.contains("Body &lt;script>alert(6)&lt;/script>") || event.contains("Body &lt;script&gt;alert(6)&lt;/script&gt;"),
                "raw <script> in Markdown is neutralised by the GFM tag filter")
        #expect(event.contains("<code>&lt;/script&gt;</code>"))
        #expect(event.contains("{{ 7*7 }} and {% include &quot;x&quot; %}") || event.contains("{{ 7*7 }} and {% include &#34;x&#34; %}"),
                "Markdown text is not template code")
        let person = try site.read("site/people/evil-person/index.html")
        #expect(person.contains("Text {{ page.title }} {% for x in [1] %}loop{% endfor %}."))
        #expect(person.contains(HTMLProbe.escape(Self.hostileName)))

        // Lists that show the hostile title and summary.
        for list in ["site/timeline/index.html", "site/people/index.html"] {
            let html = try site.read(list)
            #expect(html.contains(HTMLProbe.escape(Self.hostile)), "\(list) shows the title escaped")
            #expect(!html.contains("<script>alert"), "\(list)")
            #expect(!html.contains("<img src=x"), "\(list)")
        }

        // The feed and the sitemap are well-formed XML holding the exact text.
        let feed = try XMLTexts(data: Data(contentsOf: site.url("site/timeline/atom.xml")))
        #expect(feed.texts["title"]?.contains(Self.hostile) == true, "atom.xml titles: \(feed.texts["title"] ?? [])")
        #expect(feed.texts["summary"]?.contains { $0.contains("javascript:alert(3) {{ 7*7 }}") } == true)
        let sitemap = try XMLTexts(data: Data(contentsOf: site.url("site/sitemap.xml")))
        #expect(sitemap.texts["loc"]?.contains { $0.hasSuffix("/timeline/evil-event/") } == true)
    }

    @Test func javascriptAddressInFrontMatterFailsTheBuild() throws {
        let binary = try BuildSiteBinary.locate()
        let site = try micrositeWithHostilePages()
        defer { site.remove() }
        try site.write("""
            ---
            title: A source with a script address
            publisher: Nobody
            language: en
            link: "javascript:alert(1)"
            ---
            Text.

            """, to: "content/sources/evil-source.md")
        let before = try site.plantPreviousOutput()
        let outcome = try binary.run(["--root", site.root.path])
        try BuildExpectations.checkFailure(outcome, in: site, before: before)
        #expect(outcome.errorLines.contains { $0.contains("javascript: links are not allowed") }, "\(outcome.stderr)")
    }
}

/// Just enough HTML inspection for these tests: our own output is well-formed, so regular expressions do.
enum HTMLProbe {
    struct Element { var attributes: String; var body: String }

    static func elements(_ name: String, in html: String) -> [Element] {
        let pattern = "<\(name)(\\s[^>]*)?>(.*?)</\(name)>"
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators, .caseInsensitive]) else { return [] }
        let range = NSRange(html.startIndex..., in: html)
        return regex.matches(in: html, range: range).map { match in
            let attributes = Range(match.range(at: 1), in: html).map { String(html[$0]) } ?? ""
            let body = Range(match.range(at: 2), in: html).map { String(html[$0]) } ?? ""
            return Element(attributes: attributes, body: body)
        }
    }

    static func text(of name: String, in html: String) -> [String] {
        elements(name, in: html).map { unescape($0.body.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)) }
    }

    /// The value of `attribute` in the first tag whose source contains `marker`.
    static func attribute(_ attribute: String, ofTagContaining marker: String, in html: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: "<[a-z]+\\s[^>]*>", options: .caseInsensitive) else { return nil }
        for match in regex.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
            guard let range = Range(match.range, in: html) else { continue }
            let tag = String(html[range])
            guard tag.contains(marker), let start = tag.range(of: " \(attribute)=\"") else { continue }
            let rest = tag[start.upperBound...]
            return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
        }
        return nil
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&#34;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }

    static func unescape(_ text: String) -> String {
        var result = text
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&#34;", "\""), ("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&amp;", "&")] {
            result = result.replacingOccurrences(of: entity, with: character)
        }
        return result
    }

    /// Every string anywhere in a parsed JSON value.
    static func strings(in object: Any) -> [String] {
        switch object {
        case let text as String: return [text]
        case let array as [Any]: return array.flatMap(strings)
        case let mapping as [String: Any]: return mapping.values.flatMap(strings)
        default: return []
        }
    }
}

/// The text of every element of an XML document, by element name; parsing fails on malformed XML.
final class XMLTexts: NSObject, XMLParserDelegate {
    private(set) var texts: [String: [String]] = [:]
    private var stack: [(name: String, text: String)] = []

    init(data: Data) throws {
        super.init()
        let parser = XMLParser(data: data)
        parser.delegate = self
        guard parser.parse() else {
            throw XMLProblem(description: parser.parserError.map { "\($0)" } ?? "malformed XML")
        }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        stack.append((name, ""))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if !stack.isEmpty { stack[stack.count - 1].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard let element = stack.popLast() else { return }
        texts[element.name, default: []].append(element.text)
    }

    struct XMLProblem: Error, CustomStringConvertible { let description: String }
}
