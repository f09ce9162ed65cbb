import Foundation
import Site
import SiteInputs
import Testing

/// A build given a `ReadLog` records every source file it read, with the fingerprint of the bytes it read:
/// the list an incremental rebuild will compare with the disk.
@Suite("The read log of a build")
struct ReadLogBuildTests {
    /// The folders a build reads, and `site.yml`.
    private static let sources = ["site.yml", "content", "templates", "static", "data"]

    @Test func everySourceFileIsRecordedWithItsFingerprint() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.write("data/facts.yml", "founded: 2015\n")
        try site.write("content/people/ada-notes.txt", "a content asset, copied as it is\n")
        let log = ReadLog()
        _ = try SiteBuilder.build(BuildOptions(root: site.root, readLog: log))
        let recorded = log.snapshot

        let files = Self.sourceFiles(in: site.root)
        #expect(files.count > 20, "the fixture should have many source files, found \(files.count)")
        #expect(files["content/timeline/secret.md"] != nil, "a draft is read too, then dropped")
        for (path, bytes) in files {
            #expect(recorded[path] == .file(fingerprint: ReadLog.fingerprint(bytes)), "\(path) not recorded with its fingerprint")
        }
        for folder in ["content/", "templates/", "static/", "data/"] {
            guard case .folder(let listed)? = recorded[folder] else {
                Issue.record("\(folder) not recorded as listed")
                continue
            }
            #expect(Set(listed) == Set(files.keys.filter { $0.hasPrefix(folder) }))
        }
    }

    @Test func anEditedPageChangesItsFingerprint() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let before = ReadLog()
        _ = try SiteBuilder.build(BuildOptions(root: site.root, readLog: before))
        try site.replace(in: "content/about.md", "\n---\n", with: "\n---\nAn added paragraph.\n\n")
        let after = ReadLog()
        _ = try SiteBuilder.build(BuildOptions(root: site.root, readLog: after))
        #expect(before.snapshot["content/about.md"] != after.snapshot["content/about.md"])
        #expect(before.snapshot["content/index.md"] == after.snapshot["content/index.md"])
    }

    @Test func aBuildWithALogGivesTheSameOutput() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let plain = try SiteBuilder.build(BuildOptions(root: site.root))
        let logged = try SiteBuilder.build(BuildOptions(root: site.root, readLog: ReadLog()))
        #expect(plain.files == logged.files)
    }

    /// Every regular file under the sources, by root-relative path, read straight from the disk.
    private static func sourceFiles(in root: URL) -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        let base = root.standardizedFileURL.path + "/"
        for source in sources {
            let url = root.appendingPathComponent(source)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { continue }
            let urls = isFolder.boolValue
                ? (FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? [])
                : [url]
            for file in urls where !file.hasDirectoryPath && !file.lastPathComponent.hasPrefix(".") {
                guard let data = FileManager.default.contents(atPath: file.path) else { continue }
                result[String(file.standardizedFileURL.path.dropFirst(base.count))] = [UInt8](data)
            }
        }
        return result
    }
}
