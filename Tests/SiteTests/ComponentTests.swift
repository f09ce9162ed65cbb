import Foundation
import Testing
@testable import Site

/// Components in Markdown: `{{< figure … >}}` and `{{< aside >}} … {{< /aside >}}`, rendered with
/// `templates/components/`, and every mistake in a call located in the Markdown.
@Suite("Components in Markdown")
struct ComponentTests {
    static let figure = """
        {# component
           arguments: src, alt, caption?, credit?
        -#}
        <figure>{{ image }}{% if caption %}<figcaption>{{ caption }}{% if credit %} <small>{{ credit }}</small>{% endif %}</figcaption>{% endif %}</figure>
        """
    static let aside = """
        {# component
           arguments: kind?
           body: markdown
        -#}
        <aside class="note note--{{ kind | default('note') }}">{{ body }}</aside>
        """
    static let tag = """
        {# component arguments: text, href? #}<span class="tag">{% if href is defined %}<a href="{{ href }}">{{ text }}</a>{% else %}{{ text }}{% endif %}</span>
        """

    /// The basic fixture with three components, an image in `static/img/`, and `about.md`'s body replaced.
    func site(body: String) throws -> FixtureSite {
        let fixture = try FixtureSite()
        try fixture.write("templates/components/figure.html", Self.figure)
        try fixture.write("templates/components/aside.html", Self.aside)
        try fixture.write("templates/components/tag.html", Self.tag)
        let images = try #require(Bundle.module.url(forResource: "Fixtures/images", withExtension: nil))
        try FileManager.default.copyItem(at: images, to: fixture.root.appendingPathComponent("static/img"))
        try fixture.replace(in: "content/about.md", "## Method\n\nBack [home](index.md).", with: body)
        return fixture
    }

    func page(_ body: String) throws -> String {
        let fixture = try site(body: body)
        defer { fixture.remove() }
        let html = try #require(try fixture.build().text("about/index.html"))
        let start = try #require(html.range(of: "<h1>About</h1>"))
        return String(html[start.upperBound...].prefix(while: { _ in true }))
    }

    /// The build's diagnostics for a body, as `file:line:col: error: message`.
    func errors(_ body: String) throws -> [String] {
        let fixture = try site(body: body)
        defer { fixture.remove() }
        return fixture.failedBuildDiagnostics()
    }

