import Foundation
import Testing
@testable import Content

/// `YAMLReader.readSimple` reads the commonest front matter without Yams; it must give exactly the
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
        "url: /", "url: /zh/timeline/", "path: /a b", "slash: //x", "odd: /x: y", "frag: /#x", "spaced: / a", "paths: [/a/, /b]",
        "title: Altman proposes a \"Manhattan Project\" for AI", "title: a\"b", "title: x \"y", "title: \"a\" b", "list: [a \"b\", c]",
        "title: it's \"so\"", "title: end\"",
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

    /// Values for the nested documents: the accepted forms and near misses (quotes, escapes, non-ASCII,
    /// characters YAML treats apart, indicators, spacing).
    static let values = [
        "Plain words", "马斯克与阿尔特曼", "Altman's dinner (2015), in Palo Alto.", "\"quoted: # text\"", "\"马斯克说：“不”\"",
        "\"a \\\" b\"", "\"back \\\\ slash\"", "\"new \\n line\"", "\"\"", "\"  padded  \"", "2015", "2015-12",
        "2015-13", "42", "1.5", "true", "no", "null", "~", "[a, b]", "[]", "[a,b]", "{a: b}", "'single'", "a: b", "a #b",
        "a#b", "two  spaces", "trailing ", "-lead", "*alias", "&anchor x", "!tag x", "|", ">", "@at", "%p", "`tick`",
        "x\u{2028}y", "x\u{85}y", "\u{FEFF}x", "x\u{7F}y", "\u{A0}nbsp", "a - b", "[a, [b]]", "\"a\" b",
        "\"open", "[1, 2]", "price $97.4 billion", "50/50", "a, b", "100%", "[openai governance, ai race]",
        "[\"Trump's son\", \"马斯克\", x]", "[马斯克, b]", "[\"马斯克\", \"阿尔特曼\", c]", "[\"a, b\", c]", "[a b , c]",
        "[a:b]", "[\"a \\\" b\", c]", "[a, \"b]", "[{a: b}]", "[a #b]",
    ]

    static let keys = ["title", "date", "start", "end", "sort_date", "people", "quote", "claim", "id", "era", "x-y", "_k", "9bad"]

    /// A random block at `indent`: a mapping, or a list (items of values or of mappings), nested at
    /// random, with now and then a line that YAML reads otherwise (or not at all).
    static func block(indent: Int, depth: Int, using generator: inout SplitMix) -> [String] {
        let pad = String(repeating: " ", count: indent)
        var lines: [String] = []
        let isList = depth > 0 && Bool.random(using: &generator)
        for _ in 0..<Int.random(in: 1...3, using: &generator) {
            let key = keys.randomElement(using: &generator)!
            let nest = depth < 3 && Int.random(in: 0..<3, using: &generator) == 0
            if isList {
                if Int.random(in: 0..<3, using: &generator) == 0 {
                    // An item that is a mapping: its first key after the dash, the rest under it.
                    let inner = block(indent: indent + 2, depth: depth + 1, using: &generator).filter { !$0.hasPrefix(pad + "  -") }
                    guard let first = inner.first, first.hasPrefix(pad + "  "), !first.hasPrefix(pad + "   ") else { continue }
                    lines.append(pad + "- " + first.dropFirst(indent + 2))
                    lines += inner.dropFirst()
                } else {
                    lines.append(pad + "- " + values.randomElement(using: &generator)!)
                }
            } else if nest {
                lines.append(pad + key + ":")
                // Deeper, or a list at the same indentation (YAML allows both).
                let deeper = Bool.random(using: &generator) ? indent + 2 : indent
                let nested = block(indent: deeper, depth: depth + 1, using: &generator)
                lines += deeper == indent ? nested.map { pad + "- " + $0.trimmingPrefix(" ") } : nested
            } else {
                lines.append(pad + key + ": " + values.randomElement(using: &generator)!)
            }
        }
        // A near miss now and then: wrong indentation, a comment, a blank line, an empty value, a bare dash.
        if Int.random(in: 0..<12, using: &generator) == 0 {
            let odd = [pad + " misaligned: x", pad + "# comment", "", pad + "empty:", pad + "-", pad + "- - x", pad + "title: x # c",
                       pad + "\ttab: x", pad + "dup: 1", "   ", pad + "  # deeper comment", "# \u{85} comment"]
            lines.insert(odd.randomElement(using: &generator)!, at: Int.random(in: 0...lines.count, using: &generator))
        }
        return lines
    }

    @Test func agreesWithYamsOnGeneratedNestedFrontMatter() {
        var generator = SplitMix(seed: 11)
        var accepted = 0
        var nested = 0
        for _ in 0..<6_000 {
            let yaml = Self.block(indent: 0, depth: 0, using: &generator).joined(separator: "\n") + "\n"
            var simple = YAMLReader(file: "x.md", lineOffset: 1)
            let simpleRoot = simple.readSimple(yaml)
            var yams = YAMLReader(file: "x.md", lineOffset: 1)
            let yamsRoot = yams.readWithYams(yaml)
            guard simpleRoot != nil else { continue }
            accepted += 1
            if yaml.contains(":\n") { nested += 1 }
            #expect(Self.describe(simpleRoot) == Self.describe(yamsRoot), "\(yaml)")
            #expect(Self.describe(simple.errors) == Self.describe(yams.errors), "\(yaml)")
        }
        #expect(accepted > 600 && nested > 100, "accepted \(accepted), nested \(nested)")
    }

    /// Every page of the microsite: the same nodes and errors as Yams, and nearly all read without it.
    @Test func agreesWithYamsOnTheMicrosite() throws {
        let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("content")
        let files = try #require(FileManager.default.enumerator(at: content, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "md" }
        var accepted = 0
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            guard text.hasPrefix("---\n"), let end = text.range(of: "\n---\n") else { continue }
            let yaml = String(text[text.index(text.startIndex, offsetBy: 4)..<end.lowerBound]) + "\n"
            var simple = YAMLReader(file: file.lastPathComponent, lineOffset: 1)
            let simpleRoot = simple.readSimple(yaml)
            var yams = YAMLReader(file: file.lastPathComponent, lineOffset: 1)
            let yamsRoot = yams.readWithYams(yaml)
            guard simpleRoot != nil else { continue }
            accepted += 1
            #expect(Self.describe(simpleRoot) == Self.describe(yamsRoot), "\(file.path)")
            #expect(Self.describe(simple.errors) == Self.describe(yams.errors), "\(file.path)")
        }
        #expect(files.count > 100 && accepted * 10 >= files.count * 9, "\(accepted) of \(files.count)")
        // The UI strings, the data files and site.yml, whole: each starts with a comment.
        let root = content.deletingLastPathComponent()
        for name in ["i18n/en.yml", "i18n/zh.yml", "data/money.yml", "data/money.zh.yml", "site.yml"] {
            let yaml = try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)
            var simple = YAMLReader(file: name, lineOffset: 0)
            let simpleRoot = simple.readSimple(yaml)
            var yams = YAMLReader(file: name, lineOffset: 0)
            let yamsRoot = yams.readWithYams(yaml)
            if simpleRoot != nil { #expect(Self.describe(simpleRoot) == Self.describe(yamsRoot), "\(name)") }
            if name.hasPrefix("i18n/") { #expect(simpleRoot != nil, "\(name)") }
        }
    }

    @Test(arguments: [
        "title: x", "# only a comment\n\n", "title: x\n# \u{7F}\n", "title: x\r\n", "a: 1\na: 2\n", "title: \"x\" # c\n", "\n", "",
        "title: x\n  more: y\n", "title: \"\u{2028}\"\n", "list: [a, b]x\n",
    ])
    func declinesWhatItDoesNotRead(_ yaml: String) {
        var reader = YAMLReader(file: "x.md", lineOffset: 1)
        #expect(reader.readSimple(yaml) == nil)
        #expect(reader.errors.isEmpty)
    }
}
