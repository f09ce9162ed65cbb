import Foundation
import Testing
import Site

/// A fixture site copied into a fresh temporary folder, so tests can edit and build it freely.
struct FixtureSite {
    let root: URL

    init(_ name: String = "basic") throws {
        guard let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile)
        }
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("build-site-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent(name), to: root)
    }

    var output: URL { root.appendingPathComponent("site", isDirectory: true) }

    func build(drafts: Bool = false) throws(BuildFailure) -> BuiltSite {
        try SiteBuilder.build(BuildOptions(root: root, includeDrafts: drafts))
    }

    /// The diagnostics of a build that must fail, as `file:line:col: error: message`; a build that succeeds is
    /// recorded as an issue (and gives none).
    func failedBuildDiagnostics() -> [String] {
        do {
            _ = try build()
            Issue.record("the build should have failed")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// Replaces the first occurrence of `find` in a file; fails when it is not there, so a stale
    /// fixture edit cannot silently test nothing.
    func replace(in path: String, _ find: String, with replacement: String) throws {
        let text = try read(path)
        guard let range = text.range(of: find) else { throw CocoaError(.fileReadCorruptFile) }
        try write(path, text.replacingCharacters(in: range, with: replacement))
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    /// Every file under a folder with its bytes, for "untouched" comparisons.
    static func snapshot(_ folder: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return result }
        let base = folder.standardizedFileURL.path
        for case let url as URL in enumerator {
            if let data = FileManager.default.contents(atPath: url.path), !url.hasDirectoryPath {
                result[String(url.standardizedFileURL.path.dropFirst(base.count))] = data
            }
        }
        return result
    }
}

extension BuiltSite {
    func text(_ path: String) -> String? {
        files[path].map { String(decoding: $0, as: UTF8.self) }
    }
}
