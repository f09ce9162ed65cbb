import Foundation
import Templates
import Testing

/// Jinja2's own test suite as the yardstick: the cases of Jinja2 3.1.6's `tests/` that fall inside our subset,
/// in `Fixtures/jinja/*.txt`, each rendered by our engine and compared with Jinja2's output.
///
/// `jinja-expected.json` holds Jinja2's output for every case (recorded with `Fixtures/jinja/record.py`), so the
/// comparison runs without Python; with python3 and jinja2 (and always in CI) a second test renders every case
/// with Jinja2 again and requires the recording to be exactly that. A case marked `!differs(…)` is an
/// intentional difference or a feature we lack; it must differ, so a fix has to remove its mark.
@Suite struct JinjaSuiteTests {
    @Test func portedCasesMatchJinja2() throws {
        let cases = JinjaCase.all
        #expect(cases.count > 300)
        let expected = try JinjaCase.expected
        for ported in cases {
            let wanted = try #require(expected[ported.fixture.name], "\(ported.fixture.name) has no recorded output")
            let ours = ported.render()
            if let difference = ported.difference {
                #expect(ours != wanted, "\(ported.fixture.name) is marked !differs(\(difference)) but matches Jinja2: remove the mark")
            } else {
                #expect(ours == wanted, "\(ported.fixture.name) differs from Jinja2")
            }
        }
    }

    @Test(.enabled(if: Jinja.hasRecordedVersions || Jinja.isCI, "needs python3 with jinja2 3.1.6 and markupsafe 3.0"))
    func recordingIsJinja2sOutput() throws {
        try #require(Jinja.hasRecordedVersions, "CI=true but python3 does not have jinja2 3.1.6 and markupsafe 3.0")
        let cases = JinjaCase.all
        let live = try Jinja.render(cases.map(\.fixture), falsyUndefined: true)
        let recorded = try JinjaCase.expected
        #expect(Set(recorded.keys) == Set(cases.map(\.fixture.name)))
        for ported in cases {
            #expect(live[ported.fixture.name] == recorded[ported.fixture.name], "\(ported.fixture.name): Jinja2 now renders something else")
        }
    }

    /// The seven reproducers of issue 23 (Jinja2 3.1.6 with MarkupSafe 3.0 gives these outputs).
    @Test(arguments: [
        ("{{ ('<em>ok</em>'|safe).replace('ok', '<b>') }}", "<em>&lt;b&gt;</em>"),
        ("{{ ('<p>a</p><!--more-->'|safe).split('<!--more-->')[0] }}", "<p>a</p>"),
        ("{{ '<em>ok</em>'|safe|replace('<em>', '<i>') }}", "&lt;i&gt;ok</em>"),
        ("{% for x in [1, 2] %}{% set l = loop %}{{ l.index }}{% endfor %}", "12"),
        ("{% set ns = namespace(n=0) %}{% macro inc(c) %}{% set c.n = c.n + 1 %}{% endmacro %}{{ inc(ns) }}{{ ns.n }}", "1"),
        ("{% macro m() %}{% if caller %}{{ caller() }}{% endif %}{% endmacro %}{% call m() %}x{% endcall %}", "x"),
        ("{{ 'a b c'.split(' ', 1) }}", "[&#39;a&#39;, &#39;b c&#39;]"),
    ])
    func issueReproducer(_ template: String, _ output: String) throws {
        #expect(try TemplateEnvironment(templates: ["main.html": template]).render("main.html", context: [:]) == output)
    }

    /// Every method and operator of a safe string escapes what it takes in and keeps the result safe, as
    /// MarkupSafe's `Markup` does (outputs from Jinja2 3.1.6 with MarkupSafe 3.0.3).
    @Test(arguments: [
        ("{{ s ~ '<b>' }}", "<i>&lt;b&gt;"),
        ("{{ s + '<b>' }}", "<i>&lt;b&gt;"),
        ("{{ '<b>' + s }}", "&lt;b&gt;<i>"),
        ("{{ ('%s|' ~ s) % '<b>' }}", "&lt;b&gt;|<i>"),
        ("{{ (s ~ '{}').format('<b>') }}", "<i>&lt;b&gt;"),
        ("{{ (s ~ '%s')|format('<b>') }}", "<i>&lt;b&gt;"),
        ("{{ s.join(['<a>', '<b>']) }}", "&lt;a&gt;<i>&lt;b&gt;"),
        ("{{ ['<a>', s]|join }}", "&lt;a&gt;<i>"),
        ("{{ s.replace('i', '<u>') }}", "<&lt;u&gt;>"),
        ("{{ s.split('i')[0] }}|{{ s.rsplit('i')[1] }}", "<|>"),
        ("{{ s[0] }}{{ s[1:] }}", "<i>"),
        ("{{ (' ' ~ s ~ ' ').strip() }}{{ (' ' ~ s).lstrip() }}{{ (s ~ ' ').rstrip() }}", "<i><i><i>"),
        ("{{ s.center(5, '&') }}", "&amp;<i>&amp;"),
        ("{{ s.upper() }}{{ s.title() }}{{ s.capitalize() }}", "<I><I><i>"),
        ("{{ s * 2 }}", "<i><i>"),
        ("{{ s.partition('i')[2] }}", ">"),
    ])
    func safeStringOperationsEscapeTheirArguments(_ template: String, _ output: String) throws {
        let environment = try TemplateEnvironment(templates: ["main.html": template])
        #expect(try environment.render("main.html", context: ["s": .safe("<i>")]) == output)
    }

