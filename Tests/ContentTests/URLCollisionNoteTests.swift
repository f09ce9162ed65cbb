import Foundation
import Testing
@testable import Content

/// The letter-case note appears only when the two URLs really differ in letter case.
@Suite struct URLCollisionNoteTests {
    private func notes(_ files: [String: String]) throws -> [[String]] {
        let root = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        for (path, text) in files { try Fixtures.write(text, to: path, in: root) }
        do {
            _ = try ContentLoader.load(root: root)
            Issue.record("the load should have failed")
            return []
        } catch {
            return error.errors.map(\.notes)
        }
    }

    @Test func sameURLHasNoCaseNote() throws {
        let found = try notes(["content/about.md": "---\ntitle: A\n---\n",
                               "content/company.md": "---\ntitle: B\npermalink: /about/\n---\n"])
        #expect(found == [[]])
    }

    @Test func urlsDifferingInCaseSaySo() throws {
        let found = try notes(["content/about.md": "---\ntitle: A\n---\n",
                               "content/company.md": "---\ntitle: B\npermalink: /About/\n---\n"])
        #expect(found == [["'/About/' and '/about/' differ only in letter case, and collide on many hosts"]])
    }
}
