import Foundation

/// Locations of the fixture sites and scratch folders for tests that build sites on the fly.
enum Fixtures {
    /// The copied `Fixtures` folder, or the source folder when the bundle lacks it.
    static let root: URL = {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil) ?? sourceRoot
    }()

    /// `Tests/ContentTests/Fixtures` in the checkout, where re-recorded expectations are written.
    static let sourceRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func good(_ name: String) -> URL {
        root.appendingPathComponent("good").appendingPathComponent(name)
    }

    /// Names of the folders under `bad/`, each a site that must fail to load.
    static var badCases: [String] {
        let folder = sourceRoot.appendingPathComponent("bad")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { !$0.hasPrefix(".") }
            .sorted()
    }

    /// A fresh empty folder, removed by the caller with `FileManager.removeItem`.
    /// In memory (`/dev/shm`) where there is one: the 10,000-file test is about the loader,
    /// not about how fast a busy disk creates files.
    static func scratch() throws -> URL {
        let memory = "/dev/shm"
        let base = FileManager.default.isWritableFile(atPath: memory)
            ? URL(fileURLWithPath: memory, isDirectory: true) : FileManager.default.temporaryDirectory
        let url = base.appendingPathComponent("content-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `text` to `path` below `root`, creating folders.
    static func write(_ text: String, to path: String, in root: URL) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}
