import Content
import Foundation
@testable import Site
import Templates
import Testing

/// The last page values with new titles put in (`PageValues.retitled`) are the values made from the retitled
/// content, mapping for mapping, tags included: on every page of the one-language fixtures that `retitles` allows.
@Suite("Incremental builds: page values with new titles")
struct PageValuesRetitleTests {
    @Test(arguments: ["basic", "features"])
    func retitledValuesAreTheValuesMadeAgain(_ name: String) throws {
        let site = try FixtureSite(name)
        defer { site.remove() }
        let editions = try SiteBuilder.loadContent(root: site.root, includeDrafts: false)
        let registry = OriginRegistry()
        func values(_ content: ContentSet) -> PageValues {
            PageValues(content: content, rendered: Array(repeating: nil, count: content.pages.count), urls: SiteBuilder.siteURLs(content),
                       origins: OriginTable(registry: registry))
        }
        let last = values(editions[0])
        var tried = 0
        for index in editions[0].pages.indices where PageValues.retitles([index], in: editions) {
            guard var node = editions[0].pages[index]["title"] else { continue }
            var content = editions[0]
            node.value = .string("Retitled \(index)")
            _ = content.replaceTitle(of: index, with: TitleEdit(title: "Retitled \(index)", node: node, body: content.pages[index].body))
            var changed: [UInt32: OrderedDictionary] = [:]
            let patched = last.retitled([index], content: content, changed: &changed)
            let made = values(content)
            let page = content.pages[index].source
            #expect(Self.same(.array(patched.refs), .array(made.refs)), "refs, \(page)")
            #expect(Self.same(.array(patched.cards), .array(made.cards)), "cards, \(page)")
            #expect(Self.same(patched.collections, made.collections), "collections, \(page)")
            #expect(Self.same(patched.site, made.site), "site, \(page)")
            #expect(Self.same(patched.taxonomies, made.taxonomies), "taxonomies, \(page)")
            #expect(Self.same(.array(patched.taxonomyTerms.map(Value.array)), .array(made.taxonomyTerms.map(Value.array))), "terms, \(page)")
            // The table gets the retitled ref and card (and whatever holds them) made again.
            for value in [made.refs[index], made.cards[index]] {
                guard case .dictionary(let mapping) = value else { continue }
                #expect(changed[mapping.origin].map { Self.same(.dictionary($0), value) } == true, "\(page)")
            }
            tried += 1
        }
        #expect(tried > 3)
    }

    /// The same values, mapping for mapping, each with the same tag.
    static func same(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.array(let x), .array(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case (.dictionary(let x), .dictionary(let y)):
            return x.origin == y.origin && x.keys == y.keys && zip(x.values, y.values).allSatisfy { same($0, $1) }
        default:
            return a == b
        }
    }
}
