import Foundation
import Testing

/// Issue 19, item 5, through the real binary: templates and pages that crashed or stalled the build now fail
/// fast with one located error (or build quickly), leaving `site/` and everything outside the root untouched.
@Suite struct BoundedWorkCLITests {
    /// The fixture's page template with `extra` printed after the page's content (line 5).
    private func addToPageTemplate(_ extra: String, in site: ScratchSite) throws {
        let template = try site.read("templates/page.html")
        try site.write(template.replacingOccurrences(of: "{{ page.content }}", with: "{{ page.content }}" + extra),
                       to: "templates/page.html")
    }

    @Test func aHundredThousandTermSumIsAnError() throws {
        let sum = "{{ " + Array(repeating: "1", count: 100_000).joined(separator: " + ") + " }}"
        let run = try GuardedBuild.run { site, _ in try addToPageTemplate(sum, in: site) }
        defer { run.finish() }
        // Column 18 + "{{ " + 1,000 terms of "1 + ", then the 1,001st "+".
        #expect(run.outcome.errorLines == ["templates/page.html:5:4024: error: expression is too long (more than 1000 operators, "
                                           + "filters, calls and lookups); split it with {% set %}"])
    }

    @Test func aHundredThousandFilterChainIsAnError() throws {
        let chain = "{{ 'a'" + String(repeating: "|upper", count: 100_000) + " }}"
        let run = try GuardedBuild.run { site, _ in try addToPageTemplate(chain, in: site) }
        defer { run.finish() }
        #expect(run.outcome.errorLines.count == 1)
        #expect(run.outcome.errorLines.first?.hasPrefix("templates/page.html:5:") == true)
        #expect(run.outcome.errorLines.first?.hasSuffix("error: expression is too long (more than 1000 operators, filters, calls and lookups); split it with {% set %}") == true)
    }

    @Test func aListGrownByConcatenationInALoopStops() throws {
        let loop = "{% set ns = namespace(l=[]) %}{% for i in range(100000) %}{% for j in range(10) %}"
            + "{% set ns.l = ns.l + ['x'] %}{% endfor %}{% endfor %}{{ ns.l | length }}"
        let run = try GuardedBuild.run { site, _ in try addToPageTemplate(loop, in: site) }
        defer { run.finish() }
        #expect(run.outcome.errorLines == ["templates/page.html:5:115: error: rendering builds more than 268435456 bytes of strings "
                                           + "and lists in all (a loop that rebuilds a large value?)"])
        #expect(run.seconds < 120, "took \(run.seconds) s")
    }

    @Test func aStringGrownByConcatenationInALoopStops() throws {
        let loop = "{% set ns = namespace(s='') %}{% for i in range(100000) %}{% set ns.s = ns.s ~ ('x' * 1000) %}{% endfor %}"
        let run = try GuardedBuild.run { site, _ in try addToPageTemplate(loop, in: site) }
        defer { run.finish() }
        #expect(run.outcome.errorLines.first?.hasSuffix("error: rendering builds more than 268435456 bytes of strings and lists "
                                                        + "in all (a loop that rebuilds a large value?)") == true)
        #expect(run.seconds < 60, "took \(run.seconds) s")
    }

    @Test func aListDoubledUntilItWouldHoldTwoGigabytesStops() throws {
        // Doubling by concatenation (`l + l`) stops at one value's size; doubling by nesting (`[l, l]`) at the
        // items the lists inside hold, before anything walks 2^40 of them.
        let loops = "{% set ns = namespace(l=['x' * 1000]) %}{% for i in range(31) %}{% set ns.l = ns.l + ns.l %}{% endfor %}"
        let run = try GuardedBuild.run { site, _ in try addToPageTemplate(loops, in: site) }
        defer { run.finish() }
        // 2^31 items of 1,000 bytes each: the copies pass the render's budget before the list passes 10 million items.
        #expect(run.outcome.errorLines.first?.hasSuffix("error: rendering builds more than 268435456 bytes of strings and lists "
                                                        + "in all (a loop that rebuilds a large value?)") == true)
        let nested = "{% set ns = namespace(l=['x' * 1000]) %}{% for i in range(40) %}{% set ns.l = [ns.l, ns.l] %}{% endfor %}{{ ns.l }}"
        let second = try GuardedBuild.run { site, _ in try addToPageTemplate(nested, in: site) }
        defer { second.finish() }
        #expect(second.outcome.errorLines.first?.hasSuffix("error: value is too large (more than 1000000 items in the lists inside it)") == true)
        #expect(second.seconds < 60, "took \(second.seconds) s")
    }

    @Test func aMappingDoubledByNestingIsNotPrintedForEver() throws {
        let loops = "{% set ns = namespace(d={'x': 'y'}) %}{% for i in range(40) %}{% set ns.d = {'a': ns.d, 'b': ns.d} %}{% endfor %}{{ ns.d }}"
        let run = try GuardedBuild.run { site, _ in try addToPageTemplate(loops, in: site) }
        defer { run.finish() }
        #expect(run.outcome.errorLines.first == "templates/page.html:5:135: error: output is larger than 67108864 bytes")
        #expect(run.seconds < 60, "took \(run.seconds) s")
    }

    @Test func fiftyThousandEqualHeadingsBuildInSeconds() throws {
        let run = try GuardedBuild.run(failing: false) { site, _ in
            try site.write("---\ntitle: Home\n---\n" + String(repeating: "## Same\n\n", count: 50_000), to: "content/index.md")
        }
        defer { run.finish() }
        let page = try run.site.read("site/index.html")
        #expect(page.contains("id=\"same-49999\""))
        #expect(run.seconds < 60, "took \(run.seconds) s")
    }

    @Test func fiveThousandBrokenLinksOnOneLineAreOneGroupedError() throws {
        let run = try GuardedBuild.run(expecting: ["content/index.md:4:10: error: broken link 'nope0/': no such page or file in the site",
                                                  "content/index.md:4:33: error: broken link 'nope1/': no such page or file in the site",
                                                  "content/index.md:4:56: error: broken link 'nope2/': no such page or file in the site"]) { site, _ in
            let links = (0..<5000).map { "<a href=\"nope\($0)/\">x</a>" }.joined(separator: " ")
            try site.write("---\ntitle: Home\n---\n" + links + "\n", to: "content/index.md")
        }
        defer { run.finish() }
        #expect(run.outcome.stderr.contains("note: and 4997 more like it on the same page ('nope3/', 'nope4/', 'nope5/', …)\n"))
        #expect(run.seconds < 60, "took \(run.seconds) s")
    }
}
