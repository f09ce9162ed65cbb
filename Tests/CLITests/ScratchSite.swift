import Foundation
import Testing

/// A site folder in a temporary directory, built from fixtures or written by a test, removed when done.
struct ScratchSite {
    let root: URL

    /// The fixture folder shipped with the tests.
    static let fixtures: URL = {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil) ?? URL(fileURLWithPath: "/nonexistent")
    }()

    /// The package's own folder (for the real microsite templates and static files).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// An empty temporary site folder.
    init() throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("cli-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    /// A temporary copy of `Fixtures/base` with `Fixtures/<folder>` laid over it (its files replace the base's).
    init(fixture folder: String, base: String? = "base") throws {
        try self.init()
        if let base { try copyTree(from: Self.fixtures.appendingPathComponent(base)) }
        try copyTree(from: Self.fixtures.appendingPathComponent(folder))
    }

    func remove() {
        // Restore permissions a test may have taken away, so the folder can be deleted.
        if let walker = FileManager.default.enumerator(atPath: root.path) {
            for case let path as String in walker {
                chmod(root.appendingPathComponent(path).path, 0o755)
            }
        }
        try? FileManager.default.removeItem(at: root)
    }

    func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    func write(_ data: Data, to path: String) throws {
        let target = url(path)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: target)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: url(path), encoding: .utf8)
    }

    /// Copies every file under `source` into the site, keeping relative paths; `expected.txt` stays behind.
    func copyTree(from source: URL) throws {
        guard let walker = FileManager.default.enumerator(at: source, includingPropertiesForKeys: [.isRegularFileKey]) else { return }
        let prefix = source.standardizedFileURL.path + "/"
        for case let file as URL in walker {
            guard try file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            let relative = String(file.standardizedFileURL.path.dropFirst(prefix.count))
            if relative == "expected.txt" || relative == ".keep" { continue }
            try write(try Data(contentsOf: file), to: relative)
        }
    }

    /// Every file (and symlink) under `folder`, by relative path, with its bytes (a symlink as "-> target").
    static func snapshot(of folder: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return result }
        for case let relative as String in walker {
            let path = folder.appendingPathComponent(relative).path
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFREG: result[relative] = FileManager.default.contents(atPath: path) ?? Data("<unreadable>".utf8)
            case S_IFLNK: result[relative] = Data(("-> " + ((try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?")).utf8)
            case S_IFDIR: result[relative + "/"] = Data()
            default: result[relative] = Data("<special>".utf8)
            }
        }
        return result
    }

    /// Lays down a `site/` as a previous successful build would have left it, with a manifest,
    /// plus a file the build never wrote; returns its snapshot for a later byte-for-byte comparison.
    @discardableResult
    func plantPreviousOutput() throws -> [String: Data] {
        try write("<!doctype html><title>old</title>\n", to: "site/index.html")
        try write("old page\n", to: "site/about/index.html")
        try write("# build-site manifest: files written by the last build (do not edit)\nabout/index.html\nindex.html\n",
                  to: "site/.build-site-manifest")
        try write("a file the owner put here\n", to: "site/notes-of-the-owner.txt")
        return Self.snapshot(of: url("site"))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
