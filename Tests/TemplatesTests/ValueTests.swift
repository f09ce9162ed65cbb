import Templates
import Testing

/// `Value` and `OrderedDictionary` as a context author uses them, and Python-exact printing.
@Suite struct ValueTests {
    @Test func orderedDictionaryKeepsInsertionOrder() {
        var mapping = OrderedDictionary([("b", 1), ("a", 2)])
        mapping["c"] = 3
        mapping["b"] = 9
        #expect(mapping.keys == ["b", "a", "c"])
        #expect(mapping["b"] == 9)
        mapping["a"] = nil
        #expect(mapping.keys == ["b", "c"])
        #expect(mapping.pairs.map(\.key) == ["b", "c"])
        #expect(mapping.count == 2)
    }

    @Test(arguments: [
        (1.0, "1.0"), (0.1, "0.1"), (1e16, "1e+16"), (1e15, "1000000000000000.0"), (1.5e-7, "1.5e-07"), (0.0001, "0.0001"),
        (-2.5, "-2.5"), (123456.789, "123456.789"), (1e300, "1e+300"), (-0.0, "-0.0"), (2.0 / 3.0, "0.6666666666666666"),
        // Where Swift's own notation changes (0.0001 and 2^53), which the formatter's fast path relies on:
        (9007199254740992.0, "9007199254740992.0"), (9007199254740994.0, "9007199254740994.0"),
        (9.999e-05, "9.999e-05"), (0.00012, "0.00012"), (12345678901234567.0, "1.2345678901234568e+16"),
    ])
    func floatsPrintLikePython(value: Double, expected: String) throws {
        let environment = try TemplateEnvironment(templates: ["f.html": "{{ x }}"])
        #expect(try environment.render("f.html", context: ["x": .double(value)]) == expected)
    }

    /// `==` compares code points, as Python does: the buffer comparison behind it must not equate canonically
    /// equivalent spellings, and must treat safe and plain strings alike.
    @Test(arguments: [
        ("caf\u{E9}", "caf\u{E9}", "True"), ("caf\u{E9}", "cafe\u{301}", "False"), ("ab", "abc", "False"),
        ("", "", "True"), ("elon-musk", "sam-altman", "False"), ("a long slug of more than fifteen bytes",
        "a long slug of more than fifteen bytes", "True"),
    ])
    func stringEqualityComparesCodePoints(left: String, right: String, expected: String) throws {
        let environment = try TemplateEnvironment(templates: ["e.html": "{{ a == b }}|{{ a == (b | safe) }}|{{ a != b }}"])
        let output = try environment.render("e.html", context: ["a": .string(left), "b": .string(right)])
        #expect(output == "\(expected)|\(expected)|\(expected == "True" ? "False" : "True")")
    }

    /// `json` writes a string with nothing to escape as it is, and everything else through the escaping path.
    @Test(arguments: [
        ("plain /timeline/x/ 2015-12-11", "\"plain /timeline/x/ 2015-12-11\""),
        ("it's", "\"it\\u0027s\""), ("<b>", "\"\\u003cb\\u003e\""), ("a\"b\\c", "\"a\\\"b\\\\c\""),
        ("tab\there", "\"tab\\there\""), ("caf\u{E9}", "\"caf\\u00e9\""), ("del\u{7F}", "\"del\\u007f\""), ("", "\"\""),
    ])
    func jsonStringsEscapeOnlyWhatTheyMust(text: String, expected: String) throws {
        let environment = try TemplateEnvironment(templates: ["j.html": "{{ s | json }}"])
        #expect(try environment.render("j.html", context: ["s": .string(text)]) == expected)
    }

    /// `default` takes its arguments by position or by name, and the same answers come out either way.
    @Test func defaultTakesPositionalAndKeywordArguments() throws {
        let environment = try TemplateEnvironment(templates: [
            "d.html": "{{ missing | default('x') }}|{{ missing | default }}|{{ empty | default('y', true) }}|"
                + "{{ empty | default('y') }}|{{ empty | default(default_value='z', boolean=true) }}|{{ full | default([]) }}",
        ])
        #expect(try environment.render("d.html", context: ["empty": "", "full": "v"]) == "x||y||z|v")
    }

    @Test func safeValuesAreNotEscapedAgain() throws {
        let environment = try TemplateEnvironment(templates: ["s.html": "{{ a }}|{{ b }}|{{ b | e }}"])
        let output = try environment.render("s.html", context: ["a": .string("<&>\"'"), "b": .safe("<b>")])
        #expect(output == "&lt;&amp;&gt;&#34;&#39;|<b>|<b>")
    }
}
