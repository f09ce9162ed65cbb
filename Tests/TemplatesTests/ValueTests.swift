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

    @Test func safeValuesAreNotEscapedAgain() throws {
        let environment = try TemplateEnvironment(templates: ["s.html": "{{ a }}|{{ b }}|{{ b | e }}"])
        let output = try environment.render("s.html", context: ["a": .string("<&>\"'"), "b": .safe("<b>")])
        #expect(output == "&lt;&amp;&gt;&#34;&#39;|<b>|<b>")
    }
}
