import Content
import Foundation
import Testing
@testable import Site

/// The Chinese edition of the microsite (issue #22, item 5): a `<name>.zh.md` beside every page of `content/`.
///
/// Read as files: every page has its translation and every translation its original; a translation writes only the keys that
/// change between languages (the rest it inherits); and every quotation it shows, in its body or its front
/// matter, is the source's own Chinese words: part of one of the passages its original lists in the ledger, or,
/// on a page with no passages, part of the source text itself.
@Suite("The Chinese edition")
struct ChineseEditionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The front-matter keys whose values are words, so differ between languages.
    static let textKeys: Set<String> = [
        "title", "summary", "date_label", "period", "figures", "eras", "rows",
        "role", "kind", "spelling_note", "age_note", "publisher", "note",
    ]

    /// A Markdown file's front matter (parsed) and body.
    struct MarkdownFile {
        var frontMatter: Node
        var body: String

        init(_ url: URL) throws {
            let text = try String(contentsOf: url, encoding: .utf8)
            let parts = text.components(separatedBy: "---\n")
            try #require(parts.count >= 3 && parts[0].isEmpty, "\(url.path): no front matter")
            let (node, errors) = YAMLDocument.read(Array(parts[1].utf8), file: url.path)
            try #require(errors.isEmpty, "\(url.path): \(errors.map(\.message))")
            frontMatter = try #require(node)
            body = parts.dropFirst(2).joined(separator: "---\n")
        }

        var keys: [String] {
            guard case .mapping(let pairs) = frontMatter.value else { return [] }
            return pairs.map(\.key)
        }

        /// Every string under the front matter, at any depth.
        var strings: [String] { Self.strings(in: frontMatter) }

        private static func strings(in node: Node) -> [String] {
            switch node.value {
            case .string(let text): return [text]
            case .list(let items): return items.flatMap(strings)
            case .mapping(let pairs): return pairs.flatMap { strings(in: $0.value) }
            default: return []
            }
        }

        var passageQuotes: [String] {
            guard case .list(let items)? = frontMatter["passages"]?.value else { return [] }
            return items.compactMap { $0["quote"]?.string }
        }
    }

    /// The site's content folder, where each translation sits beside its original.
    static let content = root.appendingPathComponent("content")

    /// The originals and the translations under `content/`, by path below it.
    private static func markdownFiles() throws -> [String] {
        let walker = try #require(FileManager.default.enumerator(atPath: content.path))
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") }.sorted()
    }

    /// The translations that have an original (one without is reported by the first test).
    private static func translations() throws -> [(translation: String, original: String)] {
        let files = try markdownFiles()
        return files.filter { $0.hasSuffix(".zh.md") }.compactMap { translation in
            let original = String(translation.dropLast(6)) + ".md"
            return files.contains(original) ? (translation, original) : nil
        }
    }

    private static func file(_ relative: String) throws -> MarkdownFile {
        try MarkdownFile(content.appendingPathComponent(relative))
    }

    @Test func everyPageHasItsTranslationAndEveryTranslationItsOriginal() throws {
        let files = Set(try Self.markdownFiles())
        let translations = files.filter { $0.hasSuffix(".zh.md") }
        let originals = files.subtracting(translations)
        #expect(!originals.isEmpty)
        for original in originals.sorted() {
            let translated = translations.contains(String(original.dropLast(3)) + ".zh.md")
            #expect(translated, "content/\(original) has no .zh.md")
        }
        for translation in translations.sorted() {
            let hasOriginal = originals.contains(String(translation.dropLast(6)) + ".md")
            #expect(hasOriginal, "content/\(translation) has no original")
        }
    }

    @Test func aTranslationWritesOnlyWhatChangesBetweenLanguages() throws {
        for (translation, originalPath) in try Self.translations() {
            let page = try Self.file(translation)
            let original = try Self.file(originalPath)
            for key in page.keys where key != "claims" {  // the ledger's claims in Chinese: ChineseEditionClaimsTests
                #expect(Self.textKeys.contains(key), "content/\(translation): '\(key)' is inherited from the original")
                #expect(original.keys.contains(key), "content/\(translation): '\(key)' is not in the original")
            }
            for key in original.keys where Self.textKeys.contains(key) {
                #expect(page.keys.contains(key), "content/\(translation): '\(key)' is not translated")
            }
            #expect(page.body.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) },
                    "content/\(translation): no Chinese text")
        }
    }

    @Test func everyQuotationIsTheSourcesOwnWords() throws {
        let source = try String(contentsOf: Self.root.appendingPathComponent("ledger/wsj-report.zh.txt"), encoding: .utf8)
        var checked = 0
        for (translation, original) in try Self.translations() {
            let page = try Self.file(translation)
            let quotes = try Self.file(original).passageQuotes
            let shown = QuotationScanner.quotations(in: page.body).map(\.text)
                + page.strings.flatMap { QuotationScanner.quotations(in: $0).map(\.text) }
            for quotation in shown {
                checked += 1
                if quotes.isEmpty {
                    let inSource = source.contains(quotation)
                    #expect(inSource, "content/\(translation): “\(quotation)” is not in the source text")
                } else {
                    let inPassages = quotes.contains { $0.contains(quotation) }
                    #expect(inPassages, "content/\(translation): “\(quotation)” is in none of the passages of its original")
                }
            }
        }
        #expect(checked > 50)
    }

    /// The checks above can fail: a quotation in other words than the source's is found.
    @Test func aRewordedQuotationIsCaught() {
        let quotes = ["OpenAI董事会主席布雷特·泰勒(Bret Taylor)说:“OpenAI不会出售,董事会一致否决了马斯克先生破坏竞争对手的最新企图。"]
        let shown = QuotationScanner.quotations(in: "泰勒说：“OpenAI不出售”。").map(\.text)
        #expect(shown == ["OpenAI不出售"])
        #expect(!quotes.contains { $0.contains(shown[0]) })
    }
}
