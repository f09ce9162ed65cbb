import Foundation
import Testing
@testable import Site

/// The link checker against its reference (the `String`-based checker it replaced, in ReferenceLinkChecker.swift):
/// on random sites built from awkward names, ids and link pieces, both must report exactly the same broken
/// links, with the same wording, in the same order.
@Suite("Link checker against its reference")
struct LinkCheckerDifferentialTests {
    struct Pieces: Decodable {
        var pages: [String]
        var files: [String]
        var ids: [String]
        var pieces: [String]
    }

    static let pieces: Pieces? = {
        guard let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil),
              let data = try? Data(contentsOf: fixtures.appendingPathComponent("link-checker-pieces.json")) else { return nil }
        return try? JSONDecoder().decode(Pieces.self, from: data)
    }()

    @Test(arguments: 1...8)
    func randomSitesGetTheSameVerdicts(seed: UInt64) throws {
        let pieces = try #require(Self.pieces)
        var random = SplitMix64(seed: seed)
        var brokenSeen = 0
        var linksSeen = 0
        for round in 0..<60 {
            // Every other site has only ASCII names: the checker then looks targets up by bytes.
            let files = Self.randomSite(pieces, asciiNamesOnly: round % 2 == 0, &random)
            let expected = ReferenceLinkChecker(files: files).check()
            let actual = LinkChecker(files: files).check()
            #expect(actual == expected, "seed \(seed) round \(round)")
            brokenSeen += expected.count
            for (path, data) in files where path.hasSuffix(".html") {
                let old = ReferenceHTMLScanner.scan(data)
                let new = HTMLAttributeScanner.scan(data)
                #expect(new.linkValues(in: data) == old.links, "\(path), seed \(seed) round \(round)")
                #expect(Set(new.idValues(in: data)) == old.ids, "\(path), seed \(seed) round \(round)")
                // Every id the reference found is one the page has, and a few it did not find are not.
                // `String` equality, as the set's: an id written in another normalization form is the same id.
                for id in old.ids {
                    #expect(new.hasID(id, in: data), "\(path): \(id)")
                    #expect(new.hasID(id.decomposedStringWithCanonicalMapping, in: data), "\(path): \(id), decomposed")
                }
                for id in ["", "x-not-there", "é", (old.ids.first ?? "") + "-x"] where !old.ids.contains(id) {
                    #expect(!new.hasID(id, in: data), "\(path): \(id)")
                }
                linksSeen += old.links.count
            }
        }
        // The generator must produce both kinds, or the comparison proves little.
        #expect(brokenSeen > 100 && linksSeen > brokenSeen * 2, "\(brokenSeen) broken of \(linksSeen)")
    }

    @Test func theTargetTableAnswersLikeTheDictionary() throws {
        let names = ["index.html": 0, "a/index.html": 1, "style.css": -1, "a/b/c.xml": -1, "": 7]
        let table = try #require(LinkTargetTable(names))
        for probe in Array(names.keys) + ["index.htm", "a/index.html/", "A/index.html", "b", "style.cs", "x"] {
            #expect(Array(probe.utf8).withUnsafeBufferPointer { table.value(for: $0) } == names[probe], "\(probe)")
        }
        #expect(LinkTargetTable(["\u{212A}/index.html": 0]) == nil, "a name that is not ASCII turns the table off")
    }

    @Test func theFixtureSiteWithBrokenEdits() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        var files = try fixture.build().files
        let html = files.keys.filter { $0.hasSuffix(".html") }.sorted()
        // Break some links: drop a letter from every fifth href, and a fragment's id.
        for (number, page) in html.enumerated() {
            guard let data = files[page], var text = String(data: data, encoding: .utf8) else { continue }
            var count = 0
            text = text.replacingOccurrences(of: "href=\"", with: "href=\"\u{1}")
            text = text.split(separator: "\u{1}", omittingEmptySubsequences: false).map { part in
                count += 1
                return (count + number) % 5 == 0 && part.count > 3 ? String(part.dropFirst(2)) : String(part)
            }.joined()
            files[page] = Data(text.utf8)
        }
        let expected = ReferenceLinkChecker(files: files).check()
        #expect(!expected.isEmpty)
        #expect(LinkChecker(files: files).check() == expected)
    }

    /// A site of random pages (HTML with ids and links) and other files.
    static func randomSite(_ pieces: Pieces, asciiNamesOnly: Bool, _ random: inout SplitMix64) -> [String: Data] {
        func allowed(_ name: String) -> Bool { !asciiNamesOnly || name.utf8.allSatisfy { $0 < 0x80 } }
        var files: [String: Data] = [:]
        for file in pieces.files where random.next() % 3 != 0 && allowed(file) { files[file] = Data("x".utf8) }
        var pages = pieces.pages.filter { random.next() % 4 != 0 && allowed($0) }
        if pages.isEmpty { pages = ["index.html"] }
        var idsByPage: [String: [String]] = [:]
        for page in pages {
            idsByPage[page] = (0..<(random.next() % 4)).map { _ in pieces.ids[Int(random.next() % UInt64(pieces.ids.count))] }
        }
        let targets = pages + files.keys.sorted()
        for page in pages {
            var html = "<!doctype html><title>t</title>"
            for id in idsByPage[page] ?? [] {
                html += random.next() % 4 == 0 ? "<a name=\"\(id)\"></a>" : "<h2 id=\"\(id)\">h</h2>"
            }
            for _ in 0..<(1 + random.next() % 12) {
                var href = ""
                if random.next() % 2 == 0 {
                    // A link the way the site writes them: relative, percent-encoded, maybe to an id that exists.
                    let target = targets[Int(random.next() % UInt64(targets.count))]
                    let ids = idsByPage[target] ?? []
                    let fragment = ids.isEmpty || random.next() % 2 == 0 ? "" : "#" + ids[Int(random.next() % UInt64(ids.count))]
                    href = SitePath.relative(from: SitePath.sitePath(forOutputFile: page),
                                             to: SitePath.sitePath(forOutputFile: target)) + fragment
                } else {
                    for _ in 0..<(1 + random.next() % 4) {
                        href += pieces.pieces[Int(random.next() % UInt64(pieces.pieces.count))]
                    }
                }
                switch random.next() % 4 {
                case 0 where !href.contains("'"): html += "<img src='\(href)' alt=''>"
                case 1 where !href.contains(where: { $0 == " " || $0 == ">" || $0 == "\t" || $0 == "\r\n" }) && !href.isEmpty:
                    html += "<a href=\(href)>x</a>"
                default: html += "<a class=\"c\" href=\"\(href)\">x</a>"
                }
            }
            files[page] = Data(html.utf8)
        }
        return files
    }
}
