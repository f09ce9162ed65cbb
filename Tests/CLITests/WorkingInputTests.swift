import Foundation
import Testing

/// Inputs that look odd but are valid must simply build, end to end, into the expected pages.
@Suite struct WorkingInputTests {
    private func build(_ prepare: (ScratchSite) throws -> Void, check: (ScratchSite) throws -> Void) throws {
        let binary = try BuildSiteBinary.locate()
        let site = try ScratchSite(fixture: "base", base: nil)
        defer { site.remove() }
        try prepare(site)
        let outcome = try binary.run(["--root", site.root.path, "--quiet"])
        #expect(!outcome.signalled)
        #expect(outcome.status == 0, "stderr:\n\(outcome.stderr)")
        #expect(outcome.stderr.isEmpty)
        guard outcome.status == 0 else { return }
        try check(site)
    }

    @Test func crlfLineEndings() throws {
        try build { site in
            try site.write("---\r\ntitle: Windows page\r\ndate: 2016-01-02\r\npeople: [ada]\r\n---\r\nLine one.\r\n\r\n## A heading\r\n",
                           to: "content/timeline/windows.md")
        } check: { site in
            let html = try site.read("site/timeline/windows/index.html")
            #expect(html.contains("<h1>Windows page</h1>"))
            #expect(html.contains("2 January 2016"))
            #expect(html.contains("Line one."))
            #expect(!html.contains("\r"))
        }
    }

    @Test func byteOrderMark() throws {
        try build { site in
            try site.write(Data([0xEF, 0xBB, 0xBF]) + Data("---\ntitle: With a BOM\n---\nText after a BOM.\n".utf8), to: "content/bom.md")
        } check: { site in
            let html = try site.read("site/bom/index.html")
            #expect(html.contains("<h1>With a BOM</h1>"))
            #expect(!html.contains("\u{FEFF}"))
        }
    }

    @Test func chineseAndEmojiInTitlesAndSlugs() throws {
        try build { site in
            try site.write("---\ntitle: 马斯克与奥特曼 🚀\ndate: 2015-12-11\nslug: 开放人工智能-🚀\n---\n正文。\n", to: "content/timeline/chinese.md")
            try site.write("---\ntitle: 山姆·奥特曼\n---\n[马斯克](../timeline/chinese.md)\n", to: "content/people/山姆.md")
        } check: { site in
            let event = try site.read("site/timeline/开放人工智能-🚀/index.html")
            #expect(event.contains("<h1>马斯克与奥特曼 🚀</h1>"))
            let person = try site.read("site/people/山姆/index.html")
            #expect(person.contains("<h1>山姆·奥特曼</h1>"))
            #expect(person.contains("../../timeline/"))
            let list = try site.read("site/timeline/index.html")
            #expect(list.contains("马斯克与奥特曼 🚀"))
        }
    }

    @Test func frontMatterWithOnlyFences() throws {
        try build { site in
            try site.write("---\n---\nA page with an empty front matter block.\n", to: "content/plain.md")
        } check: { site in
            let html = try site.read("site/plain/index.html")
            #expect(html.contains("A page with an empty front matter block."))
        }
    }

    @Test func tenMegabyteMarkdownFile() throws {
        let paragraph = String(repeating: "Lorem ipsum dolor sit amet, 中文 and emoji 🚀. ", count: 20) + "\n\n"
        let copies = 10_000_000 / paragraph.utf8.count + 1
        try build { site in
            try site.write("---\ntitle: Huge\n---\n" + String(repeating: paragraph, count: copies), to: "content/huge.md")
        } check: { site in
            let data = try Data(contentsOf: site.url("site/huge/index.html"))
            #expect(data.count > 10_000_000)
            let html = String(decoding: data, as: UTF8.self)
            #expect(html.components(separatedBy: "<p>Lorem ipsum").count - 1 == copies)
        }
    }

    @Test func tenThousandFilesInOneFolder() throws {
        let count = 10_000
        try build { site in
            let folder = site.url("content/timeline")
            for number in 0..<count {
                let day = number % 28 + 1, month = number % 12 + 1, year = 1900 + number / 336
                let date = "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
                try Data("---\ntitle: Event \(number)\ndate: \(date)\npeople: [ada]\n---\nBody \(number).\n".utf8)
                    .write(to: folder.appendingPathComponent("event-\(number).md"))
            }
        } check: { site in
            let folders = try FileManager.default.contentsOfDirectory(atPath: site.url("site/timeline").path)
            #expect(folders.filter { $0.hasPrefix("event-") }.count == count)
            let list = try site.read("site/timeline/index.html")
            #expect(list.components(separatedBy: "<li>").count - 1 == count + 1)
            let last = try site.read("site/timeline/event-9999/index.html")
            #expect(last.contains("Body 9999."))
        }
    }
}