    @Test func aFigureGivesItsImageCaptionAndCreditInPlaceOfTheParagraph() throws {
        let html = try page("""
            {{< figure src="/img/picture.png" alt="A grid" caption="The plan <draft> & more" credit='WSJ' >}}

            ![Second](/img/tiny.gif)
            """)
        #expect(html.contains(#"<figure><img src="../img/picture.png" alt="A grid" width="640" height="400" />"#
            + #"<figcaption>The plan &lt;draft&gt; &amp; more <small>WSJ</small></figcaption></figure>"#))
        #expect(!html.contains("<p><figure>"), "a call on lines of its own replaces its paragraph")
        #expect(html.contains(#"<img src="../img/tiny.gif" alt="Second" width="3" height="2" loading="lazy" />"#),
                "the figure's image was the page's first")
    }

    @Test func aPairedComponentRendersItsBodyAsMarkdown() throws {
        let html = try page("""
            Before.

            {{< aside kind="warning" >}}
            Read **this** about [Ada](people/ada.md) and {{< tag text="a tag" href="/timeline/first/" >}}.

            {{< aside >}}Nested.{{< /aside >}}
            {{< /aside >}}

            After, inline: {{< tag text="x" >}} and `{{< not expanded >}}`.

            ```
            {{< aside >}} in a code block
            ```
            """)
        #expect(html.contains(#"<aside class="note note--warning"><p>Read <strong>this</strong> about <a href="../people/ada/">Ada</a> and "#
            + #"<span class="tag"><a href="../timeline/first/">a tag</a></span>.</p>"#))
        #expect(html.contains(#"<aside class="note note--note"><p>Nested.</p>"#))
        #expect(html.contains(#"<p>After, inline: <span class="tag">x</span> and <code>{{&lt; not expanded &gt;}}</code>.</p>"#))
        #expect(html.contains("<pre><code>{{&lt; aside &gt;}} in a code block\n</code></pre>"))
        #expect(!html.contains("<p><aside"))
    }

    // about.md's front matter is four lines: the body's first line is the file's fifth.
    @Test(arguments: [
        ("Text {{< asid >}}x{{< /aside >}}", "content/about.md:5:6: error: unknown component 'asid' — did you mean 'aside'?"),
        ("One.\n\n{{< figure src=\"/img/tiny.gif\" alt=\"x\" captoin=\"y\" >}}",
         "content/about.md:7:40: error: component 'figure' has no argument 'captoin' — did you mean 'caption'?"),
        ("{{< figure alt=\"x\" >}}", "content/about.md:5:1: error: component 'figure' needs the argument 'src'"),
        ("One.\n\n{{< aside >}}\nnever closed", "content/about.md:7:1: error: component 'aside' is never closed: no {{< /aside >}} after it"),
        ("{{< /aside >}}", "content/about.md:5:1: error: {{< /aside >}} closes no component"),
        ("{{< tag text=\"a\" text=\"b\" >}}", "content/about.md:5:18: error: argument 'text' is given twice"),
        ("{{< tag text=a >}}", "content/about.md:5:14: error: expected a value in quotes after text="),
        ("{{< figure src=\"/img/nothing.png\" alt=\"x\" >}}",
         "content/about.md:5:12: error: link to '/img/nothing.png': no page, and no file in static/ or content/, has this site path"),
        ("{{< aside >}}\nFine.\n\nBroken [x](people/nobody.md).\n{{< /aside >}}",
         "content/about.md:8:8: error: link to 'people/nobody.md': there is no content/people/nobody.md"),
        ("{{< aside >}}\nOne\ntwo\n{{< /aside >}}\nAfter {{< tag\n  text=\"t\" >}} and\n[x](people/nobody.md).",
         "content/about.md:11:1: error: link to 'people/nobody.md': there is no content/people/nobody.md"),
    ])
    func aWrongCallIsAnErrorWhereItIs(body: String, expected: String) throws {
        #expect(try errors(body) == [expected])
    }

    @Test(arguments: [("{{<", true), ("x {{< a >}}", true), ("ab{{<", true), ("{ {< {{ <", false), ("{{", false),
                       ("", false), ("{{{<", true), ("é{{<", true)])
    func onlyTextWithACallOpeningIsScanned(text: String, expected: Bool) {
        #expect(ComponentScanner.mayHaveCalls(text) == expected)
    }

    @Test func aComponentWithoutADeclarationIsAnErrorInItsTemplate() throws {
        let fixture = try site(body: "x")
        defer { fixture.remove() }
        try fixture.write("templates/components/quote.html", "<blockquote>{{ body }}</blockquote>")
        try fixture.write("templates/components/bad.html", "{# component\n  argumets: a\n#}x")
        do {
            _ = try fixture.build()
            Issue.record("the build should have failed")
        } catch {
            #expect(error.diagnostics.map(\.description).sorted() == [
                "templates/components/bad.html:2:3: error: unknown key 'argumets' in the component's declaration — did you mean 'arguments'?",
                "templates/components/quote.html:1:1: error: a component starts with a comment declaring its arguments: "
                    + "{# component arguments: name, other? body: markdown #}",
            ])
        }
    }

    @Test func anErrorInAComponentsTemplateNamesTheCall() throws {
        let fixture = try site(body: "One.\n\n{{< tag text=\"x\" >}}")
        defer { fixture.remove() }
        try fixture.write("templates/components/tag.html", "{# component arguments: text #}{{ txet }}")
        do {
            _ = try fixture.build()
            Issue.record("the build should have failed")
        } catch {
            let diagnostic = try #require(error.diagnostics.first)
            #expect(diagnostic.file == "templates/components/tag.html")
            #expect(diagnostic.notes.contains("in the component 'tag' called at content/about.md:7:1"))
        }
    }
}
