import Foundation
import Testing
@testable import Content
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Sites that cannot live in the fixture folder (symlinks, pipes, permissions, huge inputs),
/// built in a temporary folder by each test.
@Suite struct GeneratedSiteTests {
    private static let page = "---\ntitle: A page\n---\nBody\n"

    private func errors(in root: URL) -> [String] {
        do {
            _ = try ContentLoader.load(root: root)
            return []
        } catch {
            return error.errors.map { $0.description.split(separator: "\n")[0].description }
        }
    }

    @Test func symlinkToItselfIsAnErrorNotAHang() throws {
        let root = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(Self.page, to: "content/fine.md", in: root)
        try FileManager.default.createSymbolicLink(atPath: root.path + "/content/loop.md", withDestinationPath: "loop.md")
        #expect(errors(in: root) == ["content/loop.md: error: symlink loop: the link resolves to itself"])
    }

    @Test func folderLinkingToItsParentIsAnError() throws {
        let root = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(Self.page, to: "content/people/a.md", in: root)
        try FileManager.default.createSymbolicLink(atPath: root.path + "/content/people/back", withDestinationPath: "..")
        #expect(errors(in: root)
            == ["content/people/back: error: symlink loop: this folder points back to one of its parents"])
    }

    @Test func brokenSymlinkIsAnError() throws {
        let root = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(Self.page, to: "content/fine.md", in: root)
        try FileManager.default.createSymbolicLink(atPath: root.path + "/content/gone.md", withDestinationPath: "missing.md")
        #expect(errors(in: root) == ["content/gone.md: error: broken symlink: its target does not exist"])
    }

    @Test func symlinkedFileIsFollowed() throws {
        let root = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(Self.page, to: "elsewhere/shared.md", in: root)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root.path + "/content/shared.md",
                                                   withDestinationPath: root.path + "/elsewhere/shared.md")
        let set = try ContentLoader.load(root: root)
        #expect(set.pages.map(\.url) == ["/shared/"])
    }

    @Test func pipeIsAnErrorNotAHang() throws {
        let root = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(Self.page, to: "content/fine.md", in: root)
        #expect(mkfifo(root.path + "/content/pipe.md", 0o644) == 0)
        #expect(errors(in: root) == ["content/pipe.md: error: not a regular file or folder (a device, socket or pipe?)"])
    }

    @Test(.enabled(if: getuid() != 0, "root can read any file"))
    func unreadableFileIsAnError() throws {
        let root = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(Self.page, to: "content/secret.md", in: root)
        #expect(chmod(root.path + "/content/secret.md", 0) == 0)
        let found = errors(in: root)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("content/secret.md: error: cannot read: permission denied") == true)
    }

    @Test func fileNamesDifferingOnlyInCaseCollide() throws {
        let root = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(Self.page, to: "content/About.md", in: root)
        try Fixtures.write(Self.page, to: "content/about.md", in: root)
        let names = try FileManager.default.contentsOfDirectory(atPath: root.path + "/content")
        // On a case-insensitive file system the second write replaced the first: nothing to collide.
        guard names.count == 2 else { return }
        #expect(errors(in: root) == ["content/about.md:1:1: error: URL '/about/' is also produced by content/About.md"])
    }

    @Test func tenThousandFilesInOneFolder() throws {
        let root = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write("collections:\n  timeline:\n    sort_by: date\n    order: desc\n", to: "site.yml", in: root)
        try Fixtures.write("---\ntitle: Ada\n---\n", to: "content/people/ada.md", in: root)
        let count = 10_000
        let folder = root.appendingPathComponent("content/timeline")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for number in 0..<count {
            let day = number % 28 + 1, month = number % 12 + 1, year = 1900 + number / 336
            let text = "---\ntitle: Event \(number)\ndate: \(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)\n"
                + "people: [ada]\n---\nBody \(number)\n"
            try Data(text.utf8).write(to: folder.appendingPathComponent("event-\(number).md"))
        }
        let set = try ContentLoader.load(root: root)
        let timeline = try #require(set.collection(named: "timeline"))
        #expect(timeline.pageIndices.count == count)
        let dates = timeline.pageIndices.compactMap { set.pages[$0].date }
        #expect(dates.count == count)
        #expect(zip(dates, dates.dropFirst()).allSatisfy { $0 >= $1 })
        let ada = try #require(set.page(in: "people", slug: "ada"))
        #expect(set.backlinks(of: ada).first?.sources == timeline.pageIndices)
    }

    @Test func tenMegabyteMarkdownFileLoads() throws {
        let root = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let paragraph = String(repeating: "Lorem ipsum dolor sit amet, 中文 and emoji 🚀. ", count: 20) + "\n\n"
        let body = String(repeating: paragraph, count: 10_000_000 / paragraph.utf8.count + 1)
        try Fixtures.write("---\ntitle: Huge\n---\n" + body, to: "content/huge.md", in: root)
        let set = try ContentLoader.load(root: root)
        #expect(set.pages.first?.body.utf8.count == body.utf8.count)
    }

    /// A root without content/ is a mistake (a typo in --root, the wrong folder), never an empty site whose build
    /// would remove every published page (issue 19).
    @Test func missingContentFolderIsAnError() throws {
        let root = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let error = #expect(throws: ContentErrors.self) { try ContentLoader.load(root: root) }
        #expect(error?.errors.map(\.file) == ["content"])
        #expect(error?.errors.first?.message.contains("no content/ folder") == true)
    }
}
