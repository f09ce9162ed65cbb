import Foundation
@testable import Site
import Testing

/// A body edit's build puts the new bodies into the last build's content in place (`LentContent`); when the
/// build fails, or the edit was not in bodies only, the session keeps the last content exactly as it was.
@Suite("Incremental builds: the content lent to a body edit")
struct LentContentTests {
    @Test func aFailedBodyEditLeavesTheLastContentAsItWas() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let session = BuildSession()
        _ = try session.build(BuildOptions(root: site.root))
        let about = try site.read("content/about.md")
        try site.write("content/about.md", about + "\nA failed edit, with [a missing page](nowhere.md).\n")
        #expect(throws: BuildFailure.self) { try session.build(BuildOptions(root: site.root)) }
        try site.write("content/about.md", about)
        _ = try session.build(BuildOptions(root: site.root))
        // Another page's body: the build keeps the content, which must hold about.md's body as it is on disk.
        try site.replace(in: "content/index.md", "(timeline/first.md#what-happened).", with: "(timeline/first.md#what-happened).\n\nAnother paragraph.")
        let next = try session.build(BuildOptions(root: site.root))
        #expect(next.incremental?.bodiesEdited == 1)
        #expect(next.files == (try site.build()).files)
        #expect(!String(decoding: try #require(next.files["about/index.html"]), as: UTF8.self).contains("A failed edit"))
    }

    /// Two pages changed, the second not in its body only (and broken): the first page's new body, put in
    /// before the second was read, goes back out of the content the session keeps.
    @Test func anEditNotInBodiesOnlyGivesTheContentBackAsItWas() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let session = BuildSession()
        _ = try session.build(BuildOptions(root: site.root))
        let about = try site.read("content/about.md"), index = try site.read("content/index.md")
        try site.write("content/about.md", about + "\nA paragraph from an edit that failed.\n")
        try site.replace(in: "content/index.md", "title: Home", with: "title: [Home")
        #expect(throws: BuildFailure.self) { try session.build(BuildOptions(root: site.root)) }
        try site.write("content/about.md", about)
        try site.write("content/index.md", index)
        #expect(try session.build(BuildOptions(root: site.root)).incremental?.reusedWholeBuild == true)
        try site.write("content/people/bob.md", try site.read("content/people/bob.md") + "\nOne more line about Bob.\n")
        let next = try session.build(BuildOptions(root: site.root))
        #expect(next.incremental?.bodiesEdited == 1)
        #expect(next.files == (try site.build()).files)
        #expect(!String(decoding: try #require(next.files["about/index.html"]), as: UTF8.self).contains("an edit that failed"))
    }
}
