import Content
import Foundation
import Testing
@testable import Site

/// The real microsite (this repository's content/ and templates/), built into memory.
///
/// These tests hold the site to what its readers are promised: every event is on the timeline, on the
/// profile of everyone it names and in the overview picture; the map draws every declared tie.
@Suite("The microsite")
struct MicrositeTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    let content: ContentSet
    let site: BuiltSite

    init() throws {
        content = try ContentLoader.load(root: Self.root, includeDrafts: false)
        site = try SiteBuilder.build(BuildOptions(root: Self.root))
    }

    private var events: [Page] {
        content.pages.filter { $0.collection == "timeline" && !$0.isListPage }
    }

    private func html(_ url: String) throws -> String {
        try #require(site.text(SitePath.outputFile(for: url)), "no page at \(url)")
    }

    /// Hosts serve the 404 page at whatever address was missing, at any depth. The engine writes its links from
    /// the site's base path (`SitePath+NotFound.swift`), so from every such address, and at its own, every link,
    /// stylesheet and icon on it leads to a file of the site, resolved as a browser resolves them (Foundation's
    /// RFC 3986 resolution), with no script and no `<base>`. CI's browser check loads it at such an address.
    @Test func theNotFoundPageWorksAtAnyDepth() throws {
        let data = try #require(site.files["404.html"])
        let scan = HTMLAttributeScanner.scan(data)
        #expect(scan.bases.isEmpty)
        let basePath = content.config.basePath
        let text = String(decoding: data, as: UTF8.self)
        #expect(!text.contains("<script>"), "no script is needed to make the links work")
        let root = try #require(URL(string: content.config.baseURL))
        let rootPath = try #require(URLComponents(url: root, resolvingAgainstBaseURL: false)?.percentEncodedPath)
        #expect(rootPath == basePath)
        var checked: Set<String> = []
        for missing in ["404.html", "no-such-page", "timeline/typo/", "people/elon-musk/old/", "a/b/c/d/e.html"] {
            let served = try #require(URL(string: missing, relativeTo: root))
            for href in scan.linkValues(in: data) where !href.hasPrefix("#") {
                let target = try #require(URL(string: href, relativeTo: served)?.absoluteURL, "\(href)")
                guard target.host == root.host else { continue }  // a link off the site
                let path = try #require(URLComponents(url: target, resolvingAgainstBaseURL: false)?.percentEncodedPath)
                #expect(path.hasPrefix(rootPath), "\(href) at /\(missing) leads out of the site, to \(path)")
                guard path.hasPrefix(rootPath) else { continue }
                let inSite = String(path.dropFirst(rootPath.count)).removingPercentEncoding ?? ""
                let file = inSite.isEmpty || inSite.hasSuffix("/") ? inSite + "index.html" : inSite
                #expect(site.files[file] != nil || site.files[file + "/index.html"] != nil,
                        "\(href) at /\(missing) leads to \(path), which the site does not have")
                checked.insert(href)
            }
        }
        // Not a vacuous pass: the icon, the home page and the timeline are among the links followed.
        #expect(checked.isSuperset(of: [basePath + "favicon.svg", basePath, basePath + "timeline/"]), "\(checked.sorted())")
        // The stylesheet is in the page too, so that it is styled when opened from disk.
        let stylesheet = try String(contentsOf: Self.root.appendingPathComponent("static/style.css"), encoding: .utf8)
        #expect(text.contains("<style>\n" + stylesheet))
    }

    /// Every `{% cache %}` in the site's templates names all its output depends on: rendering every block
    /// on every page gives the same bytes as reusing fragments.
    @Test func buildsTheSameBytesWithoutTheFragmentCache() throws {
        let uncached = try SiteBuilder.build(BuildOptions(root: Self.root, reusesFragments: false))
        #expect(Set(uncached.files.keys) == Set(site.files.keys))
        for (path, data) in site.files where uncached.files[path] != data {
            Issue.record("\(path) differs without the fragment cache")
        }
    }

    @Test func hasTheTimelineAndProfilesTheIssueAsksFor() {
        #expect(events.count >= 25)
        #expect(content.pages.filter { $0.collection == "people" && !$0.isListPage }.count >= 12)
        #expect(content.pages.filter { $0.collection == "organizations" && !$0.isListPage }.count >= 8)
    }

    @Test func everyEventIsOnTheTimelinePage() throws {
        let timeline = try html("/timeline/")
        for event in events {
            #expect(timeline.contains("href=\"\(event.slug)/\""), "\(event.source) is not linked from the timeline")
        }
    }

    @Test func everyEventIsOnTheProfileOfEveryoneItNames() throws {
        for event in events {
            for relation in event.relations where relation.collection == "people" || relation.collection == "organizations" {
                for target in relation.targets {
                    let profile = content.pages[target]
                    let page = try html(profile.url)
                    #expect(page.contains("href=\"../../timeline/\(event.slug)/\""),
                            "\(event.source) is missing from \(profile.source)")
                }
            }
        }
    }

    @Test(arguments: ["/", "/timeline/"])
    func theOverviewHasOneMarkPerEvent(_ url: String) throws {
        let page = try html(url)
        let marks = page.components(separatedBy: "<circle class=\"event-mark").count - 1
        #expect(marks == events.count)
        let prefix = url == "/" ? "timeline/" : ""
        for event in events {
            #expect(page.contains("<a href=\"\(prefix)\(event.slug)/\"><title>"), "no mark for \(event.source)")
        }
    }

    @Test func theMapDrawsEveryDeclaredTie() throws {
        var ties = 0
        for page in content.pages where page.collection == "people" || page.collection == "organizations" {
            guard case .list(let items)? = page["ties"]?.value else { continue }
            for item in items {
                for key in ["people", "organizations"] {
                    if case .list(let targets)? = item[key]?.value { ties += targets.count }
                }
            }
        }
        let map = try html("/people/")
        let drawn = map.components(separatedBy: "<path class=\"tie ").count - 1
        #expect(ties > 0)
        #expect(drawn == ties)
    }

    @Test func everyEventNamesASource() {
        for event in events {
            #expect(event.relations.contains { $0.collection == "sources" && !$0.targets.isEmpty }, "\(event.source)")
        }
    }

    /// Issue #25: every event, profile and explainer page shows the passages of the source it rests on, marked
    /// as Chinese, under one heading; the build has already checked each passage against ledger/wsj-report.zh.txt.
    @Test func everyEventProfileAndExplainerShowsWhatTheSourceSays() throws {
        let explainers = ["/", "/compare/", "/numbers/"]
        let profiles = content.pages.filter { ["timeline", "people", "organizations"].contains($0.collection ?? "") && !$0.isListPage }
        for url in explainers + profiles.map(\.url) {
            let page = try html(url)
            #expect(page.contains("<h2 id=\"ledger-heading\">What the source says</h2>"), "\(url)")
            #expect(page.contains("<blockquote class=\"ledger__quote\" lang=\"zh\" data-source=\"chinese-republication\">"), "\(url)")
        }
    }

    /// Issue #25: a page shows at most one notice that its quotations are translated.
    @Test func onePageOneTranslationNotice() throws {
        for page in content.pages where page.source != "content/404.md" {
            let text = try html(page.url)
            let notices = text.components(separatedBy: "our translation").count - 1
                + text.components(separatedBy: "Our translation").count - 1
            #expect(notices <= 1, "\(page.source) has \(notices) translation notices")
        }
    }

    /// Issue #25: an event the report does not date (`period:` instead of `date:`) gets no machine-readable date,
    /// is listed under its period rather than a year, and says so.
    @Test func anUndatedEventHasNoMachineReadableDate() throws {
        let undated = events.filter { $0.date == nil }
        #expect(undated.count >= 3)
        let timeline = try html("/timeline/")
        for event in undated {
            let page = try html(event.url)
            let kicker = try #require(page.components(separatedBy: "<p class=\"kicker\">").dropFirst().first?
                .components(separatedBy: "</p>").first)
            #expect(!kicker.contains("<time"), "\(event.source)")
            #expect(kicker.contains("class=\"period\""), "\(event.source)")
            #expect(!page.contains("\"startDate\""), "\(event.source)")
            guard case .string(let period)? = event["period"]?.value else {
                Issue.record("\(event.source) has neither date nor period")
                continue
            }
            #expect(timeline.contains(">\(period.replacingOccurrences(of: "'", with: "&#39;")) <span class=\"year__note\">not dated in the report</span></h2>"),
                    "\(event.source)")
        }
    }
}
