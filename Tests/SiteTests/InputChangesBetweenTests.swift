@testable import Site
import SiteInputs
import Testing

/// `InputChanges.between`: every path whose entry differs between two logs, whichever log has it.
@Suite("Incremental builds: the inputs two logs differ in")
struct InputChangesBetweenTests {
    static let last: [String: ReadLog.Entry] = [
        "site.yml": .file(fingerprint: 1), "content/a.md": .file(fingerprint: 2), "content/": .folder(files: ["content/a.md"]),
        "static/x.css": .absent,
    ]

    @Test func theSameLogsDifferInNothing() {
        #expect(InputChanges.between(Self.last, Self.last).paths.isEmpty)
    }

    @Test func anEntryRecordedDifferently() {
        var now = Self.last
        now["content/a.md"] = .file(fingerprint: 3)
        now["static/x.css"] = .file(fingerprint: 4)
        #expect(InputChanges.between(Self.last, now).paths == ["content/a.md", "static/x.css"])
    }

    @Test func aPathInOneLogOnly() {
        var now = Self.last
        now["data/new.yml"] = .file(fingerprint: 5)
        #expect(InputChanges.between(Self.last, now).paths == ["data/new.yml"])
        #expect(InputChanges.between(now, Self.last).paths == ["data/new.yml"])
    }

    /// As many paths in both, one of each log's not in the other: both are found.
    @Test func onePathInEachLogOnly() {
        var now = Self.last
        now["site.yml"] = nil
        now["data/new.yml"] = .file(fingerprint: 1)
        #expect(InputChanges.between(Self.last, now).paths == ["data/new.yml", "site.yml"])
        #expect(InputChanges.between(now, Self.last).paths == ["data/new.yml", "site.yml"])
    }
}
