import Foundation
import Testing

/// A private copy of `Fixtures/site` in the temporary folder, so tests can edit it while a server watches.
struct TemporarySite: Sendable {
    let root: URL

    init() throws {
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        root = FileManager.default.temporaryDirectory.appendingPathComponent("preview-site-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("site"), to: root)
    }

    func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    func read(_ path: String) throws -> String {
        try String(contentsOf: url(path), encoding: .utf8)
    }

    /// Overwrites a file in place, the way most editors without "safe write" save.
    func write(_ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: url(path))
    }

    /// Saves the way Vim and many IDEs do: write a temporary file next to it, then rename over it.
    func writeViaRename(_ path: String, _ text: String) throws {
        let temporary = url(path + ".tmp~")
        try Data(text.utf8).write(to: temporary)
        // rename(2) directly: it is what editors call, and it replaces the file in one step.
        guard rename(temporary.path, url(path).path) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    /// Ten saves in quick succession, alternating between `paths`, every third one by rename, done on one
    /// thread with a millisecond between saves, like an editor saving several buffers or a formatter on save.
    /// `edit` gets the original text and the save's index.
    func saveBurst(_ paths: [String], edit: @escaping @Sendable (String, Int) -> String = { text, index in text + "\n<!-- \(index) -->\n" }) async throws {
        let originals = try paths.map { try read($0) }
        let failed = await offThread { [self] () -> Bool in
            do {
                for index in 0..<10 {
                    let path = paths[index % paths.count]
                    let text = edit(originals[index % paths.count], index)
                    if index.isMultiple(of: 3) { try writeViaRename(path, text) } else { try write(path, text) }
                    usleep(1_000)
                }
                return false
            } catch {
                return true
            }
        }
        #expect(!failed)
    }

    var hasSiteFolder: Bool { FileManager.default.fileExists(atPath: url("site").path) }

    func remove() { try? FileManager.default.removeItem(at: root) }
}
