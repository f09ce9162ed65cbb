import Foundation
import Testing

/// Issue 19, item 7: with raw HTML allowed (the default), nothing in a Markdown body may run a script: event-handler
/// attributes and `javascript:` URLs in every attribute that takes one fail the build, each at its line.
@Suite struct RawHTMLPolicyTests {
    @Test func everyScriptInRawHTMLIsReportedAtItsLine() throws {
        let body = """
        ---
        title: Home
        ---
        Intro.

        <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" onerror="alert(1)">

        <form action="javascript:alert(2)"><button formaction="JavaScript:alert(3)">x</button></form>

        <object data="  javascript:alert(4)"></object>

        <svg><a xlink:href="javascript:alert(5)"><text>x</text></a></svg>

        <meta http-equiv="Refresh" content="0; URL='javascript:alert(6)'">

        <div ONLOAD="alert(7)">x</div>

        """
        let suffix = "is not allowed: a link that runs a script fails the build anywhere in the output"
        let run = try GuardedBuild.run(expecting: [
            "content/index.md:6:64: error: event-handler attribute 'onerror' is not allowed: no script may run from an attribute "
                + "of the output (put scripts in a template's <script> element)",
            "content/index.md:8:15: error: javascript: URL in 'action' \(suffix)",
            "content/index.md:8:56: error: javascript: URL in 'formaction' \(suffix)",
            "content/index.md:10:15: error: javascript: URL in 'data' \(suffix)",
            "content/index.md:12:21: error: javascript: URL in 'xlink:href' \(suffix)",
            "content/index.md:14:45: error: javascript: URL in 'http-equiv=refresh' \(suffix)",
            "content/index.md:16:14: error: event-handler attribute 'onload' is not allowed: no script may run from an attribute "
                + "of the output (put scripts in a template's <script> element)",
        ]) { site, _ in try site.write(body, to: "content/index.md") }
        run.finish()
    }

    @Test func harmlessRawHTMLStillBuilds() throws {
        let body = """
        ---
        title: Home
        ---
        <form action="https://example.org/search" method="get"><input name="q" data-online="1"></form>
        <meta http-equiv="refresh" content="30">
        <object data="https://example.org/x.svg"></object>
        <p on="x" data-onerror="y">text about onerror="x" and javascript:alert(1)</p>

        """
        let run = try GuardedBuild.run(failing: false) { site, _ in try site.write(body, to: "content/index.md") }
        run.finish()
    }

    @Test func aTemplateEventHandlerFailsToo() throws {
        let run = try GuardedBuild.run { site, _ in
            let template = try site.read("templates/base.html")
            try site.write(template.replacingOccurrences(of: "<body>", with: "<body onload=\"init()\">"), to: "templates/base.html")
        }
        defer { run.finish() }
        // One template line on every page: one error, naming how many pages.
        #expect(run.outcome.errorLines == ["templates/base.html:4:15: error: event-handler attribute 'onload' is not allowed: "
                + "no script may run from an attribute of the output (put scripts in a template's <script> element) (on 5 pages)"])
    }
}
