import Content
import Foundation
import Testing
@testable import Site

/// The claims ledger in Chinese (issue #22): a translation whose original lists `passages:` gives, under `claims:`,
/// the Chinese for each passage's English `claim`, one per passage and in the same order, and its built page's
/// "来源原文" section shows those, with no English claim left in it.
@Suite("The Chinese edition's claims")
struct ChineseEditionClaimsTests {
    static let content = ChineseEditionTests.content

    /// How many items a front-matter key lists (nil when the key is absent or not a list).
    static func count(_ key: String, in file: ChineseEditionTests.MarkdownFile) -> Int? {
        guard case .list(let items)? = file.frontMatter[key]?.value else { return nil }
        return items.count
    }

    /// What is wrong with one translation's claims, given its original's passages.
    static func problems(translation: String, passages: Int, claims: Int?) -> [String] {
        guard passages > 0 else {
            return claims == nil ? [] : ["content/\(translation): claims, but its original has no passages"]
        }
        guard let claims else { return ["content/\(translation): no claims for its original's \(passages) passages"] }
        return claims == passages ? [] : ["content/\(translation): \(claims) claims for \(passages) passages"]
    }

    @Test func everyTranslationHasOneClaimPerPassage() throws {
        let walker = try #require(FileManager.default.enumerator(atPath: Self.content.path))
        let translations = walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".zh.md") }.sorted()
        var withPassages = 0
        for translation in translations {
            let original = try ChineseEditionTests.MarkdownFile(
                Self.content.appendingPathComponent(String(translation.dropLast(6)) + ".md"))
            let page = try ChineseEditionTests.MarkdownFile(Self.content.appendingPathComponent(translation))
            let passages = Self.count("passages", in: original) ?? 0
            if passages > 0 { withPassages += 1 }
            let found = Self.problems(translation: translation, passages: passages, claims: Self.count("claims", in: page))
            #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
        }
        #expect(withPassages > 50)
    }

    /// The ledger section of a built page, or nil if it has none.
    static func ledger(_ html: String) -> Substring? {
        guard let start = html.range(of: #"<section class="ledger""#),
              let end = html.range(of: "</section>", range: start.upperBound..<html.endIndex) else { return nil }
        return html[start.lowerBound..<end.upperBound]
    }

    /// The claims of a ledger section that are marked as English.
    static func englishClaims(in ledger: Substring) -> Int {
        ledger.components(separatedBy: #"<p class="ledger__claim">"#).dropFirst()
            .filter { $0.prefix(while: { $0 != "\n" }).contains(#"lang="en""#) }.count
    }

    @Test func noBuiltChinesePageShowsAnEnglishClaim() throws {
        let site = try SiteBuilder.build(BuildOptions(root: ChineseEditionTests.root))
        let pages = site.files.keys.filter { $0.hasPrefix("zh/") && $0.hasSuffix(".html") }.sorted()
        var claims = 0
        for page in pages {
            guard let section = Self.ledger(try #require(site.text(page))) else { continue }
            claims += section.components(separatedBy: #"<p class="ledger__claim">"#).count - 1
            #expect(Self.englishClaims(in: section) == 0, "\(page): its ledger shows a claim in English")
        }
        #expect(claims > 200)
        let english = try #require(site.text("about/index.html"))
        #expect(Self.ledger(english).map { $0.contains(#"<p class="ledger__claim">"#) } == true)
    }

    /// The checks above can fail: a missing claim, a missing list and an English claim are found.
    @Test func aMissingOrEnglishClaimIsCaught() {
        #expect(Self.problems(translation: "x.zh.md", passages: 3, claims: 2) == ["content/x.zh.md: 2 claims for 3 passages"])
        #expect(Self.problems(translation: "x.zh.md", passages: 3, claims: nil).count == 1)
        #expect(Self.problems(translation: "x.zh.md", passages: 0, claims: nil).isEmpty)
        let section = Self.ledger(#"""
            <section class="ledger" id="what-the-source-says"><ol>
            <li><p class="ledger__claim"><span class="label">支持的说法：</span> <span lang="en">Musk left.</span></p></li>
            <li><p class="ledger__claim"><span class="label">支持的说法：</span> 马斯克离开了。</p></li>
            </ol></section>
            """#)
        #expect(section.map(Self.englishClaims) == 1)
    }
}
