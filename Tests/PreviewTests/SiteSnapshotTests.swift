import Foundation
import Testing
@testable import Preview
import Site

/// What browsers are told after each build: the output is compared, not the edited file guessed at.
@Suite struct SiteSnapshotTests {
    private func site(_ files: [String: String]) -> BuildOutcome {
        .built(BuiltSite(files: files.mapValues { Data($0.utf8) }, pageCount: 1))
    }

    private let base = ["index.html": "<p>home</p>", "style.css": "a{}", "print.css": "b{}"]

    @Test func classifiesEachKindOfChange() {
        let (first, initial) = SiteSnapshot(instance: "t").updated(with: site(base))
        #expect(initial == .everything)
        #expect(first.version == "t-1")

        #expect(first.updated(with: site(base)).change == SiteChange.none)
        #expect(first.updated(with: site(base)).snapshot.version == "t-1")

        var css = base
        css["style.css"] = "a{color:red}"
        css["print.css"] = "b{color:red}"
        let (afterCSS, cssChange) = first.updated(with: site(css))
        #expect(cssChange == .stylesheets)
        #expect(afterCSS.version == "t-2")

        var html = base
        html["index.html"] = "<p>edited</p>"
        #expect(first.updated(with: site(html)).change == .pages(PageUpdate(swap: [], reload: ["index.html"])))

        var added = base
        added["new.css"] = "c{}"
        #expect(first.updated(with: site(added)).change == SiteChange.none)
        added["new.html"] = "<p>new</p>"
        #expect(first.updated(with: site(added)).change == .everything)

        var removed = base
        removed["print.css"] = nil
        #expect(first.updated(with: site(removed)).change == .everything)
    }

    @Test func failuresShowOnceAndRecoveryReloads() {
        let (good, _) = SiteSnapshot(instance: "t").updated(with: site(base))
        let (broken, failed) = good.updated(with: .failed(report: ["templates/a.html:1:2: error: x"]))
        #expect(failed == .everything)
        #expect(broken.errorReport == ["templates/a.html:1:2: error: x"])
        #expect(broken.files["style.css"] != nil)
        #expect(broken.updated(with: .failed(report: ["templates/a.html:1:2: error: x"])).change == SiteChange.none)
        #expect(broken.updated(with: .failed(report: ["templates/a.html:1:3: error: y"])).change == .everything)
        let (fixed, recovered) = broken.updated(with: site(base))
        #expect(recovered == .everything)
        #expect(fixed.errorReport == nil)
    }

    @Test func unchangedFilesKeepTheirTags() {
        let (first, _) = SiteSnapshot(instance: "t").updated(with: site(base))
        var html = base
        html["index.html"] = "<p>edited</p>"
        let (second, _) = first.updated(with: site(html))
        #expect(second.files["style.css"]?.etag == first.files["style.css"]?.etag)
        #expect(second.files["index.html"]?.etag != first.files["index.html"]?.etag)
    }
}
