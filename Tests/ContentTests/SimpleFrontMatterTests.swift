import Testing
@testable import Content

/// `YAMLReader.readSimple` reads the simplest front matter without Yams; it must give exactly the
/// nodes and errors Yams gives, and decline everything else.
@Suite struct SimpleFrontMatterTests {
    /// Lines in the accepted forms and near misses (spacing, comments, quotes, escapes, non-ASCII,
    /// flow forms Yams reads differently, dates good and bad, duplicate keys, nesting).
    static let lines = [
        "title: \"Meeting money bold (1)\"", "title: Plain words here", "date: 2020-10-13", "date: 2020",
        "date: 2020-13-01", "date: \"2020-05\"", "date: [2020]", "date: soon", "end: 2015-02-30", "sort_date: 2019-07",
        "era: rivals", "people: [elon-musk, sam-altman, vera-rahman]", "organizations: []", "sources: [benchmark-report]",
        "count: 42", "ratio: 1.5", "flag: true", "flag: no", "nothing: null", "tilde: ~", "version: 1.2.3",
        "summary: \"Work file: enough # matter\"", "empty: \"\"", "spaced: \"  padded  \"", "quote: 'single'",
        "escaped: \"a \\\" b\"", "tab: \"a\tb\"", "cjk: \"马斯克\"", "cjk_plain: 马斯克", "trailing: word ",
        "double:  two spaces", "colon: a: b", "hash: a #comment", "dash: a - b", "lead: -a", "dot: .5",
        "list: [a,b]", "list: [ a, b ]", "list: [a, b,]", "list: [1, 2]", "list: [a, [b]]", "map: {a: b}",
        "key:value", "key:", "Key-With_Dashes: x", "_under: y", "9lives: z", "url: http://x.org",
        "- item", "# a comment", "", "  indented: x", "nested:", "  - a", "title: \"Meeting money bold (1)\"",
        "long: \(String(repeating: "word ", count: 250))end", "num_list: [007, +3, 1e3]", "bools: [true, NO]",
    ]

    static func describe(_ node: Node?) -> String {
        guard let node else { return "nil" }
        var text = "@\(node.line):\(node.column)"
        if let keyLine = node.keyLine { text += " key@\(keyLine):\(node.keyColumn ?? -1)" }
        if let target = node.target { text += " ->\(target)" }
        switch node.value {
        case .string(let value): return text + " string(\(value))"
        case .int(let value): return text + " int(\(value))"
        case .double(let value): return text + " double(\(value.bitPattern))"
        case .bool(let value): return text + " bool(\(value))"
        case .null: return text + " null"
        case .date(let value): return text + " date(\(value.year) \(value.month ?? 0) \(value.day ?? 0))"
        case .list(let items): return text + " [" + items.map(describe).joined(separator: ", ") + "]"
        case .mapping(let pairs): return text + " {" + pairs.map { "\($0.key): \(describe($0.value))" }.joined(separator: ", ") + "}"
        }
    }

    static func describe(_ errors: [ContentError]) -> String {
        errors.map(\.description).joined(separator: "\n")
    }

    @Test func agreesWithYamsOnGeneratedFrontMatter() {
        var generator = SplitMix(seed: 6)
        var accepted = 0
        for _ in 0..<4_000 {
            let count = Int.random(in: 1...8, using: &generator)
            let yaml = (0..<count).map { _ in Self.lines.randomElement(using: &generator) ?? "" }.joined(separator: "\n") + "\n"
            var simple = YAMLReader(file: "x.md", lineOffset: 1)
            let simpleRoot = simple.readSimple(yaml)
            var yams = YAMLReader(file: "x.md", lineOffset: 1)
            let yamsRoot = yams.readWithYams(yaml)
            var full = YAMLReader(file: "x.md", lineOffset: 1)
            let fullRoot = full.read(yaml)
            // `read` always agrees with Yams, whichever way it went.
            #expect(Self.describe(fullRoot) == Self.describe(yamsRoot), "\(yaml)")
            #expect(Self.describe(full.errors) == Self.describe(yams.errors), "\(yaml)")
            guard simpleRoot != nil else { continue }
            accepted += 1
            #expect(Self.describe(simpleRoot) == Self.describe(yamsRoot), "\(yaml)")
            #expect(Self.describe(simple.errors) == Self.describe(yams.errors), "\(yaml)")
        }
        // The comparison is only worth something if the simple reader took a fair share.
        #expect(accepted > 200)
    }

    @Test(arguments: [
        "title: x\n\n", "title: x", "title: x\r\n", "a: 1\na: 2\n", "title: \"x\" # c\n", "\n", "",
        "title: x\n  more: y\n", "title: \"\u{E9}\"\n", "list: [a, b]x\n",
    ])
    func declinesWhatItDoesNotRead(_ yaml: String) {
        var reader = YAMLReader(file: "x.md", lineOffset: 1)
        #expect(reader.readSimple(yaml) == nil)
        #expect(reader.errors.isEmpty)
    }
}