    /// Filters keep a safe input safe where Jinja's do (soft_str keeps Markup) and return plain text where
    /// Jinja's build a new str (outputs from Jinja2 3.1.6 with MarkupSafe 3.0.3).
    @Test(arguments: [
        ("{{ s|urlize }}", "<i>see</i> www.example.com", "<i>see</i> <a href=\"https://www.example.com\" rel=\"noopener\">www.example.com</a>"),
        ("{{ s|indent(2, true) }}", "<i>a</i>\nb", "  <i>a</i>\n  b"),
        ("{{ s|center(9) }}|{{ s|reverse }}|{{ s|first }}|{{ s|title }}|{{ s|trim }}", "<i>a b</i>",
         "<i>a b</i>|>i/<b a>i<|&lt;|&lt;I&gt;a B&lt;/i&gt;|<i>a b</i>"),
    ])
    func filtersKeepMarkupAsJinjaDoes(_ template: String, _ input: String, _ output: String) throws {
        let environment = try TemplateEnvironment(templates: ["main.html": template])
        #expect(try environment.render("main.html", context: ["s": .safe(input)]) == output)
    }

    /// Widths, precisions and sizes from the template are bounded: absurd ones fail with an error (Jinja runs out
    /// of memory) or are clamped as Python clamps them, never trap.
    @Test(arguments: [
        ("{{ '%*d' % (9223372036854775807, 1) }}", nil),
        ("{{ '%.*s|' % (-5, 'abc') }}", "|"),
        ("{{ '%*d|' % (-3, 1) }}", "1  |"),
        ("{{ (-1e300)|filesizeformat }}", "-1e+300 Bytes"),
        ("{{ 'x'.center(99999999999) }}", nil),
        ("{{ '{:99999999999}'.format(1) }}", nil),
        ("{{ 'x'|center(99999999999) }}", nil),
        ("{{ 'x'|indent(99999999999) }}", nil),
        ("{{ [1]|slice(0) }}", nil),
        ("{{ 'abc'|wordwrap(0) }}", nil),
        ("{% block a %}{{ self.a() }}{% endblock %}", nil),
    ] as [(String, String?)])
    func extremeArgumentsFailCleanly(_ template: String, _ output: String?) throws {
        let environment = try TemplateEnvironment(templates: ["main.html": template])
        if let output {
            #expect(try environment.render("main.html", context: [:]) == output)
        } else {
            #expect(throws: TemplateError.self) { try environment.render("main.html", context: [:]) }
        }
    }
}

/// One case ported from Jinja2's tests: a fixture named "module/Class.test", and the reason it differs, if it does.
struct JinjaCase: CustomStringConvertible {
    let fixture: Fixture
    /// The category of an intentional difference or missing feature (`tuple`, `missing`, …), or nil.
    let difference: String?
    let reason: String?

    var description: String { fixture.name }

    /// Our output, or "OUR ERROR: …".
    func render() -> String {
        do {
            let environment = try TemplateEnvironment(templates: fixture.templates)
            return try environment.render("main.html", context: try fixture.context)
        } catch {
            return "OUR ERROR: \(error)"
        }
    }

    static var folder: URL { get throws { try Fixture.root.appendingPathComponent("jinja") } }

    static var expected: [String: String] {
        get throws {
            let data = try Data(contentsOf: try folder.appendingPathComponent("jinja-expected.json"))
            return try #require(try JSONSerialization.jsonObject(with: data) as? [String: String])
        }
    }

    /// Every case of every `Fixtures/jinja/*.txt` file: `=== name` starts a case, `=== name !differs(kind): why`
    /// one that differs; the lines after it are a fixture (a JSON context, `---`, the template).
    static let all: [JinjaCase] = {
        guard let directory = try? folder,
              let files = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        var cases: [JinjaCase] = []
        for file in files.filter({ $0.hasSuffix(".txt") }).sorted() {
            guard let text = try? String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8) else { continue }
            let module = String(file.dropLast(4))
            var header: String?
            var lines: [String] = []
            func flush() {
                guard let header else { return }
                var name = header
                var difference: String?
                var reason: String?
                if let mark = header.range(of: " !differs(") {
                    name = String(header[..<mark.lowerBound])
                    let rest = header[mark.upperBound...]
                    difference = rest.split(separator: ")", maxSplits: 1).first.map(String.init)
                    reason = rest.range(of: "): ").map { String(rest[$0.upperBound...]) }
                }
                let fixture = Fixture(name: module + "/" + name, text: lines.joined(separator: "\n") + "\n", expected: "")
                cases.append(JinjaCase(fixture: fixture, difference: difference, reason: reason))
            }
            for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
                if line.hasPrefix("=== ") {
                    flush()
                    header = String(line.dropFirst(4))
                    lines = []
                } else if header != nil {
                    lines.append(line)
                }
            }
            flush()
        }
        return cases
    }()
}
