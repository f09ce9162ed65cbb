import Foundation
import Testing
@testable import Preview

/// Which edited pages may swap their `<main>` in place, and what the `pages` event says.
@Suite struct MainRegionTests {
    private let page = { (title: String, head: String, main: String, tail: String) in
        "<!doctype html><html><head><title>\(title)</title>\(head)</head><body><header>Site</header>"
            + "<main id=\"main\" tabindex=\"-1\">\(main)</main><footer>\(tail)</footer></body></html>"
    }

    private func swappable(_ old: String, _ new: String) -> Bool {
        MainRegion.swappable(old: Data(old.utf8), new: Data(new.utf8))
    }

    @Test func onlyTheMainChangedSwaps() {
        let old = page("A", "", "<p>one</p>", "f")
        #expect(swappable(old, page("A", "", "<p>two</p><p>more</p>", "f")))
        #expect(swappable(old, page("A", "", "", "f")))
        #expect(swappable(old, old.replacingOccurrences(of: "<main id=\"main\" tabindex=\"-1\">", with: "<main class=\"x\">")))
        #expect(swappable(page("A", "<script type=\"application/ld+json\">{\"a\":1}</script>", "<p>one</p>", "f"),
                          page("A", "<script type=\"application/ld+json\">{\"a\":1}</script>", "<p>two</p>", "f")))
    }

    @Test func anythingElseReloads() {
        let old = page("A", "", "<p>one</p>", "f")
        #expect(!swappable(old, page("B", "", "<p>two</p>", "f")), "title")
        #expect(!swappable(old, page("A", "<link rel=\"stylesheet\" href=\"x.css\">", "<p>two</p>", "f")), "head")
        #expect(!swappable(old, page("A", "", "<p>two</p>", "g")), "footer")
        #expect(!swappable(old, page("A", "", "<p>two</p><script>go()</script>", "f")), "a script in main")
        let withScript = page("A", "", "<p>one</p>", "f<script src=\"filter.js\" defer></script>")
        #expect(!swappable(withScript, withScript.replacingOccurrences(of: "one", with: "two")), "a script outside main")
        let upper = withScript.replacingOccurrences(of: "<script", with: "<SCRIPT")
        #expect(!swappable(upper, upper.replacingOccurrences(of: "one", with: "two")), "in upper case")
        #expect(!swappable("<p>one</p>", "<p>two</p>"), "no main")
        #expect(!swappable(old.replacingOccurrences(of: "<main ", with: "<mainframe "), page("A", "", "<p>two</p>", "f")))
        let ld = page("A", "<script type=\"application/ld+json\">{\"a\":1}</script>", "<p>one</p>", "f")
        #expect(!swappable(ld, ld.replacingOccurrences(of: "{\"a\":1}", with: "{\"a\":2}").replacingOccurrences(of: "one", with: "two")))
    }

    @Test func theRegionRunsFromTheFirstMainToTheLastClosingTag() throws {
        let text = "<p><MAIN>a</main><main>b</MAIN></p>"
        let range = try #require(Data(text.utf8).withUnsafeBytes { MainRegion.range(in: $0) })
        #expect(range == 3..<(text.utf8.count - 4))
    }

    /// The searches look for the upper case only where it could still win, the closing tag from the end, and both
    /// spellings of `<script` in one pass: on seeded random pages of tags in both cases, nested and misplaced, the
    /// answer is always the rule they replaced (`Reference`, below).
    @Test func theSearchesAgreeWithTheRuleTheyReplaced() {
        let pieces = ["<main>", "<MAIN>", "<main ", "<Main>", "<mainx>", "</main>", "</MAIN>", "</main", "<main\n",
                      "<script>", "<SCRIPT>", "<script type=\"application/ld+json\">", "<SCRIPT TYPE=\"application/ld+json\">",
                      "</script>", "<p>", "</p>", "text", "<", ">", " ", "<script data-x=\"<SCRIPT\" type=\"application/ld+json\">",
                      "<SCRIPT data-x=\"<script\" type=\"application/ld+json\">",
                      "<script type=\"application/ld+json\" data-x=\"<SCRIPT\">", "<SCRIPT TYPE=\"application/ld+json\" x=\"<script\">"]
        var state: UInt64 = 0x6D61_696E
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for round in 0..<4000 {
            let old = (0..<next(14)).map { _ in pieces[next(pieces.count)] }.joined()
            let new = next(3) == 0 ? old : (0..<next(14)).map { _ in pieces[next(pieces.count)] }.joined()
            let expected = Reference.swappable(old: Array(old.utf8), new: Array(new.utf8))
            #expect(swappable(old, new) == expected, "round \(round): \(old) → \(new)")
            let range = Data(new.utf8).withUnsafeBytes { MainRegion.range(in: $0) }
            #expect(range == Reference.range(Array(new.utf8)), "round \(round): \(new)")
        }
    }

    /// The rule as first written: each spelling searched for over the whole page.
    private enum Reference {
        static func swappable(old: [UInt8], new: [UInt8]) -> Bool {
            guard let o = range(old), let n = range(new), o.lowerBound == n.lowerBound,
                  old.count - o.upperBound == new.count - n.upperBound,
                  old[..<o.lowerBound] == new[..<n.lowerBound], old[o.upperBound...] == new[n.upperBound...] else { return false }
            return !runsScript(new)
        }

        static func range(_ bytes: [UInt8]) -> Range<Int>? {
            var start: Int?
            for spelling in ["<main", "<MAIN"] {
                for index in all(spelling, in: bytes) where index + 5 < bytes.count && [0x3E, 0x20, 0x09, 0x0A, 0x0D, 0x0C].contains(bytes[index + 5]) {
                    start = min(start ?? index, index)
                    break
                }
            }
            let end = (all("</main>", in: bytes) + all("</MAIN>", in: bytes)).map { $0 + 7 }.max()
            guard let start, let end, start < end else { return nil }
            return start..<end
        }

        static func runsScript(_ bytes: [UInt8]) -> Bool {
            for spelling in ["<script", "<SCRIPT"] {
                var from = 0
                while let index = all(spelling, in: bytes).first(where: { $0 >= from }) {
                    let end = bytes[index...].firstIndex(of: 0x3E) ?? bytes.count
                    if all("application/ld+json", in: Array(bytes[index..<end])).isEmpty { return true }
                    from = end
                }
            }
            return false
        }

        static func all(_ needle: String, in bytes: [UInt8]) -> [Int] {
            let pattern = Array(needle.utf8)
            guard bytes.count >= pattern.count else { return [] }
            return (0...(bytes.count - pattern.count)).filter { bytes[$0..<($0 + pattern.count)].elementsEqual(pattern) }
        }
    }

    @Test func theEventListsPagesAndAssetsSortedWithTheVersion() throws {
        let old = Data(page("A", "", "<p>one</p>", "f").utf8)
        let update = PageUpdate(changed: [
            ("timeline/b/index.html", old, Data(page("A", "", "<p>two</p>", "f").utf8)),
            ("index.html", old, Data(page("A", "", "<p>two</p>", "g").utf8)),
            ("timeline/a/index.html", old, Data(page("A", "", "<p>three</p>", "f").utf8)),
        ], assets: ["search/t/1.js", "img/a.png"])
        #expect(update == PageUpdate(swap: ["timeline/a/index.html", "timeline/b/index.html"], reload: ["index.html"],
                                     assets: ["img/a.png", "search/t/1.js"]))
        let json = update.json(version: "v-3")
        #expect(!json.contains("\n"))
        #expect(json == #"{"assets":["img/a.png","search/t/1.js"],"reload":["index.html"],"#
            + #""swap":["timeline/a/index.html","timeline/b/index.html"],"version":"v-3"}"#)
        #expect(SiteChange.pages(update).event == "pages" && SiteChange.pages(update).data(version: "v-3") == json)
        #expect(SiteChange.stylesheets.data(version: "v-3") == "v-3")
    }

    @Test func theScriptNamesItsPageSafely() {
        #expect(LiveReloadScript.literal("timeline/x/index.html") == "\"timeline/x/index.html\"")
        #expect(LiveReloadScript.literal("a\"b\\c</script>\n\u{2028}") == #""a\"b\\c\u003c/script>\u000a\u2028""#)
        let tag = LiveReloadScript.tag(version: "v", page: "</script><b>", root: "/sub/")
        #expect(tag.components(separatedBy: "</script>").count == 2)
        #expect(tag.contains(#"var root = "/sub/";"#))
    }
}

/// The `pages` event's data as a browser reads it.
struct PageUpdateData: Decodable {
    var version: String
    var swap: [String]
    var reload: [String]
    var assets: [String]
}
