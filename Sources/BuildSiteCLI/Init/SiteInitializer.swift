import Foundation
import Site

/// Writes the starter's files into a folder that is absent or empty, and nowhere else.
enum SiteInitializer {
    /// - Parameters:
    ///   - folder: where the site goes; made with its parents when absent.
    ///   - shownAs: the folder as the user wrote it, for messages.
    /// - Returns: the number of files written.
    /// - Throws: a `Diagnostic` when the folder is a file or not empty, or a file cannot be written.
    static func write(_ starter: Starter, into folder: URL, shownAs: String) throws(Diagnostic) -> Int {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw Diagnostic(file: nil, message: "\(shownAs) is a file, not a folder")
            }
            let entries = ((try? fileManager.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
            guard entries.isEmpty else {
                let shown = entries.prefix(3).joined(separator: ", ") + (entries.count > 3 ? ", …" : "")
                throw Diagnostic(file: nil, message: "refusing to create a site in \(shownAs): the folder is not empty (\(shown))",
                                 notes: ["build-site init writes only into an empty or new folder; name a new one: build-site init my-site"])
            }
        }
        for file in starter.files {
            let url = folder.appendingPathComponent(file.path)
            do {
                try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                // Never over a file that appeared meanwhile.
                try file.data.write(to: url, options: .withoutOverwriting)
            } catch {
                throw Diagnostic(file: nil, message: "cannot write \(file.path) in \(shownAs): \(error.localizedDescription)")
            }
        }
        return starter.files.count
    }
}
