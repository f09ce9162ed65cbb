import Foundation
@testable import Site
import Testing

/// `LinkScans`: a list of scans with replaced ones laid over it reads as the list with them put in, before and
/// after they are folded in.
@Suite("Link check: scans laid over the last list")
struct LinkScansTests {
    static func page(_ id: Int) -> Data { Data("<p id=\"p\(id)\"><a href=\"/x\(id)/\">x</a></p>".utf8) }

    static func ids(_ scans: LinkScans, _ pages: [Data]) -> [[String]] {
        (0..<scans.count).map { scans[$0].idValues(in: pages[$0]) }
    }

    @Test(arguments: [3, 70])
    func replacedScansReadAsTheListWithThemPutIn(replaced: Int) {
        var pages = (0..<100).map(Self.page)
        let last = LinkScans(pages.map(HTMLAttributeScanner.scan))
        let indices = Array(0..<replaced)
        for index in indices { pages[index] = Self.page(1000 + index) }
        let laid = last.replacing(indices, with: indices.map { HTMLAttributeScanner.scan(pages[$0]) })
        #expect(Self.ids(laid, pages) == Self.ids(LinkScans(pages.map(HTMLAttributeScanner.scan)), pages))
        // Laid over again: the newest scan of a page is the one read.
        pages[1] = Self.page(500_000)
        let again = laid.replacing([1], with: [HTMLAttributeScanner.scan(pages[1])])
        #expect(Self.ids(again, pages) == Self.ids(LinkScans(pages.map(HTMLAttributeScanner.scan)), pages))
        #expect(again[1].idValues(in: pages[1]) == ["p500000"])
    }
}
