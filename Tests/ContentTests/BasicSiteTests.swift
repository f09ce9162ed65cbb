import Foundation
import Testing
@testable import Content

/// The `good/basic` fixture: a small microsite exercising every rule that must *work*.
@Suite struct BasicSiteTests {
    let set: ContentSet

    init() throws {
        set = try ContentLoader.load(root: Fixtures.good("basic"), includeDrafts: false)
    }

    private func index(_ source: String) throws -> Int {
        try #require(set.page(atSource: "content/" + source))
    }

    private func page(_ source: String) throws -> Page {
        set.pages[try index(source)]
    }

    @Test func pagesGetTheirURLs() throws {
        let urls = Dictionary(uniqueKeysWithValues: set.pages.map { ($0.source, $0.url) })
        #expect(urls == [
            "content/index.md": "/",
            "content/about.md": "/about/",
            "content/timeline/_index.md": "/timeline/",
            "content/timeline/openai-founded.md": "/timeline/openai-founded/",
            "content/timeline/talks-begin.md": "/timeline/talks-begin/",
            "content/timeline/musk-leaves-board.md": "/timeline/musk-leaves-board/",
            "content/timeline/lawsuit-filed.md": "/timeline/lawsuit-filed/",
            "content/people/elon-musk.md": "/people/elon-musk/",
            "content/people/sam-altman.md": "/people/sam-altman/",
            "content/people/奥特曼.md": "/people/奥特曼/",
            "content/organizations/openai.md": "/organizations/openai/",
            "content/organizations/xai.md": "/companies/xai/",
        ])
        #expect(try page("index.md").outputPath == "index.html")
        #expect(try page("timeline/_index.md").outputPath == "timeline/index.html")
        #expect(try page("timeline/_index.md").isListPage)
        #expect(try page("about.md").collection == nil)
        #expect(try page("people/奥特曼.md").outputPath == "people/奥特曼/index.html")
    }

    @Test func draftsAreLeftOutUnlessAsked() throws {
        #expect(set.page(atSource: "content/timeline/secret-plan.md") == nil)
        let withDrafts = try ContentLoader.load(root: Fixtures.good("basic"), includeDrafts: true)
        let draft = try #require(withDrafts.page(atSource: "content/timeline/secret-plan.md"))
        #expect(withDrafts.pages[draft].draft)
        #expect(withDrafts.pages.count == set.pages.count + 1)
        let samAltman = try #require(withDrafts.page(in: "people", slug: "sam-altman"))
        #expect(withDrafts.backlinks(of: samAltman).first?.sources.contains(draft) == true)
    }

    @Test func datesKeepTheirPrecision() throws {
        #expect(try page("timeline/talks-begin.md").date?.precision == .year)
        #expect(try page("timeline/musk-leaves-board.md").date?.precision == .month)
        #expect(try page("timeline/openai-founded.md").date?.precision == .day)
        #expect(try page("timeline/openai-founded.md").date?.iso == "2015-12-11")
        #expect(try page("timeline/musk-leaves-board.md").dateLabel == "Early 2018")
        #expect(try page("timeline/musk-leaves-board.md").template == "timeline/special.html")
        #expect(try page("index.md").summary == "Start here.")
    }

    @Test func nestedDateKeysBecomeDates() throws {
        let ties = try #require(try page("timeline/openai-founded.md")["ties"])
        guard case .list(let items) = ties.value, let since = items.first?["since"]?["start_date"],
              case .date(let date) = since.value else {
            Issue.record("ties[0].since.start_date is not a date")
            return
        }
        #expect(date.iso == "2015-12")
    }

    @Test func collectionsAreSortedByTheirKey() throws {
        let timeline = try #require(set.collection(named: "timeline"))
        #expect(timeline.pageIndices.map { set.pages[$0].slug }
            == ["talks-begin", "openai-founded", "musk-leaves-board", "lawsuit-filed"])
        #expect(timeline.listPage == (try index("timeline/_index.md")))
        let people = try #require(set.collection(named: "people"))
        #expect(people.pageIndices.map { set.pages[$0].title } == ["Elon Musk", "Sam Altman", "萨姆·奥特曼 🤖"])
        #expect(set.collections.map(\.name) == ["timeline", "people", "organizations"])
    }

    @Test func frontMatterKeepsSourceOrderAndFilePositions() throws {
        let event = try page("timeline/openai-founded.md")
        #expect(event.frontMatter.map(\.key) == ["title", "date", "people", "organizations", "ties"])
        let people = try #require(event["people"])
        guard case .list(let items) = people.value else {
            Issue.record("people is not a list")
            return
        }
        // `  - sam-altman` is line 6 of the file (the YAML starts on line 2), column 5.
        #expect(items.map(\.line) == [5, 6])
        #expect(items.map(\.column) == [5, 5])
        #expect(people.keyLine == 4 && people.keyColumn == 1)
        #expect(items.first?.keyLine == nil)
        #expect(event["ties"]?.line == 9)
        #expect(event.bodyStartLine == 14)
        #expect(event.body == "OpenAI launches as a non-profit.\n")
    }

    @Test func relationsResolveInFrontMatterOrder() throws {
        let event = try page("timeline/openai-founded.md")
        let elon = try index("people/elon-musk.md"), sam = try index("people/sam-altman.md")
        let openAI = try index("organizations/openai.md")
        #expect(event.relations.map(\.collection) == ["people", "organizations"])
        #expect(event.relations.map(\.targets) == [[elon, sam], [openAI]])
        guard case .list(let items) = event["people"]?.value else { return }
        #expect(items.map(\.target) == [elon, sam])
    }

    @Test func nestedRelationsResolve() throws {
        let sam = try page("people/sam-altman.md")
        let elon = try index("people/elon-musk.md")
        guard case .list(let ties) = sam["ties"]?.value, case .list(let people) = ties.first?["people"]?.value else {
            Issue.record("ties[0].people is not a list")
            return
        }
        #expect(people.first?.target == elon)
        #expect(sam.relations.map(\.collection) == ["organizations"])
    }

    @Test func backlinksAreGroupedAndSorted() throws {
        let elon = try index("people/elon-musk.md")
        let backlinks = set.backlinks(of: elon)
        #expect(backlinks.map(\.collection) == ["timeline", ""])
        #expect(backlinks.first?.sources.map { set.pages[$0].slug }
            == ["talks-begin", "openai-founded", "musk-leaves-board", "lawsuit-filed"])
        #expect(backlinks.last?.sources == [try index("about.md")])
        let openAI = try index("organizations/openai.md")
        #expect(set.backlinks(of: openAI).map(\.collection) == ["timeline", "people"])
        #expect(set.backlinks(of: openAI).last?.sources.map { set.pages[$0].slug } == ["elon-musk", "sam-altman"])
    }

    @Test func crlfAndByteOrderMarkFilesLoad() throws {
        let lawsuit = try page("timeline/lawsuit-filed.md")
        #expect(lawsuit.title == "Musk sues OpenAI")
        #expect(lawsuit.date?.iso == "2024-02-29")
        #expect(lawsuit.body == "A lawsuit in San Francisco.\r\n")
        let elon = try page("people/elon-musk.md")
        #expect(elon.title == "Elon Musk")
        #expect(elon.frontMatter.first?.value.line == 2)
    }

    @Test func chineseAndEmojiSlugsWork() throws {
        let chinese = try #require(set.page(in: "people", slug: "奥特曼"))
        #expect(set.pages[chinese].title == "萨姆·奥特曼 🤖")
        let xai = try #require(set.page(in: "organizations", slug: "x-ai-🚀"))
        #expect(set.pages[xai].url == "/companies/xai/")
        #expect(try page("people/elon-musk.md").relations.last?.targets.last == xai)
    }

    @Test func configIsReadWithExtraKeysInOrder() {
        #expect(set.config.title == "The Musk–Altman rivalry")
        #expect(set.config.baseURL == "https://example.org/rivalry/")
        #expect(set.config.extra.map(\.key) == ["title", "description", "language", "base_url", "collections", "social"])
        let timeline = set.config.collection(named: "timeline")
        #expect(timeline?.sortBy == "date")
        #expect(timeline?.feed == true)
        #expect(timeline?.required == ["date"])
        #expect(set.config.collection(named: "people")?.title == "People")
    }

    @Test func otherFilesAreAssets() {
        #expect(set.assets == [Asset(source: "content/people/elon-musk.jpg", output: "people/elon-musk.jpg")])
    }
}
